package org.aniprep.filter;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.report.Counts;
import org.aniprep.report.Link;
import org.aniprep.report.Links;
import org.aniprep.report.Overlay;
import org.aniprep.report.Page;
import org.aniprep.report.Pages;
import org.aniprep.report.Section;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.report.Tile;
import org.aniprep.sidecar.FilterInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A static page to check the thresholds by eye: the rejected frames grouped by reason, then the
 * frames flagged but kept, each with its thumbnail (text boxes drawn over it) and the scores that
 * decided it (the first {@value #MAX_PER_GROUP} of each group). Thumbnails come from the report
 * folder's shared {@link ThumbnailStore}.
 */
final class FilterReport {
    static final int MAX_PER_GROUP = 400;

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
        ThumbnailStore store = ThumbnailStore.at(html.toAbsolutePath().getParent(), loader, problems::add);
        int nDropped = dropped.values().stream().mapToInt(List::size).sum();
        boolean moved = options.action() == FilterOptions.Action.move;
        Page.Builder page = Page.titled("filter").nav(Page.nav(html))
                .line(String.format(Locale.ROOT, "%d frames; %d rejected (%s); text %s, blur %s. The first %d of each "
                                + "group are shown; the scores of every frame are in its sidecar.", frames, nDropped,
                        moved ? "moved to _removed/ with their sidecars; move them back to undo" : "recorded only, nothing moved",
                        options.text(), options.blur(), MAX_PER_GROUP))
                .legend("text", "text boxes found");
        List<Counts.Row> rows = new ArrayList<>();
        for (Reason r : Reason.values()) {
            int d = dropped.getOrDefault(r, List.of()).size();
            int k = kept.getOrDefault(r, List.of()).size();
            if (d + k > 0) {
                rows.add(Counts.Row.of(r.id(), d, k).linked("#" + (d > 0 ? r.id() : r.id() + "-kept")));
            }
        }
        page.table(new Counts(null, List.of("reason", "rejected", "flagged, kept"), rows));
        int shown = dropped.values().stream().mapToInt(l -> Math.min(l.size(), MAX_PER_GROUP)).sum()
                + kept.values().stream().mapToInt(l -> Math.min(l.size(), MAX_PER_GROUP)).sum();
        try (Progress progress = Progress.start("filter: report", "img", shown)) {
            for (var group : dropped.entrySet()) {
                page.section(section(store, group.getKey(), group.getValue(), true, moved, progress));
            }
            for (var group : kept.entrySet()) {
                page.section(section(store, group.getKey(), group.getValue(), false, false, progress));
            }
        }
        Pages.write(html, page.build());
    }

    private Section section(ThumbnailStore store, Reason reason, List<Entry> entries, boolean dropped, boolean moved,
                            Progress progress) {
        List<Entry> shown = entries.subList(0, Math.min(entries.size(), MAX_PER_GROUP));
        Map<Path, String> thumbs = store.thumbs(shown.stream().map(Entry::image).toList());
        List<Tile> tiles = new ArrayList<>();
        for (Entry e : shown) {
            String thumb = thumbs.get(e.image());
            tiles.add(Tile.of(null, thumb == null ? null : Links.encode(thumb), moved ? "_removed/" + e.relative() : e.relative())
                    .withDetail(withReading(scores(reason, e.info()), e.info())).withKind(dropped ? "removed" : null).withOverlay(boxes(e.info())));
            progress.step();
        }
        Section s = Section.sheet(dropped ? reason.id() : reason.id() + "-kept",
                (dropped ? "Rejected: " : "Flagged, kept: ") + reason.describe(), "(" + entries.size() + ")", tiles)
                .withKind(dropped ? "removed" : "kept");
        return entries.size() > MAX_PER_GROUP
                ? s.withMore(new Link(null, "… and " + (entries.size() - MAX_PER_GROUP) + " more (see the sidecars).")) : s;
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

    /** The caption with what the recogniser read in the frame's boxes, e.g. {@code read: "Then we have to run." 0.97}. */
    static String withReading(String caption, FilterInfo info) {
        if (info.text() == null || info.text().read() == null) {
            return caption;
        }
        List<String> parts = new ArrayList<>();
        for (FilterInfo.Read r : info.text().read()) {
            if (!r.text().isBlank()) {
                parts.add(String.format(Locale.ROOT, "\"%s\" %.2f%s", r.text().strip(), r.confidence(), r.textLike() ? "" : " (not text)"));
            }
        }
        if (parts.isEmpty()) {
            return caption + "; nothing read";
        }
        String read = String.join(", ", parts);
        return caption + "; read: " + (read.length() > 160 ? read.substring(0, 157) + "..." : read);
    }

    /** The text boxes over the thumbnail, in frame fractions. */
    private static Overlay boxes(FilterInfo info) {
        if (info.text() == null || info.text().boxes() == null || info.text().boxes().isEmpty()) {
            return null;
        }
        List<Overlay.Box> boxes = new ArrayList<>();
        for (List<Double> b : info.text().boxes()) {
            boxes.add(new Overlay.Box(b.get(0), b.get(1), b.get(2) - b.get(0), b.get(3) - b.get(1), "text", false, "text"));
        }
        return new Overlay(1, 1, boxes);
    }
}
