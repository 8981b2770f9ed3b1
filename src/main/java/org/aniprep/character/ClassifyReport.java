package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.report.Counts;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.report.Link;
import org.aniprep.report.Links;
import org.aniprep.report.Page;
import org.aniprep.report.Pages;
import org.aniprep.report.Section;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.image.RgbImage;
import java.util.function.UnaryOperator;
import org.aniprep.report.Tile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code <src>/_report/classify.html}: a summary table, then each character and each cluster as a
 * contact sheet of head crops with its face and frame counts (the first {@value #MAX_FACES} faces of
 * each group are shown). Crops come from the report folder's shared {@link ThumbnailStore}, keyed
 * by the frame and the head box.
 */
final class ClassifyReport {
    static final String FILE = "_report/classify.html";
    static final int MAX_FACES = 60;

    private ClassifyReport() {
    }

    /** Where the page of a run over {@code src} goes, with its thumbnails. */
    static Path folder(Path src) {
        return src.toAbsolutePath().normalize().resolve(FILE).getParent();
    }

    /** A face's tile: its head cut from the frame (see {@link ThumbnailStore#offer(Path, String, RgbImage, UnaryOperator)}). */
    static void offerHead(ThumbnailStore store, Path image, RgbImage pixels, FaceBox box) {
        store.offer(image, headVariant(box), pixels, img -> HeadCrops.crop(img, box));
    }

    private static String headVariant(FaceBox box) {
        return "head " + box;
    }

    static Path write(ClassifyResult result, String embedder, double threshold, Problems problems) throws IOException {
        Path html = result.src().toAbsolutePath().normalize().resolve(FILE);
        ThumbnailStore store = ThumbnailStore.at(html.getParent(), problems::add);
        List<ClassifyResult.Group> groups = result.groups();
        List<Counts.Row> rows = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        try (Progress progress = Progress.start("classify: report", "groups", groups.size())) {
            for (int g = 0; g < groups.size(); g++) {
                ClassifyResult.Group group = groups.get(g);
                String title = title(group);
                rows.add(row(group, title).linked("#g" + g));
                sections.add(section(store, html.getParent(), group, g, title));
                progress.step();
            }
        }
        return Pages.write(html, Page.titled("classify").nav(Page.nav(html))
                .line(result.images() + " images; embedder " + embedder + String.format(Locale.ROOT, ", threshold %.4f", threshold)
                        + ". Rename or move an exported cluster folder into refs/ and run classify again to name it. "
                        + "The number under a face is its distance to the nearest reference. Per character: faces named "
                        + "(by the references, or confirmed or proposed from your review), left uncertain (too close to another "
                        + "name to call; check them first) and left unknown (nearest this character, beyond the threshold but within 1.5 times it).")
                .legend("character", "reference characters").legend("uncertain", "faces too close to call (not named)")
                .legend("cluster", "clusters of unknown look-alikes")
                .legend("other", "the rest")
                .table(new Counts(null, List.of("who", "faces", "frames", "named", "uncertain", "left unknown"), rows))
                .sections(sections).build());
    }

    private static Counts.Row row(ClassifyResult.Group group, String title) {
        if (group.kind() != ClassifyResult.Kind.CHARACTER) {
            return Counts.Row.of(title, group.faces().size(), group.frames(), "", "", "");
        }
        String named = group.faces().size() + " (" + group.withStatus(ClassifyInfo.NAMED) + " by references, "
                + group.withStatus(ClassifyInfo.CONFIRMED) + " confirmed, " + group.withStatus(ClassifyInfo.PROPOSED) + " proposed)";
        return Counts.Row.of(title, group.faces().size(), group.frames(), named, group.uncertain(), group.unknown());
    }

    private static Section section(ThumbnailStore store, Path dir, ClassifyResult.Group group, int g, String title) {
        // the doubtful faces (farthest from the references) first
        List<ClassifyResult.Member> sorted = new ArrayList<>(group.faces());
        sorted.sort(Comparator.comparing((ClassifyResult.Member m) -> m.distance() == null ? 0 : -m.distance()));
        List<ClassifyResult.Member> shown = sorted.subList(0, Math.min(MAX_FACES, sorted.size()));
        List<Tile> tiles = new ArrayList<>();
        for (ClassifyResult.Member m : shown) {
            FaceBox box = m.box();
            String thumb = store.thumb(m.image(), headVariant(box), img -> HeadCrops.crop(img, box));
            tiles.add(Tile.of(Links.relative(dir, m.image()), thumb == null ? null : Links.encode(thumb),
                    m.image().getFileName().toString())
                    .withDetail(m.distance() == null ? null : String.format(Locale.ROOT, "%.3f", m.distance())));
        }
        Link more = group.faces().size() > shown.size() ? new Link(null, "… and " + (group.faces().size() - shown.size()) + " more")
                : group.faces().isEmpty() ? new Link(null, "not found in any frame") : null;
        return Section.sheet("g" + g, title, group.faces().size() + " face(s) in " + group.frames() + " frame(s)", tiles)
                .withKind(group.kind().name().toLowerCase(Locale.ROOT)).squares().withMore(more);
    }

    private static String title(ClassifyResult.Group g) {
        return switch (g.kind()) {
            case CHARACTER -> g.name();
            case UNCERTAIN -> "uncertain: " + g.name() + "?";
            case CLUSTER -> "cluster " + g.name();
            case UNCLUSTERED, IGNORED -> g.name();
            case NOISE -> "noise sink " + g.name();
        };
    }
}
