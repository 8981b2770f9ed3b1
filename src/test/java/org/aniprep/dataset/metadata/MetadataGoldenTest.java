package org.aniprep.dataset.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.SeedExample;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's README example, {@code XXX.json}, reproduced exactly from an equivalent aniprep sidecar. */
class MetadataGoldenTest {
    @TempDir
    Path dir;

    @Test
    void theSeedsExampleJsonComesOutExactly() throws IOException {
        Path image = SeedExample.write(dir.resolve("EP04"), "yama_S2EP04_3001");

        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();

        JsonNode side = Json.MAPPER.readTree(SidecarStore.pathFor(image).toFile());
        assertThat(SeedExample.pythonJson(side)).isEqualTo(SeedExample.metadataLine());
        assertThat(side.get("count").isTextual()).isTrue();
        assertThat(side.get("schema").asInt()).isEqualTo(2);
        // the sections it was made from are all still there
        assertThat(side.has("tag")).isTrue();
        assertThat(side.has("detect")).isTrue();
        assertThat(side.has("classify")).isTrue();
        assertThat(side.path("metadata").path("characters_from").asText()).isEqualTo("classify");
    }

    @Test
    void everyCountModeGivesTwoForTheExample() throws IOException {
        Path image = SeedExample.write(dir, "yama_S2EP04_3001");
        for (String mode : new String[] {"characters", "faces", "people"}) {
            assertThat(Main.run("metadata", "--src", dir.toString(), "--count", mode, "-q")).isZero();
            assertThat(SidecarStore.read(image).json().get("count").asText()).as(mode).isEqualTo("2");
        }
    }
}
