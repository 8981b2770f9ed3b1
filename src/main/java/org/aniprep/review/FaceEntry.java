package org.aniprep.review;

import org.aniprep.sidecar.ReviewInfo;

import java.util.List;

/**
 * One face as the review shows it: classify's result on one detect box, with the user's decision on
 * that box ({@code decision}, or null) laid over it.
 *
 * @param id        {@code <frame>#<kind><index>}, stable while the frame's detect section stays
 * @param frame     the frame's path relative to the frames folder
 * @param character the name shown: the user's name, else classify's ({@code unknown} when none)
 * @param status    classify's status, or {@code confirmed} when the user named it
 * @param candidate for uncertain faces, the name classify withheld
 * @param cluster   the cluster of look-alikes of an unknown face, or null
 * @param distance  classify's distance to the nearest reference (null without references)
 * @param embedding the cached embedding, or null (used for the distance to a cluster's centre)
 */
public record FaceEntry(String id, String frame, String kind, int index, List<Integer> box, String character,
                        String status, String candidate, String cluster, Double distance, float[] embedding,
                        ReviewInfo.Face decision) {
    public static final String UNKNOWN = "unknown";

    public boolean named() {
        return character != null && !UNKNOWN.equals(character);
    }

    public boolean uncertain() {
        return "uncertain".equals(status) && candidate != null;
    }

    public boolean notAFace() {
        return decision != null && decision.isNotAFace();
    }

    public boolean ignored() {
        return decision != null && decision.isIgnored() || "ignored".equals(status);
    }

    /** The group the characters view puts it in: {@code c:NAME}, {@code l:LINK}, {@code k:CLUSTER}, {@code i:}, {@code u:}. */
    public String group() {
        if (named()) {
            return "c:" + character;
        }
        if (ignored()) {
            return "i:";
        }
        if (decision != null && decision.link() != null) {
            return "l:" + decision.link();
        }
        if (uncertain()) {
            return "c:" + candidate;
        }
        return cluster != null ? "k:" + cluster : "u:";
    }
}
