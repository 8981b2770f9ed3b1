package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.ReviewInfo;

import java.util.List;

/**
 * One frame of the index, as read from its sidecar (or the error that kept it from being read).
 *
 * @param rel        path relative to the frames folder, {@code /}-separated ({@code _removed/...} for removed frames)
 * @param episode    the episode folder ({@code EP01}), or {@code ""} for frames at the top
 * @param verdict    {@code kept}, {@code filter}, {@code dedup} or {@code manual} (where it lies and why)
 * @param reason     filter's reason, or the kept twin of a dedup-removed frame, or {@code manual}
 * @param faces      every face box classify (or detect) recorded, not-a-face ones included
 * @param tags       the tags the dataset would carry (tagger's kept tags with the user's edits)
 * @param caption    the caption on disk (the caption section's text, or the user's caption)
 * @param heightBand detect's face-height bucket, or null
 * @param review     the review section (never null)
 * @param sections   the whole record (for the frame page), or null when it could not be read
 * @param error      why the record could not be read, else null
 */
public record FrameEntry(String rel, String episode, String verdict, String reason, List<FaceEntry> faces,
                         List<String> tags, String caption, String heightBand, int width, int height,
                         ReviewInfo review, JsonNode sections, String error) {
    public boolean removed() {
        return !"kept".equals(verdict);
    }

    public long faceCount() {
        return faces.stream().filter(f -> !f.notAFace()).count();
    }
}
