package org.aniprep.sidecar;

import java.util.List;

/**
 * Section {@code crop}, in the sidecar of an image cut out of a frame: the frame it came from
 * ({@code source}, absolute path at the time of cropping, and {@code sourceFile}, its name), the
 * crop's kind ({@code face}, {@code head}, {@code person}), the crop rectangle and the detection
 * box in the frame's pixels ({@code [x0, y0, x1, y1]}), the detector and its score.
 */
public record CropInfo(String source, String sourceFile, String kind, int index, List<Integer> rect,
                       List<Integer> box, String detector, double score) {
    public static final String SECTION = "crop";

    public CropInfo {
        rect = List.copyOf(rect);
        box = List.copyOf(box);
    }
}
