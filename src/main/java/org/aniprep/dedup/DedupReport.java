package org.aniprep.dedup;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.report.Links;
import org.aniprep.report.Page;
import org.aniprep.report.Pages;
import org.aniprep.report.Paging;
import org.aniprep.report.Section;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.report.Tile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Static HTML pages to check the threshold by eye: one section per group of duplicates, the kept
 * frame first and outlined, then the removed frames with their distance to it; {@value #PER_PAGE}
 * groups per page ({@code dedup.html}, {@code dedup-2.html}, ...). Thumbnails come from the report
 * folder's shared {@link ThumbnailStore}, linked relatively, so the folder can be copied.
 */
final class DedupReport {
    static final int MAX_ROWS = 5000;
    static final int PER_PAGE = 100;

    private final ImageLoader loader;
    private final Problems problems;

    DedupReport(ImageLoader loader, Problems problems) {
        this.loader = loader;
        this.problems = problems;
    }

    /** Writes the pages and their thumbnails; call before the duplicates are moved away. */
    void write(Path html, DedupPlan plan, Fingerprinter<?> method, double threshold, String action) throws IOException {
        Path page = html.toAbsolutePath().normalize();
        ThumbnailStore store = ThumbnailStore.at(page.getParent(), loader, problems::add);
        List<DedupPlan.Group> multi = plan.groups().stream().filter(g -> g.size() > 1).toList();
        List<DedupPlan.Group> rows = multi.subList(0, Math.min(multi.size(), MAX_ROWS));
        String head = String.format(Locale.ROOT, "%d images, %d groups, %d duplicates (%s, threshold %s, action %s). "
                        + "Groups with more than one frame: %d%s.", plan.items().size(), plan.groups().size(),
                plan.duplicates(), method.id(), method.describeThreshold(threshold), action, multi.size(),
                multi.size() > rows.size() ? "; the first " + rows.size() + " are shown" : "");
        List<Paging.Slice<DedupPlan.Group>> slices = Paging.split(page, rows, PER_PAGE);
        try (Progress progress = Progress.start("dedup: report", "groups", rows.size())) {
            int row = 0;
            for (Paging.Slice<DedupPlan.Group> slice : slices) {
                List<Section> sections = new ArrayList<>();
                for (DedupPlan.Group g : slice.items()) {
                    row++;
                    sections.add(section(store, plan, g, method, row));
                    progress.step();
                }
                Pages.write(slice.file(), Page.titled("dedup").nav(Page.nav(page)).line(head)
                        .legend("kept", "the kept frame").legend("removed", "removed (moved to _removed/ with action move); "
                                + "each shows how alike it is to the kept one")
                        .pager(slice.pager()).sections(sections).build());
            }
        }
        Paging.removeBeyond(page, slices.size());
    }

    private static Section section(ThumbnailStore store, DedupPlan plan, DedupPlan.Group g, Fingerprinter<?> method, int row) {
        List<Integer> order = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        order.add(g.kept());
        labels.add("kept");
        for (int k = 0; k < g.size(); k++) {
            if (g.members()[k] != g.kept()) {
                order.add(g.members()[k]);
                labels.add(method.describeDistance(g.distances()[k]));
            }
        }
        Map<Path, String> thumbs = store.thumbs(order.stream().map(i -> plan.items().get(i).file()).toList());
        List<Tile> tiles = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int item = order.get(k);
            DedupItem it = plan.items().get(item);
            String thumb = thumbs.get(it.file());
            tiles.add(Tile.of(null, thumb == null ? null : Links.encode(thumb), it.relative())
                    .withDetail(labels.get(k) + String.format(Locale.ROOT, " · sharp %.0f", it.sharpness())
                            + (item == g.representative() ? " · first" : ""))
                    .withKind(k == 0 ? "kept" : "removed"));
        }
        return Section.sheet("g" + row, "Group " + row, g.size() + " frames", tiles);
    }
}
