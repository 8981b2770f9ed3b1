package org.aniprep.demo;

import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's metadata step: the seed's count/characters/general/facepos/tags in every frame's
 * sidecar, from what detect, tag (and classify, when it ran) found.
 */
final class MetadataStep {
    static final DemoStep STEP = new DemoStep("metadata", MetadataStep::report);

    private MetadataStep() {
    }

    /** Frames per count, names found, frames with facepos, and the record of a frame with the most faces. */
    static DemoStep.Report report(DemoStep.Context c) {
        Map<String, Long> byCount = new TreeMap<>();
        Map<String, Long> names = new TreeMap<>();
        long frames = 0;
        long withFacepos = 0;
        String example = null;
        int exampleFaces = 0;
        for (Path frame : DemoSteps.images(c.layout().frames(), true)) {
            SeedKeys k = keys(frame);
            if (k == null || k.isEmpty()) {
                continue;
            }
            frames++;
            byCount.merge(k.count() == null ? "?" : k.count(), 1L, Long::sum);
            k.characterList().forEach(n -> names.merge(n, 1L, Long::sum));
            if (k.facepos() != null) {
                withFacepos++;
                if (k.facepos().size() > exampleFaces) {
                    exampleFaces = k.facepos().size();
                    example = frame.getFileName() + ": " + brief(k);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (frames == 0) {
            lines.add("no frame has metadata");
            return new DemoStep.Report(lines, List.of());
        }
        lines.add(DemoSteps.plural(frames, "frame") + " with the seed's keys at the top level of their sidecars; "
                + withFacepos + " with facepos (faces and names correspond)");
        lines.add("count (faces) → frames: " + String.join(", ", byCount.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        lines.add(names.isEmpty() ? "characters: none named (classify names them)" : "characters (frames): "
                + String.join(", ", names.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        if (example != null) {
            lines.add("e.g. " + example);
        }
        return new DemoStep.Report(lines, List.of());
    }

    private static SeedKeys keys(Path frame) {
        try {
            return SeedKeys.read(SidecarStore.read(frame));
        } catch (SidecarException | UncheckedIOException e) {
            return null;
        }
    }

    private static String brief(SeedKeys k) {
        List<String> tags = k.tagList();
        return "count " + k.count() + ", characters " + k.characterList() + ", general \"" + k.general() + "\", facepos " + k.facepos()
                + (k.tags() == null ? ", no tags (tag did not run)" : ", tags " + (tags.size() > 5 ? tags.subList(0, 5) + "…" : tags));
    }
}
