package org.aniprep.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SidecarStoreTest {
    @TempDir
    Path dir;

    @Test
    void stagesWriteTheirOwnSectionsWithoutLosingOthers() throws IOException {
        Path img = dir.resolve("show_EP01_3.png");
        Files.write(img, new byte[]{1});
        SidecarStore.put(img, FrameSource.SECTION, new FrameSource("/v/show 01.mkv", "show", null, 1, 42, 1.75));
        SidecarStore.put(img, Tags.SECTION, Map.of("general", Map.of("1girl", 0.98)));
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(1920, 1080));
        Sidecar s = SidecarStore.read(img);
        assertThat(s.get(FrameSource.SECTION, FrameSource.class)).contains(new FrameSource("/v/show 01.mkv", "show", null, 1, 42, 1.75));
        assertThat(s.get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(1920, 1080));
        assertThat(s.json().at("/tag/general/1girl").asDouble()).isEqualTo(0.98);
        String text = Files.readString(SidecarStore.pathFor(img));
        assertThat(text).contains("\"frame_index\"").contains("\"file\" : \"show_EP01_3.png\"");
    }

    @Test
    void unknownSectionsSurviveARewrite() throws IOException {
        Path img = dir.resolve("a.png");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":1,\"future\":{\"x\":[1,2]}}");
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(2, 3));
        assertThat(SidecarStore.read(img).json().at("/future/x/1").asInt()).isEqualTo(2);
    }

    @Test
    void corruptSidecarIsAClearError() throws IOException {
        Path img = dir.resolve("a.png");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":1,");
        assertThatThrownBy(() -> SidecarStore.read(img)).isInstanceOf(SidecarException.class).hasMessageContaining("a.json");
    }

    @Test
    void moveTakesTheSidecarAlongAndNeverOverwrites() throws IOException {
        Path img = dir.resolve("a.png");
        Files.write(img, new byte[]{1});
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(2, 3));
        Path target = dir.resolve("_removed/a.png");
        SidecarStore.move(img, target);
        assertThat(target).exists();
        assertThat(SidecarStore.pathFor(target)).exists();
        assertThat(img).doesNotExist();
        Files.write(img, new byte[]{2});
        assertThatThrownBy(() -> SidecarStore.move(img, target)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void aSchemaOneTaggerSectionIsReadAsTagAndMigratedOnTheNextWrite() throws IOException {
        Path img = dir.resolve("a.png");
        Files.write(img, new byte[]{1});
        String v1 = "{\"schema\":1,\"file\":\"a.png\",\"tags\":{\"model\":\"m\",\"general\":[{\"tag\":\"long hair\",\"score\":0.9}]}}";
        Files.writeString(SidecarStore.pathFor(img), v1);
        Sidecar read = SidecarStore.read(img);
        assertThat(read.json().at("/tag/general/0/tag").asText()).isEqualTo("long hair");
        assertThat(SeedKeys.read(read).tags()).isNull();
        assertThat(Files.readString(SidecarStore.pathFor(img))).isEqualTo(v1); // reading changes nothing on disk

        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(2, 3));
        JsonNode disk = Json.MAPPER.readTree(SidecarStore.pathFor(img).toFile());
        assertThat(disk.path("schema").asInt()).isEqualTo(2);
        assertThat(disk.has("tags")).isFalse();
        assertThat(disk.at("/tag/model").asText()).isEqualTo("m");
    }

    @Test
    void theSeedsTagListIsNotMistakenForTheOldTaggerSection() throws IOException {
        Path img = dir.resolve("a.png");
        Files.writeString(SidecarStore.pathFor(img),
                "{\"schema\":1,\"count\":2,\"tags\":[\"long_hair\",\"2girls\"],\"characters\":\"Hinata\"}");
        Sidecar s = SidecarStore.read(img);
        assertThat(s.has(Tags.SECTION)).isFalse();
        SeedKeys seed = SeedKeys.read(s);
        assertThat(seed.tags()).containsExactly("long_hair", "2girls");
        assertThat(seed.count()).isEqualTo("2");
        assertThat(seed.characters()).containsExactly("Hinata");
    }

    @Test
    void bothSectionsPresentNothingIsMovedOrLost() throws IOException {
        Path img = dir.resolve("a.png");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":1,\"tags\":{\"model\":\"old\"},\"tag\":{\"model\":\"new\"}}");
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(2, 3));
        JsonNode disk = Json.MAPPER.readTree(SidecarStore.pathFor(img).toFile());
        assertThat(disk.at("/tags/model").asText()).isEqualTo("old");
        assertThat(disk.at("/tag/model").asText()).isEqualTo("new");
    }

    @Test
    void seedKeysAreWrittenAtTheTopLevelInTheSeedsShapes() throws IOException {
        Path img = dir.resolve("yamaS2EP04_7.png");
        Files.write(img, new byte[]{1});
        SeedKeys seed = new SeedKeys("2", List.of("KuraueHinata", "AobaKokona"), "anishot yamaS2EP04",
                List.of("fvp 42 70 fhp 22 39", "fvp 15 37 fhp 62 75"), List.of("long_hair", "2girls"));
        SidecarStore.update(img, seed::writeTo);
        JsonNode disk = Json.MAPPER.readTree(SidecarStore.pathFor(img).toFile());
        assertThat(disk.get("count").isTextual()).isTrue();
        assertThat(disk.get("count").asText()).isEqualTo("2");
        assertThat(disk.at("/characters/1").asText()).isEqualTo("AobaKokona");
        assertThat(disk.get("general").asText()).isEqualTo("anishot yamaS2EP04");
        assertThat(disk.at("/facepos/0").asText()).isEqualTo("fvp 42 70 fhp 22 39");
        assertThat(disk.at("/tags/0").asText()).isEqualTo("long_hair");
        assertThat(SeedKeys.read(SidecarStore.read(img))).isEqualTo(seed);

        SidecarStore.update(img, s -> seed.withFacepos(null).writeTo(s));
        assertThat(Json.MAPPER.readTree(SidecarStore.pathFor(img).toFile()).has("facepos")).isFalse();
    }

    @Test
    void anotherImagesRecordIsSetAsideNotAdoptedAndAFreshOneStarted() throws IOException {
        Path img = dir.resolve("x.png");
        Files.write(img, new byte[] {1});
        String foreign = "{\"schema\":1,\"file\":\"someone_else.png\",\"image\":{\"width\":99,\"height\":99},\"alien\":{\"a\":1}}";
        Files.writeString(SidecarStore.pathFor(img), foreign);
        assertThat(SidecarStore.read(img).has(ImageInfo.SECTION)).as("not this image's record").isFalse();
        assertThat(SidecarStore.pathFor(img)).exists(); // reading changes nothing
        SidecarStore.update(img, s -> s.fitTo(1280, 720));
        assertThat(Files.readString(dir.resolve("x.json.foreign-1"))).isEqualTo(foreign);
        Sidecar fresh = SidecarStore.read(img);
        assertThat(fresh.get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(1280, 720));
        assertThat(fresh.has("alien")).isFalse();
        assertThat(fresh.json().path("file").asText()).isEqualTo("x.png");
        // a second foreign record goes beside the first, never over it
        Files.writeString(SidecarStore.pathFor(img), foreign);
        SidecarStore.put(img, "other", Map.of());
        assertThat(dir.resolve("x.json.foreign-2")).exists();
    }

    @Test
    void theSameImageConvertedToAnotherFormatKeepsItsRecord() throws IOException {
        Path img = dir.resolve("x.jpg");
        Files.write(img, new byte[] {1});
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":2,\"file\":\"x.png\",\"mine\":{\"a\":1}}");
        SidecarStore.put(img, "other", Map.of("b", 2));
        assertThat(SidecarStore.read(img).has("mine")).isTrue();
        assertThat(dir.resolve("x.json.foreign-1")).doesNotExist();
    }

    @Test
    void sectionsOfAnotherPixelSizeAreDroppedWhenTheRealSizeIsRecorded() throws IOException {
        Path img = dir.resolve("y.png");
        Files.write(img, new byte[] {1});
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":2,\"file\":\"y.png\",\"image\":{\"width\":99,\"height\":99},"
                + "\"detect\":{\"width\":99,\"height\":99,\"face_count\":3},\"source\":{\"episode\":1}}");
        SidecarStore.update(img, s -> s.fitTo(1280, 720));
        Sidecar s = SidecarStore.read(img);
        assertThat(s.has(DetectInfo.SECTION)).isFalse();
        assertThat(s.has("source")).isTrue();
        assertThat(s.get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(1280, 720));
    }

    @Test
    void errorsAreInTheUsersTerms() throws IOException {
        Path img = dir.resolve("z.png");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":2,\n \"tag\": {\"general\": [");
        assertThatThrownBy(() -> SidecarStore.read(img)).hasMessage(SidecarStore.pathFor(img)
                + ": not valid JSON (line 2, column 22): it ends too early, the file is cut short; fix it, or move it away to start a fresh record");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":2,\"file\":\"z.png\",\"tag\":{\"general\":[{\"tag\":\"x\",\"score\":\"high\"}]}}");
        assertThatThrownBy(() -> SidecarStore.read(img).get(Tags.SECTION, Tags.class))
                .hasMessage("its 'tag' section is not in the form aniprep writes (at general[0].score); "
                        + "delete that section (or the file) to have it made again");
    }
}
