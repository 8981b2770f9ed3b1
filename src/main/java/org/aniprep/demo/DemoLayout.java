package org.aniprep.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code aniprep demo} puts things under its folder. The stages after extract work in the
 * frames folder, as they would on a real dataset: dedup moves duplicates to {@code frames/_removed},
 * detect writes crops to {@code frames/_crops}, and the HTML reports go to {@code frames/_report}.
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

    /** Extracted frames, one folder per episode. */
    public Path frames() {
        return root.resolve("frames");
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
        return root.resolve("clusters");
    }

    /** The training tree arrange builds from the frames, balanced by balance. */
    public Path dataset() {
        return root.resolve("dataset");
    }

    /** What the stages made from the frames: stale once the frames are extracted anew. */
    public List<Path> derived() {
        return List.of(removed(), crops(), reports(), dataset());
    }

    /** A path relative to the demo folder, for printing. */
    public String show(Path p) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        return rel.toString().isEmpty() ? root.toString() : root.getFileName() + "/" + rel;
    }
}
