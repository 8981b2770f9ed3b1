package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.Thumbnails;
import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.FilterInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A static page to check the thresholds by eye: the rejected frames grouped by reason, then the
 * frames flagged but kept, each with its thumbnail (text boxes drawn over it) and the scores that
 * decided it. Thumbnails are small JPEGs in {@code <report>_files/}, linked relatively.
 */
final class FilterReport {
    static final int MAX_PER_GROUP = 400;
    private static final int THUMB_W = 240;
    private static final int THUMB_H = 135;

    /** A frame the report may show. */
    record Entry(Path image, String relative, FilterInfo info) {
    }

    private final ImageLoader loader;
    private final Problems problems;

    FilterReport(ImageLoader loader, Problems problems) {
        this.loader = loader;
        this.problems = problems;
    }

    /** Writes the page; call before rejected frames are moved. */
    void write(Path html, List<Entry> entries, int frames, FilterOptions options) throws IOException {
        String stem = html.getFileName().toString().replaceFirst("\\.html?$", "");
        Path thumbs = html.resolveSibling(stem + "_files");
        clearOldThumbnails(thumbs);
        Map<Reason, List<Entry>> dropped = new EnumMap<>(Reason.class);
        Map<Reason, List<Entry>> kept = new EnumMap<>(Reason.class);
        for (Entry e : entries) {
            if (e.info().dropped()) {
                dropped.computeIfAbsent(Reason.of(e.info().reason()), r -> new ArrayList<>()).add(e);
            } else if (e.info().hits() != null) {
                for (String h : e.info().hits()) {
                    kept.computeIfAbsent(Reason.of(h), r -> new ArrayList<>()).add(e);
                }
            }
        }
        int shown = dropped.values().stream().mapToInt(l -> Math.min(l.size(), MAX_PER_GROUP)).sum()
                + kept.values().stream().mapToInt(l -> Math.min(l.size(), MAX_PER_GROUP)).sum();
        StringBuilder body = new StringBuilder();
        int[] thumbNo = {0};
        boolean moved = options.action() == FilterOptions.Action.move;
        try (Progress progress = Progress.start("filter: report", "img", shown)) {
            body.append(summary(dropped, kept, frames, options));
            for (var group : dropped.entrySet()) {
                section(body, group.getKey(), group.getValue(), true, moved, thumbs, thumbNo, progress);
            }
            for (var group : kept.entrySet()) {
                section(body, group.getKey(), group.getValue(), false, false, thumbs, thumbNo, progress);
            }
        }
        AtomicFiles.writeString(html, page(body.toString()));
    }

