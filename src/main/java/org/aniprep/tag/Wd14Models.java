package org.aniprep.tag;

import org.aniprep.model.ModelCatalog;
import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SmilingWolf's WD14 taggers (model-specs.md §1.1): the v1.4 "v2" family (tf2onnx exports, batch
 * fixed at 1) and the v3 family (dynamic batch). Input and output names and the image size are read
 * from the session; the files are {@code model.onnx} and {@code selected_tags.csv} at {@code main}.
 */
public final class Wd14Models implements ModelCatalog {
    public static final String DEFAULT_ID = "wd-swinv2-tagger-v3";
    public static final String TAGS_ROLE = "tags";

    private static final List<String> V2 = List.of("wd-v1-4-swinv2-tagger-v2", "wd-v1-4-convnext-tagger-v2",
            "wd-v1-4-convnextv2-tagger-v2", "wd-v1-4-vit-tagger-v2", "wd-v1-4-moat-tagger-v2");
    private static final List<String> V3 = List.of("wd-swinv2-tagger-v3", "wd-convnext-tagger-v3", "wd-vit-tagger-v3",
            "wd-vit-large-tagger-v3", "wd-eva02-large-tagger-v3");

    @Override
    public List<ModelSpec> models() {
        List<ModelSpec> specs = new ArrayList<>();
        for (String name : V2) {
            specs.add(spec(name, "v2", "WD14 v1.4 tagger (dataset v2), fixed batch 1"));
        }
        for (String name : V3) {
            specs.add(spec(name, "v3", "WD14 v3 tagger, dynamic batch" + (name.equals(DEFAULT_ID) ? " (default)" : "")));
        }
        return specs;
    }

    static ModelSpec spec(String name, String family, String description) {
        return new ModelSpec(name, "SmilingWolf/" + name, "main",
                List.of(ModelFile.required("model.onnx", ModelFile.MODEL), ModelFile.required("selected_tags.csv", TAGS_ROLE)),
                ModelSpec.Task.TAGGER, null, null,
                Map.of("family", family, "preprocess", Wd14Preprocessor.VARIANT), description);
    }

    /** The processing of a WD14 model given by path (same as the built-ins; names are read from it). */
    public static ModelSpec forPath(java.nio.file.Path model) {
        return spec(DEFAULT_ID, "custom", "WD14-compatible model from " + model)
                .withId(model.toAbsolutePath().normalize().toString());
    }
}
