package org.aniprep.detect;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The extra read-only model folders ({@code ANIPREP_MODEL_PATH}, path-separator separated) and lookups in them. */
public final class ModelDirs {
    public static final String ENV = "ANIPREP_MODEL_PATH";

    private ModelDirs() {
    }

    public static List<Path> fromEnvironment(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        String value = env.get(ENV);
        if (value != null) {
            for (String part : value.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part.strip()));
                }
            }
        }
        return dirs;
    }

    /** The first {@code dir/fileName} that exists. */
    public static Optional<Path> find(List<Path> dirs, String fileName) {
        return dirs.stream().map(d -> d.resolve(fileName)).filter(Files::isRegularFile).findFirst();
    }
}
