package org.aniprep.report;

import org.aniprep.console.Problems;
import org.aniprep.dataset.balance.ImageTree;
import org.aniprep.dataset.report.DatasetReport;
import org.aniprep.pipeline.RunLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html} of {@code aniprep run}: per stage its status, time and counts; then, read from
 * the run folder, a sample of the dedup groups, the filtered frames by reason, a sample of the faces,
 * each character and cluster as a contact sheet, the final tree with counts and multiplies, and every
 * failed input. Samples are capped (the stages' own pages, linked, show everything, paged), and
 * thumbnails come from the frames' shared store, so the page stays light at 50 000 frames.
 */
public final class RunReport {
    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
    /** Stage → its own page, relative to the run folder's frames report folder or the dataset. */
    private static final Map<String, String> STAGE_PAGES = Map.of("dedup", "dedup.html", "filter", "filter.html",
            "detect", "detect.html", "classify", "classify.html");

    private final RunLayout layout;
    private final Path dir;
    private final ThumbnailStore store;
    private Map<Path, String> thumbs = Map.of();

    private RunReport(Path file, RunLayout layout) {
        this.layout = layout;
        this.dir = file.toAbsolutePath().normalize().getParent();
        // the report is a view: an image it cannot show is already a stage's failed input
        this.store = ThumbnailStore.at(layout.reports(), (f, why) -> LOG.warn("{}: {}", f, why));
    }

    /** Writes the page to {@code file} (usually {@code layout.report()}); returns it. */
    public static Path write(Path file, RunReportData data) throws IOException {
        return new RunReport(file, data.layout()).render(file, data);
    }

    private Path render(Path file, RunReportData data) throws IOException {
        RunScan scan = RunScan.of(layout);
        thumbs = store.thumbs(scan.sampled());
        List<Problems.Problem> failures = new ArrayList<>();
        for (RunReportData.Stage s : data.stages()) {
            s.failures().forEach(p -> failures.add(new Problems.Problem(p.file(), s.name() + ": " + p.message())));
        }
        scan.unreadable.forEach(u -> failures.add(new Problems.Problem("report", u)));
        double total = data.stages().stream().mapToDouble(RunReportData.Stage::seconds).sum();
        List<String> summary = List.of(String.format(Locale.ROOT, "%s: %d frames kept (%d with faces)%s, %d removed by dedup, "
                        + "%d by filter; %d failed inputs; stages took %.1f s in all.", layout.root(), scan.frames,
                scan.framesWithFaces, scan.fanart == 0 ? "" : " and " + scan.fanart + " fan-art picture(s)", scan.dedupRemoved,
                scan.filteredCounts.values().stream().mapToLong(Long::longValue).sum(), failures.size(), total));
        List<Section> sections = new ArrayList<>();
        sections.add(dedup(scan));
        sections.add(filtered(scan));
        sections.add(faces(scan));
        sections.addAll(who(scan.characters, "character", "Character ", "classify.html"));
        sections.addAll(who(scan.clusters, "cluster", "Cluster ", "classify.html"));
        TreeNode tree = Files.isDirectory(layout.dataset())
                ? DatasetReport.tree(dir, store, ImageTree.scan(layout.dataset(), (f, why) -> { })) : null;
        List<Counts> tables = new ArrayList<>();
        if (!scan.filteredCounts.isEmpty()) {
            List<Counts.Row> rows = new ArrayList<>();
            scan.filteredCounts.forEach((reason, n) -> rows.add(Counts.Row.of(reason, n).linked("#filter-" + reason)));
            tables.add(new Counts("filtered frames", List.of("reason", "frames"), rows));
        }
        if (!scan.characters.isEmpty() || !scan.clusters.isEmpty() || !scan.uncertain.isEmpty()) {
            List<Counts.Row> rows = new ArrayList<>();
            java.util.Set<String> names = new java.util.TreeSet<>(scan.characters.keySet());
            names.addAll(scan.uncertain.keySet());
            for (String name : names) {
                RunScan.Who w = scan.characters.get(name);
                Counts.Row row = Counts.Row.of(name, w == null ? 0 : w.faces, w == null ? 0 : w.frames, scan.uncertain.getOrDefault(name, 0L),
                        scan.leftUnknown.getOrDefault(name, 0L));
                rows.add(w == null ? row : row.linked("#character-" + Links.encode(name)));
            }
            scan.clusters.forEach((name, w) -> rows.add(Counts.Row.of("cluster " + name, w.faces, w.frames, "", "")
                    .linked("#cluster-" + Links.encode(name))));
            tables.add(new Counts("who", List.of("character / cluster", "faces named", "frames", "uncertain", "left unknown"), rows));
        }
        List<RunPage.StageRow> stages = data.stages().stream().map(this::row).toList();
        List<Link> nav = new ArrayList<>();
        for (String page : List.of("dedup.html", "filter.html", "detect.html", "classify.html")) {
            if (Files.isRegularFile(layout.reports().resolve(page))) {
                nav.add(new Link(Links.relative(dir, layout.reports().resolve(page)), page.replace(".html", "")));
            }
        }
        Path datasetPage = layout.dataset().resolve(DatasetReport.FILE);
        if (Files.isRegularFile(datasetPage)) {
            nav.add(new Link(Links.relative(dir, datasetPage), "dataset"));
        }
        RunPage page = new RunPage("aniprep run", nav, summary, stages, tables,
                sections.stream().filter(s -> s != null).toList(), tree, failures, ReviewLinks.of(layout.root()));
        Pages.write(file, "run.jte", page);
        LOG.info("report: {}", file);
        return file;
    }

    private RunPage.StageRow row(RunReportData.Stage s) {
        String counts = s.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String page = STAGE_PAGES.get(s.name());
        Path own = page == null ? null : layout.reports().resolve(page);
        if (s.name().equals("arrange") || s.name().equals("balance")) {
            own = layout.dataset().resolve(DatasetReport.FILE);
        }
        Link report = own != null && Files.isRegularFile(own) ? new Link(Links.relative(dir, own), "page") : null;
        return new RunPage.StageRow(s.name(), s.status().label(),
                s.status() == RunReportData.Status.RAN || s.seconds() > 0 ? String.format(Locale.ROOT, "%.1f s", s.seconds()) : "",
                counts, s.models(), s.note(), s.failures().size(), report);
    }

    private Tile tile(Path image, String detail) {
        String thumb = thumbs.get(image);
        String rel = layout.frames().relativize(image).toString().replace('\\', '/');
        return Tile.of(Links.relative(dir, image), thumb == null ? null : Links.relative(dir, store.reportDir().resolve(thumb)), rel)
                .withDetail(detail);
    }

    private Section dedup(RunScan scan) {
        if (scan.dedupGroups == 0) {
            return null;
        }
        List<Tile> tiles = new ArrayList<>();
        for (RunScan.Group g : scan.groups) {
            tiles.add(tile(g.kept(), "kept · group of " + g.size()).withKind("kept"));
            g.removed().forEach(r -> tiles.add(tile(r, "removed").withKind("removed")));
        }
        return Section.sheet("dedup", "Dedup groups", scan.dedupGroups + " groups of near-duplicates, " + scan.dedupRemoved
                + " frames removed; the first " + scan.groups.size() + " groups", tiles).withMore(more("dedup.html", "every group"));
    }

    private Section filtered(RunScan scan) {
        if (scan.filtered.isEmpty()) {
            return null;
        }
        List<Tile> tiles = new ArrayList<>();
        scan.filtered.forEach((reason, images) -> images.forEach(i -> tiles.add(tile(i, reason).withKind("removed"))));
        String by = scan.filteredCounts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return Section.sheet("filter", "Filtered frames", by + " (up to " + RunScan.SAMPLE + " of each reason)", tiles)
                .withKind("removed").withMore(more("filter.html", "every filtered frame, with its scores"));
    }

    private Section faces(RunScan scan) {
        if (scan.faces().isEmpty()) {
            return null;
        }
        List<Tile> tiles = scan.faces().stream().map(s -> tile(s.image(), s.boxes().size() + " face(s)").withOverlay(overlay(s, "face")))
                .toList();
        return Section.sheet("faces", "Faces", scan.framesWithFaces + " of " + scan.frames + " frames have faces; a sample across the run",
                tiles).withMore(more("detect.html", "every frame with its boxes"));
    }

    private List<Section> who(Map<String, RunScan.Who> all, String kind, String prefix, String page) {
        List<Section> out = new ArrayList<>();
        all.forEach((name, w) -> {
            List<Tile> tiles = w.sample.stream().map(s -> tile(s.image(), null).withOverlay(overlay(s, "face"))).toList();
            out.add(Section.sheet(kind + "-" + Links.encode(name), prefix + name, w.faces + " face(s) in " + w.frames + " frame(s)", tiles)
                    .withKind(kind).withMore(w.frames > tiles.size() ? more(page, "all faces as head crops") : null));
        });
        return out;
    }

    private static Overlay overlay(RunScan.Shot s, String kind) {
        if (s.detect() == null || s.detect().width() == null || s.detect().height() == null) {
            return null;
        }
        List<Overlay.Box> boxes = new ArrayList<>();
        for (List<Integer> b : s.boxes()) {
            boxes.add(new Overlay.Box(b.get(0), b.get(1), b.get(2) - b.get(0), b.get(3) - b.get(1), kind, false, s.label()));
        }
        return new Overlay(s.detect().width(), s.detect().height(), boxes);
    }

    private Link more(String page, String what) {
        Path p = layout.reports().resolve(page);
        return Files.isRegularFile(p) ? new Link(Links.relative(dir, p), "See " + what + " on the " + page.replace(".html", "") + " page") : null;
    }
}
