package org.aniprep.demo;

import java.nio.file.Path;

/** Where {@code aniprep demo} puts things under its folder: one sub-folder per stage. */
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

    /** A path relative to the demo folder, for printing. */
    public String show(Path p) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        return rel.toString().isEmpty() ? root.toString() : root.getFileName() + "/" + rel;
    }
}
