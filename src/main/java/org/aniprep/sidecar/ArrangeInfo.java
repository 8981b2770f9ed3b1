package org.aniprep.sidecar;

/**
 * Section {@code arrange}, on an image arrange placed in a training tree: its {@code type}
 * ({@code screenshots}, {@code fanart} from an {@code --extra} folder, {@code reg} for a sampled
 * frame without a character), the {@code source} image it was made from (absolute path at the time),
 * and for fan art the {@code weight} its {@code --extra} folder was given.
 */
public record ArrangeInfo(String type, String source, Double weight) {
    public static final String SECTION = "arrange";
}
