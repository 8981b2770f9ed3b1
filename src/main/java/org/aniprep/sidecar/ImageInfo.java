package org.aniprep.sidecar;

/** Section {@code image}: pixel size of the image file. */
public record ImageInfo(int width, int height) {
    public static final String SECTION = "image";
}
