package org.aniprep.character;

import java.nio.file.Path;

/**
 * One reference face: whose it is ({@code character}, the folder's display name), whether its
 * folder is a noise sink ({@code refs/noise*}: people not to be labelled), the image and the embedding.
 */
public record Reference(String character, boolean noise, Path file, FaceBox face, float[] embedding) {
}
