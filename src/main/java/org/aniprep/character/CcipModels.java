package org.aniprep.character;

import org.aniprep.model.ModelCatalog;
import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelSpec;

import java.util.List;
import java.util.Map;

/**
 * deepghs' CCIP character models (model-specs.md §3): in repo {@code deepghs/ccip_onnx}, one folder
 * per model with the feature extractor {@code model_feat.onnx} (role {@code model}), the learned
 * metric {@code model_metrics.onnx} (role {@code metrics}) and {@code metrics.json} (its tuned
 * {@code threshold}). Parameters: input {@code size} (stretched, Pillow {@code resample}), CLIP
 * {@code mean}/{@code std}, feature {@code dims}, and the default {@code threshold} when
 * metrics.json has none.
 */
public final class CcipModels implements ModelCatalog {
    public static final String DEFAULT_ID = "ccip-caformer-24-randaug-pruned";
    public static final String METRICS = "metrics";
    public static final String METRICS_JSON = "metrics_json";

    @Override
    public List<ModelSpec> models() {
        return List.of(
                spec(DEFAULT_ID, "0.17847511429108218", "CCIP character features, CAFormer-24 (default for classify)"),
                spec("ccip-caformer-6-randaug-pruned_fp32", "0.1951224011983088", "CCIP character features, CAFormer-6"),
                spec("ccip-caformer-5_fp32", "0.18397327797685215", "CCIP character features, CAFormer-5"));
    }

    static ModelSpec spec(String name, String threshold, String description) {
        return new ModelSpec(name, "deepghs/ccip_onnx", "main",
                List.of(ModelFile.required(name + "/model_feat.onnx", ModelFile.MODEL),
                        ModelFile.required(name + "/model_metrics.onnx", METRICS),
                        ModelFile.optional(name + "/metrics.json", METRICS_JSON)),
                ModelSpec.Task.EMBEDDING, "input", "output",
                Map.of("size", "384", "resample", "bilinear", "mean", "0.48145466,0.4578275,0.40821073",
                        "std", "0.26862954,0.26130258,0.27577711", "dims", "768", "threshold", threshold),
                description);
    }
}
