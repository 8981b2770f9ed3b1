package org.aniprep.model;

/**
 * One file of a model repo.
 *
 * @param path     path inside the repo, e.g. {@code model.onnx} or {@code face_detect_v1.4_s/model.onnx}
 * @param role     what the stage uses it for ({@code model}, {@code tags}, {@code meta}, ...)
 * @param sha256   expected SHA-256 (hex) when known; otherwise the hub's LFS etag is checked
 * @param optional true when the model works without it (e.g. a detector's model_type.json)
 */
public record ModelFile(String path, String role, String sha256, boolean optional) {
    public static final String MODEL = "model";

    public static ModelFile required(String path, String role) {
        return new ModelFile(path, role, null, false);
    }

    public static ModelFile optional(String path, String role) {
        return new ModelFile(path, role, null, true);
    }

    public ModelFile withSha256(String hex) {
        return new ModelFile(path, role, hex, optional);
    }

    /** The last path component. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
