package org.aniprep.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code aniprep demo} puts things under its folder: the sample episodes, their storyboards and
 * the cast's references, and {@code run/}, the folder of {@code aniprep run} (docs/run.md): frames
 * with their records (dedup moves duplicates to {@code frames/_removed}, detect writes crops to
 * {@code frames/_crops}, the stages' HTML reports go to {@code frames/_report}), clusters, the dataset
 * and {@code report.html}.
 */
public record DemoLayout(Path root) {
    public DemoLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The sample episodes (the input of extract). */
    public Path input() {
        return root.resolve("input");
    }

    /** The cast sheet and each episode's storyboard (what the episode contains, frame by frame). */
    public Path storyboard() {
        return root.resolve("storyboard");
    }

    /** The run folder. */
    public Path run() {
        return root.resolve("run");
    }

    /** Extracted frames, one folder per episode. */
    public Path frames() {
        return run().resolve("frames");
    }

    /** Frames dedup moved away, mirroring the episode folders. */
    public Path removed() {
        return frames().resolve("_removed");
    }

    /** Crops cut by detect, mirroring the episode folders. */
    public Path crops() {
        return frames().resolve("_crops");
    }

    /** The stages' HTML reports. */
    public Path reports() {
        return frames().resolve("_report");
    }

    /** Reference images of the drawn cast, for classify. */
    public Path refs() {
        return root.resolve("refs");
    }

    /** Clusters of unknown faces exported by classify (not cleared on a redraw: renamed folders there are the user's references). */
    public Path clusters() {
        return run().resolve("clusters");
    }

    /** The training tree arrange builds from the frames, balanced by balance. */
    public Path dataset() {
        return run().resolve("dataset");
    }

    /** The run's report. */
    public Path report() {
        return run().resolve("report.html");
    }

    /** What the stages made from the episodes: stale once they are drawn anew (clusters stay: renamed ones are references). */
    public List<Path> derived() {
        return List.of(frames(), dataset(), report());
    }

    /** A path relative to the demo folder, for printing. */
    public String show(Path p) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        return rel.toString().isEmpty() ? root.toString() : root.getFileName() + "/" + rel;
    }
}
