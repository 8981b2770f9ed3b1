package org.aniprep.model;

import org.aniprep.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Model files that ship inside aniprep's jar so a stage works offline on a fresh machine. ONNX
 * Runtime and OpenCV read models from files, so each is copied once into aniprep's cache folder
 * ({@code $XDG_CACHE_HOME/aniprep/<folder>/}, default {@code ~/.cache/aniprep/}) and checked against
 * its published SHA-256 every time it is handed out; a damaged copy is written again.
 */
public final class BundledFiles {
    private BundledFiles() {
    }

    /**
     * @param resource class-path resource, e.g. {@code org/aniprep/detect/anime_faceboxes.onnx}
     * @param folder   sub-folder of the cache it is copied to
     * @return the checked copy, or empty when the resource is not in this build or cannot be copied
     */
    public static Optional<Path> extract(String resource, String folder, String sha256) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path target = cacheDir().resolve(folder).resolve(name);
        try {
            if (Files.isRegularFile(target) && sha256.equalsIgnoreCase(Sha256.of(target))) {
                return Optional.of(target);
            }
            try (InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                AtomicFiles.write(target, in.readAllBytes());
            }
            return sha256.equalsIgnoreCase(Sha256.of(target)) ? Optional.of(target) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when this build carries the resource. */
    public static boolean present(String resource) {
        return BundledFiles.class.getClassLoader().getResource(resource) != null;
    }

    public static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("aniprep");
    }
}
