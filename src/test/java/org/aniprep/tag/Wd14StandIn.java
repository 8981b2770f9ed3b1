package org.aniprep.tag;

import org.aniprep.image.RgbImage;
import org.aniprep.testing.OnnxModelBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A stand-in WD14 tagger with the real signature (input {@code input_1:0} NHWC float [batch, 448,
 * 448, 3]; v2: batch fixed at 1, output {@code predictions_sigmoid}; v3: dynamic batch, output
 * {@code output}) whose scores a test can predict from the input image: the input is cut into 2×2
 * regions, each region's mean per channel (in the order the tensor holds them, i.e. B, G, R) gives 12
 * features, and score = sigmoid(features · W + b). Padding, colour order and resizing all change the
 * features, so comparing scores checks preprocessing end to end.
 */
public final class Wd14StandIn {
    static final int SIZE = 448;
    static final int FEATURES = 12;

    /**
     * Deliberately not in the usual ratings → general → character order, to check that groups are
     * picked by category value. 18 rows.
     */
    static final String CSV = """
            tag_id,name,category,count
            9999999,general,9,100
            9999998,sensitive,9,100
            9999997,questionable,9,100
            9999996,explicit,9,100
            470575,1girl,0,5000
            212816,solo,0,4000
            16751,long_hair,0,3000
            1821,smile,0,2000
            402217,^_^,0,100
            1500001,eileen_(game),4,50
            382397,white_background,0,1500
            8101,hat,0,900
            1815,open_mouth,0,1800
            16442,blue_eyes,0,1700
            1500002,lucy_(game),4,40
            1500003,"concert,_live",4,30
            540830,:d,0,800
            11429,hair_ornament,0,700
            """;
    static final int TAGS = 18;

    final float[] weights = new float[FEATURES * TAGS];
    final float[] bias = new float[TAGS];

    public Wd14StandIn(long seed) {
        Random r = new Random(seed);
        for (int t = 0; t < TAGS; t++) {
            double centre = 0;
            for (int k = 0; k < FEATURES; k++) {
                double w = r.nextGaussian() * 0.6;
                // logit = Σ w·(f − 128)/64 + b0, folded into W and b
                weights[k * TAGS + t] = (float) (w / 64);
                centre += w * 128 / 64;
            }
            bias[t] = (float) (r.nextGaussian() * 0.8 - centre);
        }
    }

    /** Writes model.onnx and selected_tags.csv into {@code dir}; returns the model path. */
    public Path write(Path dir, boolean v2) throws IOException {
        return write(dir, v2, CSV);
    }

    Path write(Path dir, boolean v2, String csv) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("selected_tags.csv"), csv);
        return finishLight(graph(v2), v2, dir.resolve("model.onnx"));
    }

    /**
     * For benchmarks: the same model plus a convolutional branch (NHWC→NCHW, 7×7/2 and two 3×3/2
     * convolutions with {@code channels} channels, global pooling, into the logits) so inference
     * costs something like a real backbone. Scores then no longer follow {@link #expectedScores}.
     */
    public Path writeHeavy(Path dir, int channels) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("selected_tags.csv"), CSV);
        Random r = new Random(1);
        int c = channels;
        OnnxModelBuilder b = graph(false);
        b.initializer("k1", randoms(r, c * 3 * 49, 0.01f), c, 3, 7, 7)
                .initializer("k2", randoms(r, c * c * 9, 0.01f), c, c, 3, 3)
                .initializer("k3", randoms(r, c * c * 9, 0.01f), c, c, 3, 3)
                .initializer("head", randoms(r, c * TAGS, 0.001f), c, TAGS)
                .node("Transpose", List.of("input_1:0"), List.of("nchw")).attrInts("perm", 0, 3, 1, 2).done()
                .node("Conv", List.of("nchw", "k1"), List.of("c1")).attrInts("strides", 2, 2).attrInts("pads", 3, 3, 3, 3).done()
                .node("Relu", List.of("c1"), List.of("r1")).done()
                .node("Conv", List.of("r1", "k2"), List.of("c2")).attrInts("strides", 2, 2).attrInts("pads", 1, 1, 1, 1).done()
                .node("Relu", List.of("c2"), List.of("r2")).done()
                .node("Conv", List.of("r2", "k3"), List.of("c3")).attrInts("pads", 1, 1, 1, 1).done()
                .node("Relu", List.of("c3"), List.of("r3")).done()
                .node("GlobalAveragePool", List.of("r3"), List.of("pooled")).done()
                .node("Flatten", List.of("pooled"), List.of("flat")).done()
                .node("MatMul", List.of("flat", "head"), List.of("extra")).done()
                .node("Add", List.of("logits", "extra"), List.of("logits_all")).done()
                .node("Sigmoid", List.of("logits_all"), List.of("output")).done()
                .output("output", OnnxModelBuilder.FLOAT, "batch_size", TAGS);
        return b.write(dir.resolve("model.onnx"));
    }

    private static float[] randoms(Random r, int n, float scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian() * scale;
        }
        return out;
    }

    /** The light graph; the heavy variant adds to its {@code logits} and names its own output. */
    private OnnxModelBuilder graph(boolean v2) {
        Object batch = v2 ? (Object) 1 : "batch_size";
        OnnxModelBuilder b = new OnnxModelBuilder()
                .input("input_1:0", OnnxModelBuilder.FLOAT, batch, SIZE, SIZE, 3)
                .initializer("regions_shape", new long[] {-1, 2, SIZE / 2, 2, SIZE / 2, 3}, 6)
                .initializer("flat_shape", new long[] {-1, FEATURES}, 2)
                .initializer("W", weights, FEATURES, TAGS)
                .initializer("b", bias, TAGS)
                .node("Reshape", List.of("input_1:0", "regions_shape"), List.of("regions")).done()
                .node("ReduceMean", List.of("regions"), List.of("means")).attrInts("axes", 2, 4).attrInt("keepdims", 0).done()
                .node("Reshape", List.of("means", "flat_shape"), List.of("features")).done()
                .node("MatMul", List.of("features", "W"), List.of("logits0")).done()
                .node("Add", List.of("logits0", "b"), List.of("logits")).done();
        return b;
    }

    private Path finishLight(OnnxModelBuilder b, boolean v2, Path file) throws IOException {
        Object batch = v2 ? (Object) 1 : "batch_size";
        return b.node("Sigmoid", List.of("logits"), List.of(v2 ? "predictions_sigmoid" : "output")).done()
                .output(v2 ? "predictions_sigmoid" : "output", OnnxModelBuilder.FLOAT, batch, TAGS)
                .write(file);
    }

    /** The scores the stand-in must give for a model input whose RGB image is {@code rgb448}. */
    public double[] expectedScores(RgbImage rgb448) {
        double[] f = new double[FEATURES];
        int half = SIZE / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int region = (y / half) * 2 + x / half;
                f[region * 3] += rgb448.get(x, y, 2);      // B first: the model wants BGR
                f[region * 3 + 1] += rgb448.get(x, y, 1);
                f[region * 3 + 2] += rgb448.get(x, y, 0);
            }
        }
        double[] p = new double[TAGS];
        for (int t = 0; t < TAGS; t++) {
            double logit = bias[t];
            for (int k = 0; k < FEATURES; k++) {
                logit += f[k] / ((double) half * half) * weights[k * TAGS + t];
            }
            p[t] = 1 / (1 + Math.exp(-logit));
        }
        return p;
    }
}
