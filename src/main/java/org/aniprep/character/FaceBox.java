package org.aniprep.character;

import java.util.List;

/**
 * A face to identify: its box in the image's pixels ({@code [x0, x1) × [y0, y1)}), and which detect
 * boxes it came from ({@code kind} and {@code index} into {@code detect.<kind>s.boxes}).
 */
public record FaceBox(String kind, int index, int x0, int y0, int x1, int y1) {
    public FaceBox {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("empty face box " + List.of(x0, y0, x1, y1));
        }
    }

    public static FaceBox of(String kind, int index, List<Integer> box) {
        return new FaceBox(kind, index, box.get(0), box.get(1), box.get(2), box.get(3));
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }

    public List<Integer> box() {
        return List.of(x0, y0, x1, y1);
    }
}
