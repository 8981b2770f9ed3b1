package org.aniprep.dataset.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.SeedExample;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataCommandTest {
    @TempDir
    Path dir;

    private static SeedKeys keys(Path image) {
        return SeedKeys.read(SidecarStore.read(image));
    }

    private static Path image(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        Files.write(p, new byte[]{1, 2, 3});
        return p;
    }

    private static DetectInfo faces(int n) {
        List<Detection> all = List.of(new Detection(100, 100, 300, 300, "face", 0.9f), new Detection(1000, 200, 1200, 500, "face", 0.8f),
                new Detection(1500, 100, 1600, 200, "face", 0.7f));
        return DetectSections.with(DetectInfo.empty().withSize(1920, 1080), "face", "yolo", all.subList(0, n), 1920, 1080);
    }

    @Test
    void helpExitsZero() {
        assertThat(Main.run("metadata", "--help")).isZero();
    }

    @Test
    void usageErrorsExitOne() {
        assertThat(Main.run("metadata", "--src", dir.resolve("absent").toString(), "-q")).isEqualTo(1);
        assertThat(Main.run("metadata", "--src", dir.toString(), "--from-folders", "--levels", "n_characters,hair", "-q")).isEqualTo(1);
        assertThat(Main.run("metadata", "--src", dir.toString(), "--count", "cats", "-q")).isEqualTo(1);
    }

    @Test
    void facePositionsOnlyWhereFacesAndNamesCorrespond() throws IOException {
        Path named = image(dir, "a.png");
        SidecarStore.update(named, s -> s.put("detect", faces(2)).put("classify", SeedExample.classify(List.of("Aoi", "Hinata"))));
        Path oneUnknown = image(dir, "b.png");
        SidecarStore.update(oneUnknown, s -> s.put("detect", faces(2)).put("classify", SeedExample.classify(List.of("unknown", "Hinata"))));
        Path lone = image(dir, "c.png");
        SidecarStore.update(lone, s -> s.put("detect", faces(1)));
        Path sameTwice = image(dir, "d.png");
        SidecarStore.update(sameTwice, s -> s.put("detect", faces(2)).put("classify", SeedExample.classify(List.of("Aoi", "Aoi"))));

        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();

        assertThat(keys(named).characters()).containsExactly("Aoi", "Hinata");
        assertThat(keys(named).facepos()).isEqualTo(faces(2).facepos());
        assertThat(keys(oneUnknown).characters()).containsExactly("Hinata");
        assertThat(keys(oneUnknown).facepos()).isNull();
        assertThat(keys(oneUnknown).count()).isEqualTo("2");
        assertThat(keys(lone).characters()).isEmpty();
        assertThat(keys(lone).facepos()).hasSize(1);
        assertThat(keys(sameTwice).characters()).containsExactly("Aoi");
        assertThat(keys(sameTwice).facepos()).isNull();

        assertThat(Main.run("metadata", "--src", dir.toString(), "--always-facepos", "-q")).isZero();
        assertThat(keys(oneUnknown).facepos()).hasSize(2);
    }

    @Test
    void missingSectionsAreWarningsAndTheImageHasNoCharacter() throws IOException {
        Path bare = image(dir, "bare.png");
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        SeedKeys k = keys(bare);
        assertThat(k.characters()).isEmpty();
        assertThat(k.general()).isEqualTo("anishot");
        assertThat(k.count()).isNull();
        assertThat(k.tags()).isNull();
        assertThat(Main.run("metadata", "--src", dir.toString(), "--count", "characters", "--general", "aniscreen", "-q")).isZero();
        assertThat(keys(bare).count()).isEqualTo("0");
        assertThat(keys(bare).general()).isEqualTo("aniscreen");
    }

    @Test
    void aCorruptSidecarIsReportedAndTheOthersAreDone() throws IOException {
        Path good = SeedExample.write(dir, "good");
        Path bad = image(dir, "bad.png");
        Files.writeString(SidecarStore.pathFor(bad), "{\"schema\": 2, \"count\": ");
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isEqualTo(2);
        assertThat(keys(good).characters()).hasSize(2);
        assertThat(Files.readString(SidecarStore.pathFor(bad))).isEqualTo("{\"schema\": 2, \"count\": ");
    }

    @Test
    void aRerunWritesNothingAndHandEditsAreKept() throws IOException {
        Path image = SeedExample.write(dir, "yama_S2EP04_1");
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        Path side = SidecarStore.pathFor(image);
        Files.setLastModifiedTime(side, FileTime.fromMillis(1_000_000));
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(Files.getLastModifiedTime(side).toMillis()).isEqualTo(1_000_000);

        // a user corrects the names by hand: a rerun keeps them, --overwrite rebuilds
        JsonNode json = Json.MAPPER.readTree(side.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).putArray("characters").add("YukimuraAoi");
        Files.write(side, Json.MAPPER.writeValueAsBytes(json));
        assertThat(Main.run("metadata", "--src", dir.toString(), "--general", "other", "-q")).isZero();
        assertThat(keys(image).characters()).containsExactly("YukimuraAoi");
        assertThat(keys(image).general()).isEqualTo("anishot yamaS2EP04");
        assertThat(Main.run("metadata", "--src", dir.toString(), "--overwrite", "-q")).isZero();
        assertThat(keys(image).characters()).containsExactly("KuraueHinata", "AobaKokona");
    }

    @Test
    void theSeedsOwnJsonIsNotOverwritten() throws IOException {
        Path image = image(dir, "yama_S2EP04_7.png");
        Files.writeString(SidecarStore.pathFor(image), SeedExample.metadataLine());
        String before = Files.readString(SidecarStore.pathFor(image));
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(Files.readString(SidecarStore.pathFor(image))).isEqualTo(before);
    }

    @Test
    void aSchemaOneSidecarWithTheOldTagSectionIsMigrated() throws IOException {
        Path image = image(dir, "x.png");
        Files.writeString(SidecarStore.pathFor(image), "{\"schema\":1,\"file\":\"x.png\",\"tags\":{\"model\":\"m\",\"general_threshold\":0.35,"
                + "\"general\":[{\"tag\":\"long hair\",\"score\":0.9},{\"tag\":\"2girls\",\"score\":0.8},{\"tag\":\"^_^\",\"score\":0.5}],"
                + "\"character\":[]}}");
        assertThat(Main.run("metadata", "--src", dir.toString(), "--count", "people", "-q")).isZero();
        JsonNode side = Json.MAPPER.readTree(SidecarStore.pathFor(image).toFile());
        assertThat(side.get("schema").asInt()).isEqualTo(2);
        assertThat(side.at("/tag/model").asText()).isEqualTo("m");
        assertThat(SeedExample.strings(side.get("tags"))).containsExactly("long_hair", "2girls", "^_^");
        assertThat(side.get("count").asText()).isEqualTo("2");
    }

    @Test
    void classifyIsReadTolerantly() throws IOException {
        Path image = image(dir, "t.png");
        Files.writeString(SidecarStore.pathFor(image), "{\"schema\":2,\"classify\":{\"faces\":[{\"index\":1,\"character\":\"Lucy\"},"
                + "{\"index\":0,\"character\":\"Eileen\"}]},\"detect\":" + Json.MAPPER.writeValueAsString(faces(2)) + "}");
        Path odd = image(dir, "u.png");
        Files.writeString(SidecarStore.pathFor(odd), "{\"schema\":2,\"classify\":{\"characters\":[\"noise_1\",{\"name\":\"Eileen\"},\"ood\",7]}}");
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(keys(image).characters()).containsExactly("Eileen", "Lucy");
        assertThat(keys(image).facepos()).hasSize(2);
        assertThat(keys(odd).characters()).containsExactly("Eileen");
    }

    @Test
    void namesWithSeparatorsStayNamesAndNeverBecomePaths() throws IOException {
        Path image = image(dir.resolve("ep"), "n.png");
        SidecarStore.update(image, s -> s.put("detect", faces(2)).put("classify", SeedExample.classify(List.of("../../etc/Aoi", "A\\B"))));
        assertThat(Main.run("metadata", "--src", dir.resolve("ep").toString(), "-q")).isZero();
        assertThat(keys(image).characters()).containsExactly("../../etc/Aoi", "A\\B");
        assertThat(Main.run("caption", "--src", dir.resolve("ep").toString(), "-q")).isZero();
        assertThat(Files.readString(dir.resolve("ep/n.txt"))).startsWith("2people, ../../etc/Aoi A\\B, anishot");
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList())
                    .containsExactly("ep/.aniprep.lock", "ep/core_tags.json", "ep/n.json", "ep/n.png", "ep/n.txt");
        }
    }
}
