package org.aniprep.detect;

import java.nio.file.Path;

/**
 * What one {@code aniprep detect} run does.
 *
 * @param minFaceScore drop faces scoring below this (YOLO: 0–1; cascade: votes), or null
 * @param cropDst      where crops go (default {@code <src>/_crops}, which detection never reads)
 */
public record DetectOptions(Path src, Double minFaceScore, CropKind crop, Path cropDst, boolean overwrite, int batch) {
}
