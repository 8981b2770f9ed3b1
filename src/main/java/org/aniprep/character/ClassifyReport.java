package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.RgbImage;
import org.aniprep.image.Thumbnails;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.Html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code <src>/_report/classify.html}: a summary table, then each character and each cluster as a
 * contact sheet of head crops with its face and frame counts (the first {@value #MAX_FACES} faces of
 * each group are shown). Crops are small JPEGs in {@code classify_files/} beside the page.
 */
final class ClassifyReport {
    static final String FILE = "_report/classify.html";
    static final int MAX_FACES = 60;
    private static final int THUMB = 112;

    private ClassifyReport() {
    }

    static Path write(ClassifyResult result, String embedder, double threshold, Problems problems) throws IOException {
        Path html = result.src().resolve(FILE);
        Path thumbs = html.resolveSibling("classify_files");
        Files.createDirectories(thumbs);
        try (Stream<Path> old = Files.list(thumbs)) {
            for (Path f : old.filter(p -> p.getFileName().toString().matches("g\\d+_\\d+\\.jpg")).toList()) {
                Files.deleteIfExists(f);
            }
        }
        StringBuilder summary = new StringBuilder("<table><tr><th>who</th><th>faces</th><th>frames</th></tr>");
        StringBuilder body = new StringBuilder();
        List<ClassifyResult.Group> groups = result.groups();
        try (Progress progress = Progress.start("classify: report", "groups", groups.size())) {
            for (int g = 0; g < groups.size(); g++) {
                ClassifyResult.Group group = groups.get(g);
                String title = title(group);
                summary.append("<tr><td><a href=\"#g").append(g).append("\">").append(Html.escape(title)).append("</a></td><td>")
                        .append(group.faces().size()).append("</td><td>").append(group.frames()).append("</td></tr>");
                body.append("<section id=\"g").append(g).append("\" class=\"").append(group.kind().name().toLowerCase(Locale.ROOT))
                        .append("\"><h2>").append(Html.escape(title)).append(" <small>").append(group.faces().size()).append(" face(s) in ")
                        .append(group.frames()).append(" frame(s)</small></h2><div class=\"sheet\">");
                List<ClassifyResult.Member> shown = group.faces().subList(0, Math.min(MAX_FACES, group.faces().size()));
                List<RgbImage> crops = HeadCrops.of(shown, problems);
                for (int i = 0; i < shown.size(); i++) {
                    ClassifyResult.Member m = shown.get(i);
                    String name = "g" + g + "_" + i + ".jpg";
                    if (crops.get(i) != null) {
                        Thumbnails.writeJpeg(Thumbnails.fit(crops.get(i), THUMB, THUMB), thumbs.resolve(name));
                    }
                    String rel = html.getParent().relativize(m.image().toAbsolutePath().normalize()).toString().replace('\\', '/');
                    body.append("<figure><a href=\"").append(Html.escape(Html.url(rel))).append("\"><img loading=\"lazy\" src=\"classify_files/")
                            .append(name).append("\" alt=\"\"></a><figcaption>").append(Html.escape(m.image().getFileName().toString()))
                            .append(m.distance() == null ? "" : String.format(Locale.ROOT, " · %.3f", m.distance()))
                            .append("</figcaption></figure>");
                }
                if (group.faces().size() > shown.size()) {
                    body.append("<p>… and ").append(group.faces().size() - shown.size()).append(" more</p>");
                }
                if (group.faces().isEmpty()) {
                    body.append("<p>not found in any frame</p>");
                }
                body.append("</div></section>\n");
                progress.step();
            }
        }
        summary.append("</table>");
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>aniprep classify</title><style>"
                + "body{font-family:sans-serif;margin:1em;background:#fafafa}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}"
                + "section{margin:1em 0;padding:.5em;background:#fff;box-shadow:0 1px 3px #0003}section.character{border-left:6px solid #2a2}"
                + "section.cluster{border-left:6px solid #e90}section.unclustered,section.noise{border-left:6px solid #999}"
                + "h2 small{color:#666;font-weight:normal}.sheet{display:flex;flex-wrap:wrap;gap:6px}"
                + "figure{margin:0;width:" + THUMB + "px;font-size:11px;word-break:break-all}figure img{display:block;width:" + THUMB
                + "px;height:" + THUMB + "px;object-fit:contain;background:#444}</style></head><body><h1>aniprep classify</h1><p>"
                + result.images() + " images; embedder " + Html.escape(embedder) + String.format(Locale.ROOT, ", threshold %.4f", threshold)
                + ". Green: reference characters; orange: clusters of unknown look-alikes (rename or move an exported cluster "
                + "folder into refs/ and run classify again to name them); grey: the rest. The number under a face is its distance "
                + "to the nearest reference.</p>" + summary + body + "</body></html>\n";
        AtomicFiles.writeString(html, page);
        return html;
    }

    private static String title(ClassifyResult.Group g) {
        return switch (g.kind()) {
            case CHARACTER -> g.name();
            case CLUSTER -> "cluster " + g.name();
            case UNCLUSTERED -> g.name();
            case NOISE -> "noise sink " + g.name();
        };
    }
}
