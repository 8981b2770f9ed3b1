package org.aniprep.dataset.report;

import org.aniprep.console.Problems;
import org.aniprep.dataset.balance.BalanceRun;
import org.aniprep.dataset.balance.ImageTree;
import org.aniprep.io.MediaFiles;
import org.aniprep.report.Links;
import org.aniprep.report.Page;
import org.aniprep.report.Pages;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.report.Tile;
import org.aniprep.report.TreeNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <tree>/_report/dataset.html}: the training tree as nested folders with image counts (own
 * and below), each folder's multiply when balance has run, and a few thumbnails per image folder
 * with the caption of each on hover (and the first one printed). Thumbnails come from the tree's
 * shared {@link ThumbnailStore} (keyed by path, size and time), so a rerun over a large tree is quick.
 */
public final class DatasetReport {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetReport.class);
    public static final String FILE = "_report/dataset.html";
    /** Folders that get thumbnails; the rest are listed with their counts only, to keep the page light. */
    static final int MAX_THUMB_FOLDERS = 400;
    static final int CAPTION_CHARS = 300;
    /** Up to this many image folders the page opens every folder; beyond, only the first two levels. */
    static final int OPEN_ALL_FOLDERS = 60;

    private final Path pageDir;
    private final ThumbnailStore store;
    private final boolean openAll;
    private int thumbFolders;

    private DatasetReport(Path pageDir, ThumbnailStore store, ImageTree.Node tree) {
        this.pageDir = pageDir.toAbsolutePath().normalize();
        this.store = store;
        int[] folders = {0};
        tree.visit(n -> folders[0] += n.images() > 0 ? 1 : 0);
        openAll = folders[0] <= OPEN_ALL_FOLDERS;
    }

    /** Writes the page for the tree under {@code root}; returns its path. */
    public static Path write(Path root, Problems problems) throws IOException {
        Path page = root.toAbsolutePath().normalize().resolve(FILE);
        ImageTree.Node tree = ImageTree.scan(root, problems::add);
        int[] folders = {0};
        tree.visit(n -> folders[0] += n.images() > 0 ? 1 : 0);
        Pages.write(page, Page.titled("dataset").nav(Page.nav(page))
                .line(root.toAbsolutePath().normalize() + ": " + tree.total() + " images in " + folders[0]
                        + " folders with images. Counts: images in the folder and below; ×m is the folder's multiply.txt "
                        + "(each of its images is seen m times per epoch).")
                .tree(tree(root, page.getParent(), tree)).build());
        LOG.info("report: {}", page);
        return page;
    }

    /**
     * The tree under {@code root} as a {@link TreeNode} for a page in {@code pageDir}, thumbnails from
     * the tree's own store ({@code <root>/_report/thumbs}, shared with its dataset page).
     */
    public static TreeNode tree(Path root, Path pageDir, ImageTree.Node tree) {
        ThumbnailStore store = ThumbnailStore.at(root.toAbsolutePath().normalize().resolve("_report"),
                (f, why) -> LOG.warn("{}: {}", f, why)); // the report is a view: an unreadable image is the trainer's to reject
        return tree(pageDir, store, tree);
    }

    /**
     * The same with thumbnails from another report's {@code store}: {@code aniprep run}'s report.html
     * keeps them outside the training tree, where trainers that read a tree recursively would take them
     * for training images.
     */
    public static TreeNode tree(Path pageDir, ThumbnailStore store, ImageTree.Node tree) {
        return new DatasetReport(pageDir, store, tree).node(tree, true);
    }

    private TreeNode node(ImageTree.Node n, boolean open) {
        List<Tile> tiles = new ArrayList<>();
        String firstCaption = null;
        if (n.images() > 0 && thumbFolders < MAX_THUMB_FOLDERS) {
            thumbFolders++;
            for (Path img : n.samples()) {
                String caption = caption(img);
                if (firstCaption == null && caption != null) {
                    firstCaption = caption;
                }
                String thumb = store.thumb(img);
                tiles.add(Tile.of(Links.relative(pageDir, img), thumb == null ? null : Links.relative(pageDir, store.reportDir().resolve(thumb)),
                        img.getFileName().toString()).withTitle(caption));
            }
        }
        List<TreeNode> children = new ArrayList<>();
        for (ImageTree.Node c : n.children()) {
            children.add(node(c, false));
        }
        boolean opened = open || openAll || n.rel().chars().filter(c -> c == '/').count() < 1;
        return new TreeNode(n.rel().isEmpty() ? "." : n.name(), n.total(), n.images(), multiply(n.dir()), opened, tiles,
                firstCaption, children);
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
}
