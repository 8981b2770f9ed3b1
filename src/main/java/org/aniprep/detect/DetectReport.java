package org.aniprep.detect;

import org.aniprep.io.AtomicFiles;
import org.aniprep.io.Html;
import org.aniprep.sidecar.DetectInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A static HTML page to look at detections: counts per face count and face-height bucket, then
 * every frame (lazy-loaded, scaled by the browser) with its boxes drawn over it (faces red, heads
 * blue, persons green). Written to {@code <src>/_report/detect.html}; images are linked relatively.
 */
public final class DetectReport {
    public static final String FILE = "_report/detect.html";

    /** One frame and its section. */
    public record Entry(Path image, DetectInfo info) {
    }

    private DetectReport() {
    }

    public static Path write(Path src, List<Entry> entries) throws IOException {
        Path out = src.toAbsolutePath().normalize().resolve(FILE);
        Path dir = out.getParent();
        Map<String, Integer> byCount = new TreeMap<>();
        Map<String, Integer> byBucket = new TreeMap<>();
        StringBuilder cards = new StringBuilder();
        for (Entry e : entries) {
            DetectInfo d = e.info();
            if (d.faceCount() != null) {
                byCount.merge(d.faceCount() + (d.faceCount() == 1 ? " face" : " faces"), 1, Integer::sum);
                byBucket.merge(d.faceHeightBucket(), 1, Integer::sum);
            }
            cards.append(card(dir.relativize(e.image().toAbsolutePath().normalize()).toString().replace('\\', '/'), d));
        }
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>aniprep detect</title><style>")
                .append("body{font-family:sans-serif;margin:1em;background:#fafafa}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:10px}.card{width:320px;background:#fff;padding:4px;box-shadow:0 1px 3px #0003}")
                .append(".pic{position:relative}.pic img{width:100%;display:block}.pic svg{position:absolute;left:0;top:0;width:100%;height:100%}.cap{font-size:12px;word-break:break-all}")
                .append("table{border-collapse:collapse;margin-right:2em;display:inline-table}td,th{border:1px solid #ccc;padding:2px 8px}")
                .append("</style></head><body><h1>aniprep detect</h1><p>")
                .append(entries.size()).append(" images. Boxes: <b style=\"color:#e00\">faces</b>, <b style=\"color:#06f\">heads</b>, ")
                .append("<b style=\"color:#0a0\">persons</b>; dashed: found by only one of the offline face detectors ")
                .append("(FaceBoxes or the cascade; hover a box to see which).</p>")
                .append(table("faces in frame", byCount)).append(table("face height (% of frame)", byBucket))
                .append("<div class=\"grid\">").append(cards).append("</div></body></html>\n");
        AtomicFiles.writeString(out, html.toString());
        return out;
    }

    private static String card(String href, DetectInfo d) {
        int w = d.width();
        int h = d.height();
        StringBuilder sb = new StringBuilder("<div class=\"card\"><div class=\"pic\"><img loading=\"lazy\" src=\"")
                .append(escape(url(href))).append("\" alt=\"\"><svg viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" preserveAspectRatio=\"none\">");
        int stroke = Math.max(2, Math.max(w, h) / 200);
        boxes(sb, d.persons(), "#0a0", stroke);
        boxes(sb, d.heads(), "#06f", stroke);
        boxes(sb, d.faces(), "#e00", stroke);
        sb.append("</svg></div><div class=\"cap\">").append(escape(href));
        if (d.faceCount() != null) {
            sb.append("<br>").append(d.faceCount()).append(" face(s), height ").append(escape(d.faceHeightBucket()));
        }
        return sb.append("</div></div>\n").toString();
    }

    private static void boxes(StringBuilder sb, DetectInfo.Boxes boxes, String colour, int stroke) {
        if (boxes == null) {
            return;
        }
        for (DetectInfo.Box b : boxes.boxes()) {
            List<Integer> p = b.box();
            // a merged detector's box found by only one of its detectors is dashed
            boolean single = b.foundBy() != null && b.foundBy().size() == 1;
            sb.append("<rect x=\"").append(p.get(0)).append("\" y=\"").append(p.get(1)).append("\" width=\"").append(p.get(2) - p.get(0))
                    .append("\" height=\"").append(p.get(3) - p.get(1)).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"").append(stroke)
                    .append(single ? "\" stroke-dasharray=\"" + 3 * stroke + " " + 2 * stroke : "").append("\"><title>")
                    .append(escape(b.label())).append(' ').append(b.score());
            if (b.foundBy() != null) {
                StringBuilder by = new StringBuilder();
                b.foundBy().forEach((who, score) -> by.append(by.length() == 0 ? "" : ", ").append(who).append(' ').append(score));
                sb.append(" (found by ").append(escape(by.toString())).append(')');
            }
            sb.append("</title></rect>");
        }
    }

    private static String table(String title, Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder("<table><tr><th>").append(escape(title)).append("</th><th>images</th></tr>");
        counts.forEach((k, v) -> sb.append("<tr><td>").append(escape(k)).append("</td><td>").append(v).append("</td></tr>"));
        return sb.append("</table>").toString();
    }

    static String url(String relative) {
        return Html.url(relative);
    }

    static String escape(String s) {
        return Html.escape(s);
    }
}
