package org.aniprep.demo;

import org.aniprep.extract.CompletionMarker;
import org.aniprep.sidecar.FrameSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The demo's extract step: frames of both sample episodes, and how much of each storyboard they show. */
final class ExtractStep {
    static final DemoStep STEP = new DemoStep("extract", ExtractStep::report);

    private ExtractStep() {
    }

    /**
     * Frames per episode (from extract's completion markers) and, through each frame's sidecar,
     * which of the storyboard's distinct pictures they show (frames a previous demo run's dedup
     * moved to {@code _removed} still count: extract wrote them).
     */
    static DemoStep.Report report(DemoStep.Context c) {
        DemoLayout layout = c.layout();
        List<String> lines = new ArrayList<>();
        List<Path> look = new ArrayList<>();
        Path sample = null;
        for (Path folder : DemoSteps.episodeFolders(layout.frames())) {
            CompletionMarker marker = CompletionMarker.read(folder);
            List<Path> images = new ArrayList<>(DemoSteps.images(folder, false));
            images.addAll(DemoSteps.images(layout.removed().resolve(folder.getFileName()), false));
            long frames = marker != null ? marker.frames() : images.size();
            Optional<SampleEpisodes.Episode> episode = c.episodes().stream()
                    .filter(e -> marker != null && Path.of(marker.video()).getFileName().equals(e.video().getFileName()))
                    .findFirst();
            lines.add(String.format("%s: %d%s frames kept%s -> %s", folder.getFileName(), frames,
                    episode.map(e -> " of " + e.script().frameCount()).orElse(""),
                    marker == null ? " [unfinished]" : "", layout.show(folder)));
            episode.ifPresent(e -> lines.add("  " + coverage(e.script(), images)));
            if (!images.isEmpty()) {
                look.add(folder);
                if (sample == null) {
                    sample = images.get(images.size() / 3);
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add("no frames were written");
        }
        if (sample != null) {
            look.add(sample);
        }
        return new DemoStep.Report(lines, look);
    }

    /** How many of the storyboard's distinct pictures the kept frames show, and from which shots the others are. */
    private static String coverage(ClipScript script, List<Path> images) {
        Set<String> kept = new HashSet<>();
        for (Path image : images) {
            DemoSteps.section(image, FrameSource.SECTION, FrameSource.class)
                    .filter(src -> src.frameIndex() >= 0 && src.frameIndex() < script.frameCount())
                    .ifPresent(src -> kept.add(script.pictures().get((int) src.frameIndex())));
        }
        Set<String> missedShots = new LinkedHashSet<>();
        for (ClipScript.Span span : script.shots()) {
            for (int i = span.start(); i < span.end(); i++) {
                if (!kept.contains(script.pictures().get(i))) {
                    missedShots.add(span.name());
                }
            }
        }
        String text = String.format("they show %d of the episode's %d distinct pictures", kept.size(),
                script.uniquePictures().size());
        return missedShots.isEmpty() ? text : text + "; the others are in shots " + String.join(", ", missedShots);
    }
}
