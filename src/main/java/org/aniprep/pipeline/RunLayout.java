package org.aniprep.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code aniprep run} keeps things under its folder (README "Layout of a run folder"):
 * {@code frames/} the working frames with their sidecars, one folder per episode (and the stages'
 * {@code _removed/}, {@code _crops/}, {@code _report/} inside), {@code clusters/} the unknown faces'
 * clusters, {@code dataset/} the arranged and balanced training tree, {@code report.html}, and
 * {@code .aniprep/} the run's own state.
 *
 * @param videos the episodes (extract's input)
 * @param root   the run folder
 * @param refs   the character reference folder, or null
 * @param extras fan-art folders as {@code DIR[:weight]}
 */
public record RunLayout(Path videos, Path root, Path refs, List<String> extras) {
    public RunLayout {
        root = root.toAbsolutePath().normalize();
        extras = List.copyOf(extras);
    }

    public Path frames() {
        return root.resolve("frames");
    }

    public Path crops() {
        return frames().resolve("_crops");
    }

    public Path reports() {
        return frames().resolve("_report");
    }

    public Path clusters() {
        return root.resolve("clusters");
    }

    public Path dataset() {
        return root.resolve("dataset");
    }

    public Path report() {
        return root.resolve("report.html");
    }

    public Path state() {
        return root.resolve(".aniprep");
    }
}
