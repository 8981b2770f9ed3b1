package org.aniprep.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model described by data, apart from any session or code (DJL-Translator style): where its
 * files live, what they are, and the parameters its stage's pre/post-processing reads.
 *
 * @param id          short id used on the command line, e.g. {@code wd-swinv2-tagger-v3}
 * @param repo        Hugging Face repo id, e.g. {@code SmilingWolf/wd-swinv2-tagger-v3}
 * @param revision    branch, tag or commit to fetch ({@code main} unless pinned)
 * @param files       the files the stage needs; the one with role {@link ModelFile#MODEL} is the ONNX graph
 * @param task        which stage uses it
 * @param inputName   ONNX input name, or null to read it from the session
 * @param outputName  ONNX output name, or null to read it from the session (first output)
 * @param params      pre/post-processing parameters, read by the stage (e.g. {@code preprocess=wd14-a})
 * @param description one line for {@code aniprep models list}
 */
public record ModelSpec(String id, String repo, String revision, List<ModelFile> files, Task task,
                        String inputName, String outputName, Map<String, String> params, String description) {

    public enum Task { TAGGER, DETECTOR, EMBEDDING, CLASSIFIER, TEXT_DETECTOR, TEXT_RECOGNIZER }

    /**
     * Param: class-path folder of a copy shipped inside aniprep (e.g. {@code org/aniprep/detect}).
     * Such a model is found there after the model folders and caches, each file checked against its
     * SHA-256, and is never downloaded.
     */
    public static final String BUNDLED = "bundled";

    public ModelSpec {
        files = List.copyOf(files);
        params = Map.copyOf(params);
        if (files.stream().noneMatch(f -> f.role().equals(ModelFile.MODEL))) {
            throw new IllegalArgumentException(id + ": no file with role 'model'");
        }
    }

    public ModelFile modelFile() {
        return file(ModelFile.MODEL).orElseThrow();
    }

    public Optional<ModelFile> file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst();
    }

    public String param(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }

    public double param(String key, double fallback) {
        String v = params.get(key);
        return v == null ? fallback : Double.parseDouble(v);
    }

    public Optional<String> bundled() {
        return Optional.ofNullable(params.get(BUNDLED));
    }

    /** The same model taken from another place (e.g. {@code --model PATH}), keeping its processing. */
    public ModelSpec withId(String newId) {
        return new ModelSpec(newId, repo, revision, files, task, inputName, outputName, params, description);
    }
}
