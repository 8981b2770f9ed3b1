package org.aniprep.extract;

import java.nio.file.Path;

/**
 * One video's place in the output: frames go to {@code folder} as {@code <prefix>_<label>_<k>.<ext>},
 * k from 1. {@code label} is {@code EP04}, or {@code S2EP04} when the file name has a season.
 */
public record EpisodePlan(Path video, String prefix, Integer season, int episode, String label, Path folder) {
    public String frameName(long k, String extension) {
        return prefix + "_" + label + "_" + k + "." + extension;
    }

    /** The part of every frame name before the counter, used to recognise this episode's own files. */
    public String framePrefix() {
        return prefix + "_" + label + "_";
    }
}
