package org.aniprep.demo;

import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code index.html} in the demo folder: the cast, the episodes (playable), and for every stage its
 * summary, links to its HTML reports and a thumbnail gallery of each folder it pointed at. Links are relative, so the folder
 * can be moved or zipped.
 */
final class DemoIndex {
    /** Thumbnails per gallery; enough to see what a stage did without a huge page. */
    static final int MAX_THUMBNAILS = 400;
    /** Thumbnails shown before the rest of a gallery is folded away, so every stage is a short scroll apart. */
    static final int SHOWN_THUMBNAILS = 25;

    /** One stage's part of the page; {@code command} names its anchor. */
    record Section(String command, String title, List<String> lines, List<Path> lookAt) {
    }

    private final DemoLayout layout;
    private final StringBuilder html = new StringBuilder();

    DemoIndex(DemoLayout layout) {
        this.layout = layout;
    }

    static Path path(DemoLayout layout) {
        return layout.root().resolve("index.html");
    }

    void write(List<SampleEpisodes.Episode> episodes, List<Section> sections) throws IOException {
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>aniprep demo</title><style>")
                .append("body{font-family:sans-serif;margin:2em;background:#faf8f4}")
                .append("figure{display:inline-block;margin:4px;font-size:11px;text-align:center}")
                .append("figure img{width:192px;border:1px solid #ccc}video{width:480px;margin:4px}")
                .append("pre{background:#fff;padding:8px;border:1px solid #ddd;white-space:pre-wrap}")
                .append("summary{cursor:pointer;margin:4px;color:#06c}nav a{margin-right:1em}")
                .append("</style></head><body>\n<h1>aniprep demo</h1>\n<nav><a href=\"#cast\">cast</a><a href=\"#episodes\">episodes</a>");
        for (Section section : sections) {
            html.append("<a href=\"#").append(escape(section.command())).append("\">").append(escape(section.command())).append("</a>");
        }
        html.append("</nav>\n<h2 id=\"cast\">Cast</h2>\n<img src=\"")
                .append(link(layout.storyboard().resolve("cast.png"))).append("\" style=\"max-width:100%\">\n<h2 id=\"episodes\">Episodes</h2>\n");
        for (SampleEpisodes.Episode ep : episodes) {
            ClipScript s = ep.script();
            html.append("<div><video controls src=\"").append(link(ep.video())).append("\"></video><br>")
                    .append(escape(ep.video().getFileName().toString())).append(String.format(
                            ": %.1f s, %d frames, %d shots, %d distinct pictures (<a href=\"%s\">storyboard</a>)</div>%n",
                            s.seconds(), s.frameCount(), s.shots().size(), s.uniquePictures().size(),
                            link(SampleEpisodes.scriptFile(layout, ep.video()))));
        }
        for (Section section : sections) {
            html.append("<h2 id=\"").append(escape(section.command())).append("\">").append(escape(section.title()))
                    .append("</h2>\n<pre>")
                    .append(escape(String.join("\n", section.lines()))).append("</pre>\n");
            for (Path p : section.lookAt()) {
                if (p.getFileName().toString().endsWith(".html") && Files.isRegularFile(p)) {
                    html.append("<p>Report: <a href=\"").append(link(p)).append("\">").append(escape(layout.show(p)))
                            .append("</a></p>\n");
                }
            }
            for (Path p : section.lookAt()) {
                if (Files.isDirectory(p)) {
                    gallery(p);
                }
            }
        }
        html.append("</body></html>\n");
        AtomicFiles.writeString(path(layout), html.toString());
    }

    private void gallery(Path folder) throws IOException {
        List<Path> images = MediaFiles.find(folder, false, null, MediaFiles::isImage, (f, m) -> { }, Set.of());
        // the page is written after every stage, so a folder shows what later stages left in it
        html.append("<h3>").append(escape(layout.show(folder))).append(" (").append(images.size()).append(" images now)</h3>\n<div>");
        List<Path> shown = images.subList(0, Math.min(images.size(), MAX_THUMBNAILS));
        for (int i = 0; i < shown.size(); i++) {
            if (i == SHOWN_THUMBNAILS) {
                html.append("<details><summary>").append(shown.size() - i).append(" more</summary>");
            }
            Path img = shown.get(i);
            String name = escape(img.getFileName().toString());
            html.append("<figure><a href=\"").append(link(img)).append("\"><img loading=\"lazy\" src=\"")
                    .append(link(img)).append("\" alt=\"").append(name).append("\"></a><figcaption>")
                    .append(name).append("</figcaption></figure>");
        }
        html.append(shown.size() > SHOWN_THUMBNAILS ? "</details></div>\n" : "</div>\n");
    }

    /** A relative, percent-encoded link from the demo folder. */
    private String link(Path p) {
        return escape(layout.root().toUri().relativize(p.toAbsolutePath().normalize().toUri()).toString());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
