package org.aniprep.dedup;

import org.aniprep.image.Thumbnails;
import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.Thumbnails;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.Html;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A static HTML page to check the threshold by eye: one row per group of duplicates, the kept frame
 * first and outlined, then the removed frames with their distance to it. Thumbnails are small JPEGs
 * in {@code <report>_files/} beside the page, linked relatively, so the folder can be copied.
 */
final class DedupReport {
    static final int MAX_ROWS = 5000;
    private static final int THUMB_W = 240;
    private static final int THUMB_H = 135;

    private final ImageLoader loader;
    private final Problems problems;

    DedupReport(ImageLoader loader, Problems problems) {
        this.loader = loader;
        this.problems = problems;
    }

    /** Writes the page and its thumbnails; call before the duplicates are moved away. */
    void write(Path html, DedupPlan plan, Fingerprinter<?> method, double threshold, String action) throws IOException {
        String stem = html.getFileName().toString().replaceFirst("\\.html?$", "");
        Path thumbs = html.toAbsolutePath().resolveSibling(stem + "_files");
        clearOldThumbnails(thumbs);
        List<DedupPlan.Group> rows = plan.groups().stream().filter(g -> g.size() > 1).limit(MAX_ROWS).toList();
        long multi = plan.groups().stream().filter(g -> g.size() > 1).count();
        StringBuilder body = new StringBuilder();
        try (Progress progress = Progress.start("dedup: report", "groups", rows.size())) {
            int row = 0;
            for (DedupPlan.Group g : rows) {
                row++;
                body.append("<tr><td class=n>").append(row).append("<br><small>").append(g.size()).append(" frames</small></td><td>");
                appendCell(body, plan, g, g.kept(), "<b>kept</b>", thumbs, true);
                for (int k = 0; k < g.size(); k++) {
                    if (g.members()[k] != g.kept()) {
                        appendCell(body, plan, g, g.members()[k], esc(method.describeDistance(g.distances()[k])), thumbs, false);
                    }
                }
                body.append("</td></tr>\n");
                progress.step();
            }
        }
        String head = String.format(Locale.ROOT, "<p>%d images, %d groups, %d duplicates (%s, threshold %s, action %s). "
                        + "Groups with more than one frame: %d%s.</p>", plan.items().size(), plan.groups().size(),
                plan.duplicates(), esc(method.id()), esc(method.describeThreshold(threshold)), esc(action), multi,
                multi > rows.size() ? "; the first " + rows.size() + " are shown" : "");
        AtomicFiles.writeString(html, page(head, body.toString()));
    }

    private void appendCell(StringBuilder out, DedupPlan plan, DedupPlan.Group g, int item, String label,
                            Path thumbs, boolean kept) {
        DedupItem it = plan.items().get(item);
        String thumbName = item + ".jpg";
        String src = thumbs.getFileName() + "/" + thumbName;
        try {
            Thumbnails.writeJpeg(Thumbnails.fit(loader.load(it.file()), THUMB_W, THUMB_H), thumbs.resolve(thumbName));
        } catch (IOException e) {
            problems.add(it.file(), "no thumbnail for the report (" + e.getMessage() + ")");
            src = "";
        }
        out.append("<figure class=").append(kept ? "kept" : "removed").append("><img loading=lazy src=\"")
                .append(esc(src)).append("\" alt=\"\"><figcaption>")
                .append(label)
                .append(String.format(Locale.ROOT, " · sharp %.0f", it.sharpness()))
                .append(item == g.representative() ? " · first" : "")
                .append("<br>").append(esc(it.relative())).append("</figcaption></figure>");
    }


    /** Thumbnails of an earlier report (named by item number) would linger next to the new ones. */
    private static void clearOldThumbnails(Path thumbs) throws IOException {
        if (!java.nio.file.Files.isDirectory(thumbs)) {
            return;
        }
        try (java.util.stream.Stream<Path> old = java.nio.file.Files.list(thumbs)) {
            for (Path f : old.filter(p -> p.getFileName().toString().matches("\\d+\\.jpg")).toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        }
    }

    static String esc(String s) {
        return Html.escape(s);
    }

    private static String page(String head, String rows) {
        return "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>aniprep dedup report</title><style>"
                + "body{font-family:sans-serif;margin:1em;background:#fafafa}table{border-collapse:collapse}"
                + "td{border-bottom:1px solid #ccc;padding:6px;vertical-align:top}td.n{text-align:right;color:#555}"
                + "figure{display:inline-block;margin:4px;width:" + THUMB_W + "px;font-size:12px;word-break:break-all}"
                + "figure img{display:block;max-width:" + THUMB_W + "px;max-height:" + THUMB_H + "px}"
                + "figure.kept{outline:4px solid #2a2;background:#e8ffe8}figure.removed{opacity:.85}"
                + "figure.removed img{outline:2px dashed #c33}</style></head><body>\n<h1>Duplicate groups</h1>\n"
                + head + "\n<p>Green: the kept frame. Dashed red: removed (moved to _removed/ with action move). "
                + "Each removed frame shows how alike it is to the kept one.</p>\n<table>\n"
                + rows + "</table>\n</body></html>\n";
    }
}
