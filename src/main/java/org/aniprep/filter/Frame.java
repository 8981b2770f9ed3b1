package org.aniprep.filter;

import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.FrameSource;

import java.nio.file.Path;

/**
 * One image under judgement: where it is, its place in time (from its {@code source} section, when
 * it has one), what the single-frame measures found and, once the sequence checks ran, their scores.
 */
final class Frame {
    final Path file;
    final String relative;
    final FrameSource source;
    final Double knownSharpness;
    final FilterInfo.Text cachedText;
    FrameScores scores;
    FilterInfo.Text text;
    Integer shot;
    Double flash;
    Double fade;
    String fadeTowards;
    Double sharpnessRatio;
    FilterInfo verdict;
    /** A frame filter set aside earlier ({@code _removed/}): judged with its episode for context, its record left as it is. */
    boolean context;
    /** The user kept this frame ({@code review.frame.decision = keep}): never dropped, whatever the checks say. */
    boolean userKeeps;

    Frame(Path file, String relative, FrameSource source, Double knownSharpness, FilterInfo.Text cachedText) {
        this.file = file;
        this.relative = relative;
        this.source = source;
        this.knownSharpness = knownSharpness;
        this.cachedText = cachedText;
    }

    boolean measured() {
        return scores != null;
    }
}
