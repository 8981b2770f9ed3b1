package org.aniprep.sidecar;

/**
 * Part of section {@code source}: how the video's stored pictures became the written frame. The
 * stream stores {@code storageWidth × storageHeight} samples shown with the {@code sampleAspect}
 * (SAR, e.g. {@code 32:27} for an anamorphic DVD) at the {@code displayAspect} (DAR, e.g.
 * {@code 16:9}); {@code crop} is the picture cut out of the stored one (black bars removed, in
 * storage samples), absent when nothing was cut. The frame's own size is in section {@code image}.
 */
public record FrameGeometry(int storageWidth, int storageHeight, String sampleAspect, String displayAspect, Crop crop) {
    /** A rectangle of the stored picture, as FFmpeg's {@code crop=w:h:x:y}; {@code found} is {@code auto} or {@code manual}. */
    public record Crop(int width, int height, int x, int y, String found) {
    }
}
