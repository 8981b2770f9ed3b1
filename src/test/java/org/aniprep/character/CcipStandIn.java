package org.aniprep.character;

import org.aniprep.testing.OnnxModelBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Stand-in CCIP models with the real signatures (model-specs.md §3): {@code model_feat.onnx} maps
 * {@code input} [N, 3, 384, 384] to {@code output} [N, 768] (the mean of each channel over a 2×2 grid
 * of the input, times a fixed random matrix), {@code model_metrics.onnx} maps {@code input} [N, 768]
 * to the difference matrix {@code output} [N, N] = clip((1 − cosine) / 2, 0, 1). Written in the
 * repo layout {@code <dir>/deepghs/ccip_onnx/<model>/} with a metrics.json holding {@code threshold}.
 */
public final class CcipStandIn {
    private CcipStandIn() {
    }

    public static Path write(Path modelDir, String model, double threshold) throws IOException {
        Path dir = Files.createDirectories(modelDir.resolve("deepghs/ccip_onnx").resolve(model));
        Random r = new Random(5);
        float[] w = new float[12 * 768];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        new OnnxModelBuilder()
                .input("input", OnnxModelBuilder.FLOAT, "N", 3, 384, 384)
                .initializer("W", w, 12, 768)
                .node("AveragePool", List.of("input"), List.of("pooled")).attrInts("kernel_shape", 192, 192).attrInts("strides", 192, 192).done()
                .node("Flatten", List.of("pooled"), List.of("flat")).attrInt("axis", 1).done()
                .node("MatMul", List.of("flat", "W"), List.of("output")).done()
                .output("output", OnnxModelBuilder.FLOAT, "N", 768)
                .write(dir.resolve("model_feat.onnx"));
        new OnnxModelBuilder()
                .input("input", OnnxModelBuilder.FLOAT, "N", 768)
                .initializer("one", new float[] {1f})
                .initializer("half", new float[] {0.5f})
                .initializer("lo", new float[] {0f})
                .initializer("hi", new float[] {1f})
                .node("LpNormalization", List.of("input"), List.of("n")).attrInt("axis", 1).attrInt("p", 2).done()
                .node("Transpose", List.of("n"), List.of("nt")).attrInts("perm", 1, 0).done()
                .node("MatMul", List.of("n", "nt"), List.of("cos")).done()
                .node("Sub", List.of("one", "cos"), List.of("d")).done()
                .node("Mul", List.of("d", "half"), List.of("dh")).done()
                .node("Clip", List.of("dh", "lo", "hi"), List.of("output")).done()
                .output("output", OnnxModelBuilder.FLOAT, "N", "N")
                .write(dir.resolve("model_metrics.onnx"));
        Files.writeString(dir.resolve("metrics.json"), "{\"threshold\": " + threshold + ", \"f1\": 0.9}");
        return dir;
    }
}
