package org.aniprep.dataset.report;

import org.aniprep.console.Problems;
import org.aniprep.dataset.balance.BalanceRun;
import org.aniprep.dataset.balance.ImageTree;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.OpenCvImages;
import org.aniprep.image.RgbImage;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code <tree>/_report/dataset.html}: the training tree as nested folders with image counts (own
 * and below), each folder's multiply when balance has run, and a few thumbnails per image folder
 * with the caption of each on hover (and the first one printed). Thumbnails are small JPEGs in
 * {@code _report/dataset_files/}, named after the image's path and remade only when the image is
 * newer, so a rerun over a large tree is quick.
 */
public final class DatasetReport {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetReport.class);
    static final int THUMB = 160;
    /** Folders that get thumbnails; the rest are listed with their counts only, to keep the page light. */
    static final int MAX_THUMB_FOLDERS = 400;
    static final int CAPTION_CHARS = 300;
    /** Up to this many image folders the page opens every folder; beyond, only the first two levels. */
    static final int OPEN_ALL_FOLDERS = 60;

    private final Path root;
    private final Path files;
    private final ImageLoader loader = new ImageLoader();
    private final Set<String> thumbs = new HashSet<>();
    private final StringBuilder html = new StringBuilder();
    private int thumbFolders;
    private boolean openAll;

    private DatasetReport(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.files = this.root.resolve("_report/dataset_files");
    }

    /** Writes the page for the tree under {@code root}; returns its path. */
    public static Path write(Path root, Problems problems) throws IOException {
        DatasetReport r = new DatasetReport(root);
        return r.render(ImageTree.scan(root, problems::add));
    }

    private Path render(ImageTree.Node tree) throws IOException {
        Files.createDirectories(files);
        int[] folders = {0};
        tree.visit(n -> folders[0] += n.images() > 0 ? 1 : 0);
        openAll = folders[0] <= OPEN_ALL_FOLDERS;
        html.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>aniprep dataset</title><style>")
                .append("body{font-family:sans-serif;margin:1em 2em;background:#faf8f4}")
                .append("details{margin-left:1.2em;border-left:1px solid #ddd;padding-left:.6em}")
                .append("summary{cursor:pointer;padding:2px 0}summary b{font-size:15px}")
                .append(".n{color:#555;font-size:13px;margin-left:.6em}.m{background:#e4efff;border-radius:3px;padding:0 4px;margin-left:.6em;font-size:13px}")
                .append("figure{display:inline-block;margin:3px;vertical-align:top}figure img{max-width:").append(THUMB)
                .append("px;max-height:").append(THUMB).append("px;border:1px solid #ccc;display:block}")
                .append("figcaption{font-size:11px;max-width:").append(THUMB).append("px;word-break:break-all}")
                .append("p.cap{font-size:12px;color:#333;background:#fff;border:1px solid #eee;padding:4px;margin:2px 0 6px}")
                .append("</style></head><body>\n<h1>Training tree</h1>\n<p>")
                .append(esc(root.toString())).append(": ").append(tree.total()).append(" images in ").append(folders[0])
                .append(" folders with images. Counts: images in the folder and below");
        html.append("; <span class=m>×m</span> is the folder's multiply.txt (each of its images is seen m times per epoch).</p>\n");
        node(tree, true);
        html.append("</body></html>\n");
        removeStaleThumbnails();
        Path page = root.resolve("_report/dataset.html");
        AtomicFiles.writeString(page, html.toString());
        LOG.info("report: {}", page);
        return page;
    }

    private void node(ImageTree.Node n, boolean open) {
        html.append("<details").append(open || openAll || n.rel().chars().filter(c -> c == '/').count() < 1 ? " open" : "")
                .append("><summary><b>")
                .append(esc(n.rel().isEmpty() ? "." : n.name())).append("</b><span class=n>").append(n.total()).append(" images");
        if (n.images() > 0 && !n.children().isEmpty()) {
            html.append(" (").append(n.images()).append(" here)");
        }
        html.append("</span>");
        String multiply = multiply(n.dir());
        if (multiply != null) {
            html.append("<span class=m>×").append(esc(multiply)).append("</span>");
        }
        html.append("</summary>\n");
        if (n.images() > 0) {
            images(n);
        }
        for (ImageTree.Node c : n.children()) {
            node(c, false);
        }
        html.append("</details>\n");
    }

    private void images(ImageTree.Node n) {
        if (thumbFolders >= MAX_THUMB_FOLDERS) {
            return;
        }
        thumbFolders++;
        html.append("<div>");
        String firstCaption = null;
        for (Path img : n.samples()) {
            String caption = caption(img);
            if (firstCaption == null && caption != null) {
                firstCaption = caption;
            }
            String thumb = thumbnail(img);
            String href = link(img);
            html.append("<figure><a href=\"").append(esc(href)).append("\">");
            if (thumb != null) {
                html.append("<img loading=lazy src=\"dataset_files/").append(thumb).append("\" alt=\"\"");
                if (caption != null) {
                    html.append(" title=\"").append(esc(caption)).append('"');
                }
                html.append('>');
            }
            html.append("</a><figcaption>").append(esc(img.getFileName().toString())).append("</figcaption></figure>");
        }
        html.append("</div>\n");
        if (firstCaption != null) {
            html.append("<p class=cap>").append(esc(firstCaption)).append("</p>\n");
        }
    }

    /** A relative, percent-encoded link from {@code _report/} to the image. */
    private String link(Path img) {
        return "../" + root.toUri().relativize(img.toAbsolutePath().normalize().toUri());
    }

    /** The image's caption ({@code .txt}, else {@code .caption}), shortened. */
    private static String caption(Path img) {
        for (String ext : new String[]{".txt", ".caption"}) {
            Path c = img.resolveSibling(MediaFiles.stem(img) + ext);
            if (Files.isRegularFile(c)) {
                try {
                    String s = Files.readString(c, StandardCharsets.UTF_8).strip();
                    return s.length() > CAPTION_CHARS ? s.substring(0, CAPTION_CHARS) + "…" : s;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String multiply(Path dir) {
        Path m = dir.resolve(BalanceRun.MULTIPLY);
        try {
            return Files.isRegularFile(m) ? Files.readString(m, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String thumbnail(Path img) {
        String name = hash(root.relativize(img).toString()) + ".jpg";
        Path out = files.resolve(name);
        thumbs.add(name);
        try {
            if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(img)) >= 0) {
                return name;
            }
            RgbImage rgb = loader.load(img);
            double s = Math.min(1.0, THUMB / (double) Math.max(rgb.width(), rgb.height()));
            int w = Math.max(1, (int) Math.round(rgb.width() * s));
            int h = Math.max(1, (int) Math.round(rgb.height() * s));
            try (Mat bgr = OpenCvImages.toBgr(rgb); Mat small = OpenCvImages.resizeArea(bgr, w, h)) {
                AtomicFiles.write(out, OpenCvImages.encode(small, "jpg", 85));
            }
            return name;
        } catch (IOException e) {
            // the report is a view: an image it cannot show is the later stages' (or the trainer's) to reject
            LOG.warn("{}: no thumbnail for the dataset report ({})", img, e.getMessage());
            return null;
        }
    }

    private void removeStaleThumbnails() throws IOException {
        try (Stream<Path> s = Files.list(files)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{20}\\.jpg")).toList()) {
                if (!thumbs.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
