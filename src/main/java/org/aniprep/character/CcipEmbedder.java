package org.aniprep.character;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CCIP (model-specs.md §3): the feature model turns the head region into a 768-d vector; the
 * metric model turns a stack of vectors into their difference matrix (0 = same, clipped to [0, 1]).
 * Same character ⇔ difference ≤ the threshold of metrics.json.
 */
public final class CcipEmbedder implements CharacterEmbedder {
    /** Stacked features per metric-model call, so a large set never makes an N×N output of its own. */
    static final int METRIC_CHUNK = 256;

    private final ModelSpec spec;
    private final OnnxModel features;
    private final OnnxModel metric;
    private final CcipPreprocessor preprocessor;
    private final double threshold;
    private final int dims;

    private CcipEmbedder(ModelSpec spec, OnnxModel features, OnnxModel metric, double threshold) {
        this.spec = spec;
        this.features = features;
        this.metric = metric;
        this.preprocessor = new CcipPreprocessor(spec);
        this.threshold = threshold;
        this.dims = Integer.parseInt(spec.param("dims", "768"));
    }

    /** Opens a resolved CCIP model; {@code threshold} null = metrics.json's (else the spec's). */
    public static CcipEmbedder open(ResolvedModel model, Device device, Double threshold) {
        ModelSpec spec = model.spec();
        double t = threshold != null ? threshold : model.path(CcipModels.METRICS_JSON).map(CcipEmbedder::readThreshold)
                .orElse(spec.param("threshold", 0.178));
        return new CcipEmbedder(spec, OnnxSessions.open(model.modelPath(), device),
                OnnxSessions.open(model.require(CcipModels.METRICS), device), t);
    }

    static Double readThreshold(Path metricsJson) {
        try {
            JsonNode node = Json.MAPPER.readTree(metricsJson.toFile());
            if (node == null || !node.path("threshold").isNumber()) {
                throw new ModelException(metricsJson + ": has no numeric 'threshold'");
            }
            return node.get("threshold").asDouble();
        } catch (IOException e) {
            throw new ModelException(metricsJson + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public int batchSize() {
        long b = features.input(spec.inputName()).fixedBatch();
        return b > 0 ? (int) b : 8;
    }

    @Override
    public float[] prepare(RgbImage image, FaceBox face) {
        int[] r = HeadRegion.around(face).clipped(image.width(), image.height());
        return preprocessor.tensor(image.crop(r[0], r[1], r[2], r[3]));
    }

    @Override
    public List<float[]> embed(List<float[]> prepared) {
        int s = preprocessor.size();
        return features.runBatch(spec.inputName(), prepared, new long[] {3, s, s}, spec.outputName());
    }

    @Override
    public double[][] differences(List<float[]> a, List<float[]> b) {
        double[][] out = new double[a.size()][b.size()];
        if (a.isEmpty() || b.isEmpty()) {
            return out;
        }
        int chunk = Math.max(1, METRIC_CHUNK - b.size());
        for (int from = 0; from < a.size(); from += chunk) {
            List<float[]> part = a.subList(from, Math.min(a.size(), from + chunk));
            List<float[]> stack = new ArrayList<>(part);
            stack.addAll(b);
            List<float[]> rows = metric.runBatch(spec.inputName(), stack, new long[] {dims}, spec.outputName());
            int n = stack.size();
            for (int i = 0; i < part.size(); i++) {
                float[] row = rows.get(i);
                if (row.length != n) {
                    throw new ModelException(spec.id() + ": the metric model gave " + row.length + " differences per row, expected " + n);
                }
                for (int j = 0; j < b.size(); j++) {
                    out[from + i][j] = row[part.size() + j];
                }
            }
        }
        return out;
    }

    @Override
    public int dims() {
        return dims;
    }

    @Override
    public boolean cosine() {
        return true;
    }
}
