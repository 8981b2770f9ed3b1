package org.aniprep.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A spec with its files found on disk.
 *
 * @param files  role → local file (optional files that were not found are absent)
 * @param source where they were found, in words (for logs and {@code models path})
 */
public record ResolvedModel(ModelSpec spec, Map<String, Path> files, String source) {
    public ResolvedModel {
        files = Map.copyOf(files);
    }

    public Path modelPath() {
        return files.get(ModelFile.MODEL);
    }

    public Optional<Path> path(String role) {
        return Optional.ofNullable(files.get(role));
    }

    public Path require(String role) {
        return path(role).orElseThrow(() -> new ModelException(spec.id() + ": no '" + role + "' file"));
    }
}
