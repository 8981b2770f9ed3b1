package org.aniprep.dataset.caption;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * One random stream per image, from the seed and the image's path relative to {@code --src}: the
 * same seed gives the same caption for an image whatever other images the folder holds and in
 * whatever order they are read.
 */
final class CaptionRandom {
    private CaptionRandom() {
    }

    static Random of(long seed, Path root, Path image, String purpose) {
        String rel = root.toAbsolutePath().normalize().relativize(image.toAbsolutePath().normalize()).toString().replace('\\', '/');
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((seed + "\u0000" + purpose + "\u0000" + rel).getBytes(StandardCharsets.UTF_8));
            long mixed = 0;
            for (int i = 0; i < 8; i++) {
                mixed = mixed << 8 | (d[i] & 0xff);
            }
            return new Random(mixed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
