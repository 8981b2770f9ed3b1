package org.aniprep.filter;

import java.nio.file.Path;

/**
 * What {@code aniprep filter} does.
 *
 * @param text   subtitled frames: drop, keep (flagged in the record), or off (no text detection at all)
 * @param blur   blurred frames: drop, or keep (flagged; the default: blur is judged relative to the episode)
 * @param action move rejected frames to {@code SRC/_removed/}, or only record and report
 * @param report the HTML report, or null for {@code SRC/_report/filter.html}
 */
public record FilterOptions(Path src, TextMode text, BlurMode blur, Action action, Path report) {
    public enum TextMode { drop, keep, off }

    public enum BlurMode { drop, keep }

    public enum Action { move, report }

    public Path reportFile() {
        return report != null ? report : src.resolve("_report").resolve("filter.html");
    }
}
