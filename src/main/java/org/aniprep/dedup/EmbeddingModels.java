package org.aniprep.dedup;

import org.aniprep.model.ModelCatalog;
import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Image-embedding models for {@code dedup --method embedding}, described by data. Parameters read by
 * {@link EmbeddingPreprocessor} and {@link EmbeddingFingerprinter}: {@code size} (used when the model's
 * input size is dynamic), {@code resize} ({@code stretch} to size×size, or {@code shortest}: shortest
 * side to size then a centred crop), {@code resample} (Pillow filter), {@code mean}/{@code std}
 * (per RGB channel, on 0..1 values), {@code pool} ({@code cls}: the first token of a [N, tokens, dim]
 * output; a [N, dim] output is used as it is) and the default cosine {@code threshold}.
 */
public final class EmbeddingModels implements ModelCatalog {
    /** ViT-B/16 pretrained on ImageNet-21k (transformers.js export): 768-d CLS features, HF ViTImageProcessor defaults. */
    public static final String DEFAULT_ID = "vit-base-patch16-224-in21k";

    private static final Map<String, String> VIT = Map.of("size", "224", "resize", "stretch", "resample", "bilinear",
            "mean", "0.5,0.5,0.5", "std", "0.5,0.5,0.5", "pool", "cls", "threshold", "0.985");

    @Override
    public List<ModelSpec> models() {
        return List.of(new ModelSpec(DEFAULT_ID, "Xenova/vit-base-patch16-224-in21k", "main",
                List.of(ModelFile.required("onnx/model.onnx", ModelFile.MODEL)), ModelSpec.Task.EMBEDDING, null, null, VIT,
                "ViT-B/16 ImageNet-21k image features for dedup --method embedding (default)"));
    }

    /** Any ONNX image-embedding model given by path, with the default's processing (input size read from the model). */
    public static ModelSpec forPath(Path model) {
        return new ModelSpec(model.toAbsolutePath().normalize().toString(), "local/" + model.getFileName(), "main",
                List.of(ModelFile.required(model.getFileName().toString(), ModelFile.MODEL)), ModelSpec.Task.EMBEDDING,
                null, null, VIT, "embedding model from " + model);
    }
}
