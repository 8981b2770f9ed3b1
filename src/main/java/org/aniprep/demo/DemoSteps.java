package org.aniprep.demo;

import org.aniprep.extract.CompletionMarker;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stages the demo runs, in pipeline order. A new stage joins the demo with one entry here: its
 * command line on the demo folder and a reporter that reads its output.
 */
public final class DemoSteps {
    private DemoSteps() {
    }

    public static List<DemoStep> all() {
        return List.of(
                new DemoStep("extract", DemoSteps::extractArgs, DemoSteps::reportExtract));
    }

    /** Episodes drawn anew replace the old videos, so their old frames are redone (--overwrite). */
    static List<String> extractArgs(DemoStep.Context c) {
        List<String> args = new ArrayList<>(List.of("extract", "--src", c.layout().input().toString(),
                "--dst", c.layout().frames().toString()));
        if (c.redrawn()) {
            args.add("--overwrite");
        }
        return args;
    }

    /**
     * Frames per episode (from extract's completion markers) and, through each frame's sidecar,
     * which of the storyboard's distinct pictures they show.
     */
    static DemoStep.Report reportExtract(DemoStep.Context c) {
        DemoLayout layout = c.layout();
        List<SampleEpisodes.Episode> episodes = c.episodes();
        List<String> lines = new ArrayList<>();
        List<Path> look = new ArrayList<>();
        Path sample = null;
        for (Path folder : subfolders(layout.frames())) {
            CompletionMarker marker = CompletionMarker.read(folder);
            List<Path> images = images(folder);
            long frames = marker != null ? marker.frames() : images.size();
            Optional<SampleEpisodes.Episode> episode = episodes.stream()
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
            try {
                SidecarStore.read(image).get(FrameSource.SECTION, FrameSource.class)
                        .filter(src -> src.frameIndex() >= 0 && src.frameIndex() < script.frameCount())
                        .ifPresent(src -> kept.add(script.pictures().get((int) src.frameIndex())));
            } catch (SidecarException e) {
                // a broken sidecar only makes this count smaller; extract itself reports bad files
            }
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

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> images(Path folder) {
        try {
            return MediaFiles.find(folder, false, null, MediaFiles::isImage, (f, m) -> { }, java.util.Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
