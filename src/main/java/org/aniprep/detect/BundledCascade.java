package org.aniprep.detect;

import org.aniprep.model.BundledFiles;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The anime face cascade ships inside aniprep (MIT, 247 KB; see lbpcascade_animeface.NOTICE), so
 * detection works offline on a fresh machine; OpenCV reads cascades only from files, so
 * {@link BundledFiles} copies it into aniprep's cache folder, checked against its SHA-256.
 */
final class BundledCascade {
    static final String SHA256 = "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30";
    private static final String RESOURCE = "org/aniprep/detect/" + FaceCascade.FILE_NAME;

    private BundledCascade() {
    }

    static Optional<Path> file() {
        return BundledFiles.extract(RESOURCE, FaceCascade.NAME, SHA256);
    }
}
