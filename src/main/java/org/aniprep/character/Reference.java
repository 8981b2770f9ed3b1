package org.aniprep.character;

import java.nio.file.Path;

/**
 * One reference face: whose it is ({@code character}, the folder's display name), whether its
 * folder is a noise sink ({@code refs/noise*}: people not to be labelled), the image and the embedding;
 * {@code user}: a face the user named in review (its look-alikes are proposed, not named).
 */
public record Reference(String character, boolean noise, Path file, FaceBox face, float[] embedding, boolean user) {
    public Reference(String character, boolean noise, Path file, FaceBox face, float[] embedding) {
        this(character, noise, file, face, embedding, false);
    }
}
