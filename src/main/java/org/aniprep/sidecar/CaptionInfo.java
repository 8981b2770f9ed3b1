package org.aniprep.sidecar;

/**
 * Section {@code caption}: the caption file {@code aniprep caption} wrote beside the image and its
 * text, so a rerun knows the file is its own (same text) and never replaces a caption written by
 * someone else or edited by hand without {@code --overwrite}.
 *
 * @param file the caption file's name ({@code <stem>.txt} or {@code <stem>.caption})
 * @param text the caption as written
 * @param seed the random seed it was drawn with
 */
public record CaptionInfo(String file, String text, long seed) {
    public static final String SECTION = "caption";
}
