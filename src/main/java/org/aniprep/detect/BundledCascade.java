package org.aniprep.detect;

import org.aniprep.io.AtomicFiles;
import org.aniprep.model.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The anime face cascade ships inside aniprep (MIT, 247 KB; see lbpcascade_animeface.NOTICE), so
 * detection works offline on a fresh machine. OpenCV reads cascades only from files, so the copy is
 * written once into aniprep's cache folder and checked against its published SHA-256.
 */
final class BundledCascade {
    static final String SHA256 = "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30";
    private static final String RESOURCE = "lbpcascade_animeface.xml";

    private BundledCascade() {
    }

    static Optional<Path> file() {
        Path target = cacheDir().resolve("lbpcascade_animeface").resolve(FaceCascade.FILE_NAME);
        try {
            if (Files.isRegularFile(target) && SHA256.equals(Sha256.of(target))) {
                return Optional.of(target);
            }
            try (InputStream in = BundledCascade.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return Optional.empty();
                }
                AtomicFiles.write(target, in.readAllBytes());
            }
            return SHA256.equals(Sha256.of(target)) ? Optional.of(target) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("aniprep");
    }
}
