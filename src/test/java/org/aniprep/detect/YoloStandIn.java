package org.aniprep.detect;

import org.aniprep.testing.OnnxModelBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stand-in deepghs YOLO detectors with the real signature: input {@code images} [1, 3, 640, 640],
 * output {@code output0} [1, 4+nc, 8400] (or YOLOv10's [1, 300, 6]) and the Ultralytics metadata.
 * The output is constant except one score, which is the mean of the input (so a bright frame is
 * detected there and a black one is not, proving the frame reaches the model):
 * {@code output0 = C + mean(images) · M}.
 */
public final class YoloStandIn {
    public static final int N = 8400;

    private YoloStandIn() {
    }

    /**
     * @param anchors    {cx, cy, w, h, score per class} in 640-pixel input units, placed at anchors 0, 1, ...
     * @param inputDriven index of the anchor whose class-0 score is the input mean, or -1
     * @param metadata   custom metadata ({@code imgsz}, {@code names}); empty for none
     */
    public static Path ultralytics(Path file, int nc, List<float[]> anchors, int inputDriven, Map<String, String> metadata)
            throws IOException {
        int rows = 4 + nc;
        float[] c = new float[rows * N];
        float[] m = new float[rows * N];
        for (int i = 0; i < anchors.size(); i++) {
            for (int r = 0; r < rows; r++) {
                c[r * N + i] = anchors.get(i)[r];
            }
        }
        if (inputDriven >= 0) {
            c[4 * N + inputDriven] = 0;
            m[4 * N + inputDriven] = 1;
        }
        return write(file, c, m, new long[]{1, rows, N}, metadata);
    }

    /** A YOLOv10-style end-to-end model: rows {x0, y0, x1, y1, score, cls}. */
    public static Path endToEnd(Path file, List<float[]> rows, Map<String, String> metadata) throws IOException {
        float[] c = new float[300 * 6];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, c, i * 6, 6);
        }
        return write(file, c, new float[c.length], new long[]{1, 300, 6}, metadata);
    }

    private static Path write(Path file, float[] c, float[] m, long[] shape, Map<String, String> metadata) throws IOException {
        OnnxModelBuilder b = new OnnxModelBuilder()
                .input("images", OnnxModelBuilder.FLOAT, 1, 3, 640, 640)
                .initializer("C", c, shape)
                .initializer("M", m, shape)
                .node("ReduceMean", List.of("images"), List.of("mean")).attrInts("axes", 1, 2, 3).attrInt("keepdims", 0).done()
                .node("Mul", List.of("mean", "M"), List.of("driven")).done()
                .node("Add", List.of("C", "driven"), List.of("output0")).done()
                .output("output0", OnnxModelBuilder.FLOAT, shape[0], shape[1], shape[2]);
        metadata.forEach(b::metadata);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return b.write(file);
    }

    public static Map<String, String> meta(String names) {
        return Map.of("imgsz", "[640, 640]", "names", names, "stride", "32", "task", "detect");
    }
}
