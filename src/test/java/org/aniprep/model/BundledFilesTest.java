package org.aniprep.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BundledFilesTest {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    static final String RESOURCE = "org/aniprep/detect/lbpcascade_animeface.xml";
    static final String SHA = "9376d30ac38db6bda2a68b88b3b76bbd7e6aa33af47f7f5c76bc88ca75f1ce30";
    // a folder of its own, so other runs using the real copies are never disturbed
    static final String FOLDER = "bundled-files-test";

    @Test
    void aDamagedCopyIsWrittenAgainAndAWrongChecksumIsRefused() throws Exception {
        Path copy = BundledFiles.extract(RESOURCE, FOLDER, SHA).orElseThrow();
        assertThat(copy).hasSameBinaryContentAs(SHARED.resolve("models/lbpcascade_animeface.xml"));
        Files.writeString(copy, "damaged");
        assertThat(BundledFiles.extract(RESOURCE, FOLDER, SHA)).contains(copy);
        assertThat(copy).hasSameBinaryContentAs(SHARED.resolve("models/lbpcascade_animeface.xml"));
        assertThat(BundledFiles.extract(RESOURCE, FOLDER, "00" + SHA.substring(2))).isEmpty();
        assertThat(BundledFiles.extract("org/aniprep/none.onnx", FOLDER, SHA)).isEqualTo(Optional.empty());
        assertThat(BundledFiles.present(RESOURCE)).isTrue();
    }
}
