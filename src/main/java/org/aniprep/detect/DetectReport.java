package org.aniprep.detect;

import org.aniprep.report.Counts;
import org.aniprep.report.Links;
import org.aniprep.report.Overlay;
import org.aniprep.report.Page;
import org.aniprep.report.Pages;
import org.aniprep.report.Paging;
import org.aniprep.report.Section;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.report.Tile;
import org.aniprep.sidecar.DetectInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTML pages to look at detections: counts per face count and face-height bucket, then every frame
 * (a shared thumbnail, {@value #PER_PAGE} per page) with its boxes drawn over it (faces red, heads
 * blue, persons green). Written to {@code <src>/_report/detect.html} (and {@code detect-2.html}, ...).
 */
public final class DetectReport {
    private static final Logger LOG = LoggerFactory.getLogger(DetectReport.class);
    public static final String FILE = "_report/detect.html";
    static final int PER_PAGE = 200;

    /** One frame and its section. */
    public record Entry(Path image, DetectInfo info) {
    }

    private DetectReport() {
    }

    /** Where the pages of a run over {@code src} go, with their thumbnails. */
    public static Path folder(Path src) {
        return src.toAbsolutePath().normalize().resolve(FILE).getParent();
    }

    public static Path write(Path src, List<Entry> entries) throws IOException {
        Path out = src.toAbsolutePath().normalize().resolve(FILE);
        Path dir = out.getParent();
        Map<String, Integer> byCount = new TreeMap<>();
        Map<String, Integer> byBucket = new TreeMap<>();
        for (Entry e : entries) {
            DetectInfo d = e.info();
            if (d.faceCount() != null) {
                byCount.merge(d.faceCount() + (d.faceCount() == 1 ? " face" : " faces"), 1, Integer::sum);
                byBucket.merge(d.faceHeightBucket(), 1, Integer::sum);
            }
        }
        ThumbnailStore store = ThumbnailStore.at(dir, (f, why) -> LOG.warn("{}: {}", f, why));
        List<Paging.Slice<Entry>> slices = Paging.split(out, entries, PER_PAGE);
        for (Paging.Slice<Entry> slice : slices) {
            Map<Path, String> thumbs = store.thumbs(slice.items().stream().map(Entry::image).toList());
            List<Tile> tiles = new ArrayList<>();
            for (Entry e : slice.items()) {
                tiles.add(tile(dir, e, thumbs.get(e.image())));
            }
            Pages.write(slice.file(), Page.titled("detect").nav(Page.nav(out))
                    .line(entries.size() + " images. Dashed boxes were found by only one of the offline face detectors "
                            + "(FaceBoxes or the cascade; hover a box to see which).")
                    .legend("face", "faces").legend("head", "heads").legend("person", "persons")
                    .table(table("faces in frame", byCount)).table(table("face height (% of frame)", byBucket))
                    .pager(slice.pager())
                    .section(Section.sheet("frames", "Frames", slice.items().size() + " on this page", tiles))
                    .build());
        }
        Paging.removeBeyond(out, slices.size());
        return out;
    }

    private static Tile tile(Path dir, Entry e, String thumb) {
        DetectInfo d = e.info();
        String rel = dir.relativize(e.image().toAbsolutePath().normalize()).toString().replace('\\', '/');
        List<Overlay.Box> boxes = new ArrayList<>();
        boxes(boxes, d.persons(), "person");
        boxes(boxes, d.heads(), "head");
        boxes(boxes, d.faces(), "face");
        String detail = d.faceCount() == null ? null : d.faceCount() + " face(s), height " + d.faceHeightBucket();
        return Tile.of(Links.encode(rel), thumb == null ? null : Links.encode(thumb), rel.replaceFirst("^(\\.\\./)+", ""))
                .withDetail(detail).withOverlay(new Overlay(d.width(), d.height(), boxes));
    }

    private static void boxes(List<Overlay.Box> out, DetectInfo.Boxes boxes, String kind) {
        if (boxes == null) {
            return;
        }
        for (DetectInfo.Box b : boxes.boxes()) {
            List<Integer> p = b.box();
            // a merged detector's box found by only one of its detectors is dashed
            boolean single = b.foundBy() != null && b.foundBy().size() == 1;
            StringBuilder title = new StringBuilder(b.label() + " " + b.score());
            if (b.foundBy() != null) {
                StringBuilder by = new StringBuilder();
                b.foundBy().forEach((who, score) -> by.append(by.length() == 0 ? "" : ", ").append(who).append(' ').append(score));
                title.append(" (found by ").append(by).append(')');
            }
            out.add(new Overlay.Box(p.get(0), p.get(1), p.get(2) - p.get(0), p.get(3) - p.get(1), kind, single, title.toString()));
        }
    }

    private static Counts table(String title, Map<String, Integer> counts) {
        List<Counts.Row> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(Counts.Row.of(k, v)));
        return new Counts(null, List.of(title, "images"), rows);
    }
}
