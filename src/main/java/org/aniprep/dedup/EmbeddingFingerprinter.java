package org.aniprep.dedup;

import org.aniprep.image.Sharpness;
import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;
import org.aniprep.model.TensorSpec;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FloatVectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Embeddings of an ONNX image model (one NCHW float input [batch, 3, S, S]; output [batch, dim] or
 * [batch, tokens, dim], pooled per the spec), L2-normalised and compared by cosine similarity.
 */
public final class EmbeddingFingerprinter implements Fingerprinter<float[]> {
    private final ModelSpec spec;
    private final OnnxModel model;
    private final TensorSpec input;
    private final TensorSpec output;
    private final EmbeddingPreprocessor preprocessor;
    private final String id;

    private EmbeddingFingerprinter(ModelSpec spec, OnnxModel model, TensorSpec input, TensorSpec output, int size, String id) {
        this.spec = spec;
        this.model = model;
        this.input = input;
        this.output = output;
        this.preprocessor = new EmbeddingPreprocessor(spec, size);
        this.id = id;
    }

    /** Resolves and opens {@code modelArg}: a built-in id or repo id ('aniprep models list'), an .onnx file or a folder. */
    public static EmbeddingFingerprinter open(String modelArg, ModelResolver resolver) {
        ResolvedModel resolved = resolve(modelArg, resolver);
        Path onnx = resolved.modelPath();
        OnnxModel model = OnnxSessions.open(onnx, resolver.settings().device());
        ModelSpec spec = resolved.spec();
        TensorSpec in = model.input(spec.inputName());
        long[] s = in.shape();
        if (model.inputs().size() != 1 || s.length != 4 || s[1] != 3) {
            throw new ModelException(onnx + ": an image-embedding model has one input [batch, 3, size, size] (NCHW), this one has "
                    + model.inputs());
        }
        int size = s[2] > 0 ? (int) s[2] : Integer.parseInt(spec.param("size", "224"));
        TensorSpec out = model.output(spec.outputName());
        if (out.shape().length < 2 || out.shape().length > 3) {
            throw new ModelException(onnx + ": output " + out + " is not [batch, dim] or [batch, tokens, dim]");
        }
        long bytes;
        try {
            bytes = Files.size(onnx);
        } catch (java.io.IOException e) {
            throw new ModelException(onnx + ": cannot be read (" + e.getMessage() + ")", e);
        }
        // the cache key: model id and file size (a re-exported or other model computes afresh)
        String id = "embedding:" + spec.id() + ":" + bytes;
        return new EmbeddingFingerprinter(spec, model, in, out, size, id);
    }

    private static ResolvedModel resolve(String arg, ModelResolver resolver) {
        return resolver.resolveArgument(arg, ModelSpec.Task.EMBEDDING, EmbeddingModels::forPath);
    }

    public double defaultThreshold() {
        return spec.param("threshold", 0.985);
    }

    @Override
    public String id() {
        return id;
    }

    /** One image made ready for the model (on a worker thread): its input sample and its sharpness. */
    public record Prepared(float[] sample, double sharpness, org.aniprep.sidecar.DedupInfo.Quality quality) {
    }

    /** Images per inference call: the model's fixed batch, else 16. */
    public int batchSize() {
        long fixed = input.fixedBatch();
        return fixed > 0 ? (int) fixed : 16;
    }

    public Prepared prepare(RgbImage img) {
        return new Prepared(preprocessor.apply(img), Sharpness.varianceOfLaplacian(img), FrameQuality.of(img));
    }

    /** Runs one batch; returns each image's fingerprint. */
    public List<DedupInfo> infer(List<Prepared> batch) {
        int n = preprocessor.size();
        List<float[]> raw = model.runBatch(input.name(), batch.stream().map(Prepared::sample).toList(),
                new long[]{3, n, n}, output.name());
        List<DedupInfo> out = new java.util.ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            float[] v = pool(raw.get(i));
            normalise(v);
            out.add(DedupInfo.cacheEmbedding(id, encode(v), batch.get(i).sharpness(), batch.get(i).quality()));
        }
        return out;
    }

    @Override
    public DedupInfo fingerprint(RgbImage img) {
        return infer(List.of(prepare(img))).get(0);
    }

    /** [tokens, dim] → the first token (CLS) when the spec says {@code pool=cls}; [dim] as it is. */
    private float[] pool(float[] raw) {
        long[] shape = output.shape();
        if (shape.length == 3 && "cls".equals(spec.param("pool", "cls"))) {
            long dim = shape[2] > 0 ? shape[2] : raw.length / Math.max(1, shape[1]);
            return java.util.Arrays.copyOf(raw, (int) dim);
        }
        return raw;
    }

    static void normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double inv = sum == 0 ? 0 : 1 / Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * inv);
        }
    }

    static String encode(float[] v) {
        return FloatVectors.encode(v);
    }

    static float[] decode(String base64) {
        return FloatVectors.decode(base64);
    }

    @Override
    public float[] read(DedupInfo info) {
        return decode(info.embedding());
    }

    @Override
    public boolean isCached(DedupInfo info) {
        return Fingerprinter.super.isCached(info) && info.embedding() != null;
    }

    @Override
    public NeighbourIndex<float[]> index(double threshold) {
        return new VectorIndex(threshold);
    }

    @Override
    public double distance(float[] a, float[] b) {
        return 1 - VectorIndex.cosine(a, b);
    }

    @Override
    public String describeThreshold(double threshold) {
        return String.format(Locale.ROOT, "cosine >= %.4f", threshold);
    }

    @Override
    public String describeDistance(double distance) {
        return String.format(Locale.ROOT, "cosine %.4f", 1 - distance);
    }

    @Override
    public String toString() {
        return spec.id() + " (" + preprocessor + ")";
    }
}