    private static String summary(Map<Reason, List<Entry>> dropped, Map<Reason, List<Entry>> kept, int frames, FilterOptions o) {
        int nDropped = dropped.values().stream().mapToInt(List::size).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<p>%d frames; %d rejected (%s); text %s, blur %s.</p><table><tr><th>reason</th><th>rejected</th><th>flagged, kept</th></tr>",
                frames, nDropped, o.action() == FilterOptions.Action.move ? "moved to _removed/ with their sidecars; move them back to undo"
                        : "recorded only, nothing moved", o.text(), o.blur()));
        for (Reason r : Reason.values()) {
            int d = dropped.getOrDefault(r, List.of()).size();
            int k = kept.getOrDefault(r, List.of()).size();
            if (d + k > 0) {
                sb.append("<tr><td><a href=\"#").append(r.id()).append("\">").append(r.id()).append("</a></td><td>")
                        .append(d).append("</td><td>").append(k).append("</td></tr>");
            }
        }
        return sb.append("</table>\n").toString();
    }

    private void section(StringBuilder out, Reason reason, List<Entry> entries, boolean dropped, boolean moved, Path thumbs,
                         int[] thumbNo, Progress progress) {
        out.append("<h2 id=\"").append(dropped ? reason.id() : reason.id() + "-kept").append("\">")
                .append(dropped ? "Rejected: " : "Flagged, kept: ").append(esc(reason.describe())).append(" (")
                .append(entries.size()).append(")</h2>\n<div class=grid>");
        for (Entry e : entries.subList(0, Math.min(entries.size(), MAX_PER_GROUP))) {
            String name = (thumbNo[0]++) + ".jpg";
            String src = thumbs.getFileName() + "/" + name;
            try {
                Thumbnails.writeJpeg(Thumbnails.fit(loader.load(e.image()), THUMB_W, THUMB_H), thumbs.resolve(name));
            } catch (IOException ex) {
                problems.add(e.image(), "no thumbnail for the report (" + ex.getMessage() + ")");
                src = "";
            }
            out.append("<figure class=").append(dropped ? "dropped" : "kept").append("><div class=pic><img loading=lazy src=\"")
                    .append(esc(src)).append("\" alt=\"\">").append(boxes(e.info())).append("</div><figcaption>")
                    .append(esc(scores(reason, e.info()))).append("<br>").append(esc(moved ? "_removed/" + e.relative() : e.relative()))
                    .append("</figcaption></figure>");
            progress.step();
        }
        if (entries.size() > MAX_PER_GROUP) {
            out.append("<p>... and ").append(entries.size() - MAX_PER_GROUP).append(" more (see the sidecars).</p>");
        }
        out.append("</div>\n");
    }

    /** The scores behind a verdict, in words short enough for a caption. */
    static String scores(Reason reason, FilterInfo info) {
        FilterInfo.Scores s = info.scores();
        return switch (reason) {
            case BLACK, WHITE, UNIFORM -> String.format(Locale.ROOT, "flat %.1f%% at level %d", 100 * s.flat(), s.flatLevel());
            case FLASH -> String.format(Locale.ROOT, "+%.0f luma over both neighbours (mean %.0f)", s.flash(), s.lumaMean());
            case FADE -> String.format(Locale.ROOT, "fade %.0f%% towards %s (contrast %.1f, shot %s)", 100 * s.fade(),
                    s.fadeTowards(), s.lumaStd(), s.shot());
            case CREDITS, TITLE_CARD, SUBTITLES -> info.text() == null ? reason.id() : String.format(Locale.ROOT,
                    "%d line(s), background detail %.1f", info.text().lines(), info.text().background());
            case BLUR -> String.format(Locale.ROOT, "sharpness %.0f: %.0f%% of the episode's typical for its contrast", s.sharpness(),
                    100 * (s.sharpnessRatio() == null ? 0 : s.sharpnessRatio()));
        };
    }

    /** The text boxes over the thumbnail, as an SVG in frame fractions. */
    private static String boxes(FilterInfo info) {
        if (info.text() == null || info.text().boxes() == null || info.text().boxes().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<svg viewBox=\"0 0 1 1\" preserveAspectRatio=\"none\">");
        for (List<Double> b : info.text().boxes()) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.4f\" y=\"%.4f\" width=\"%.4f\" height=\"%.4f\"/>",
                    b.get(0), b.get(1), b.get(2) - b.get(0), b.get(3) - b.get(1)));
        }
        return sb.append("</svg>").toString();
    }

    private static void clearOldThumbnails(Path thumbs) throws IOException {
        if (!Files.isDirectory(thumbs)) {
            return;
        }
        try (Stream<Path> old = Files.list(thumbs)) {
            for (Path f : old.filter(p -> p.getFileName().toString().matches("\\d+\\.jpg")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>aniprep filter report</title><style>"
                + "body{font-family:sans-serif;margin:1em;background:#fafafa}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 8px}.grid{display:flex;flex-wrap:wrap;gap:6px}"
                + "figure{margin:0;width:" + THUMB_W + "px;font-size:12px;word-break:break-all;background:#fff;padding:3px}"
                + ".pic{position:relative}.pic img{display:block;width:100%}"
                + ".pic svg{position:absolute;left:0;top:0;width:100%;height:100%}"
                + ".pic rect{fill:none;stroke:#f0f;stroke-width:2px;vector-effect:non-scaling-stroke}"
                + "figure.dropped img{outline:2px dashed #c33}</style></head><body>\n<h1>Frame quality filter</h1>\n"
                + body + "</body></html>\n";
    }
}
