package org.aniprep.demo;

import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.sidecar.ClassifyInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The demo's classify step: the drawn cast get reference images in poses the episodes never show
 * (see {@link CastReferences}); classify names their faces in the frames, clusters the rest (the
 * unreferenced character among them) and exports the clusters. The report says who was found in
 * which shot and what the clusters are.
 */
final class ClassifyStep {
    static final DemoStep STEP = new DemoStep("classify", ClassifyStep::report);
    private static final int SHOTS_PER_LINE = 4;

    private ClassifyStep() {
    }

    static DemoStep.Report report(DemoStep.Context c) {
        DemoLayout layout = c.layout();
        Map<String, Long> byCharacter = new TreeMap<>();
        Map<String, Long> byCluster = new TreeMap<>();
        Map<String, TreeSet<String>> byShot = new LinkedHashMap<>();
        c.episodes().forEach(e -> e.script().shots().forEach(s -> byShot.putIfAbsent(s.name(), new TreeSet<>())));
        TreeSet<String> embedders = new TreeSet<>();
        long faces = 0;
        long unclustered = 0;
        for (Path frame : DemoSteps.images(layout.frames(), true)) {
            ClassifyInfo info = DemoSteps.section(frame, ClassifyInfo.SECTION, ClassifyInfo.class).orElse(null);
            if (info == null) {
                continue;
            }
            embedders.add(info.embedder());
            List<String> here = new ArrayList<>();
            for (ClassifyInfo.Face f : info.faces()) {
                faces++;
                if (f.named()) {
                    byCharacter.merge(f.character(), 1L, Long::sum);
                    here.add(f.character());
                } else if (f.cluster() != null) {
                    byCluster.merge(f.cluster(), 1L, Long::sum);
                    here.add("(" + f.cluster() + ")");
                } else {
                    unclustered++;
                }
            }
            DemoSteps.shotOf(frame, c.episodes()).ifPresent(shot -> byShot.computeIfAbsent(shot, k -> new TreeSet<>()).addAll(here));
        }
        List<String> lines = new ArrayList<>();
        if (embedders.isEmpty()) {
            lines.add("no frame has classify results");
            return new DemoStep.Report(lines, List.of());
        }
        lines.add(String.format("%s by %s; references: %s (drawn head-tilted on a card and waist-up on white)",
                DemoSteps.plural(faces, "face"), String.join(", ", embedders),
                String.join(", ", CastReferences.referenced().stream().map(CharacterDesign::name).toList())));
        lines.add("named: " + (byCharacter.isEmpty() ? "none" : String.join(", ", byCharacter.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList())));
        lines.add("clusters of the rest (" + CastReferences.UNREFERENCED.name() + " has no reference on purpose): "
                + (byCluster.isEmpty() ? "none" : String.join(", ", byCluster.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
                + (unclustered > 0 ? "; " + unclustered + " unknown in no cluster" : ""));
        List<String> parts = new ArrayList<>();
        byShot.forEach((shot, who) -> {
            if (!who.isEmpty()) {
                parts.add(shot + ": " + String.join(" ", who));
            }
        });
        for (int i = 0; i < parts.size(); i += SHOTS_PER_LINE) {
            lines.add((i == 0 ? "who is in which shot: " : "  ") + String.join("; ", parts.subList(i, Math.min(parts.size(), i + SHOTS_PER_LINE))));
        }
        Path html = layout.reports().resolve("classify.html");
        lines.add("every character and cluster as a contact sheet: " + layout.show(html));
        lines.add("clusters exported to " + layout.show(layout.clusters()) + ": rename a folder to a name and run the demo again");
        List<Path> look = new ArrayList<>(List.of(html));
        DemoSteps.episodeFolders(layout.refs()).forEach(look::add);
        DemoSteps.episodeFolders(layout.clusters()).forEach(look::add);
        return new DemoStep.Report(lines, look);
    }
}
