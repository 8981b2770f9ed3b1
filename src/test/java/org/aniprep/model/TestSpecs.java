package org.aniprep.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

final class TestSpecs {
    static final String REPO = "someorg/test-tagger";

    private TestSpecs() {
    }

    static ModelSpec spec(ModelFile... extra) {
        List<ModelFile> files = new java.util.ArrayList<>(List.of(ModelFile.required("model.onnx", ModelFile.MODEL),
                ModelFile.required("selected_tags.csv", "tags")));
        files.addAll(List.of(extra));
        return new ModelSpec("test-tagger", REPO, "main", files, ModelSpec.Task.TAGGER, null, null, Map.of(), "test");
    }

    static ModelSettings settings(List<Path> extra, Path cache, boolean offline, String endpoint, String token) {
        return new ModelSettings(extra, List.of(cache), offline, endpoint, token, Device.CPU);
    }
}
