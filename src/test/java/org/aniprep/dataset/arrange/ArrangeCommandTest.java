package org.aniprep.dataset.arrange;

import org.aniprep.cli.Main;
import org.aniprep.dataset.DatasetFixture;
import org.aniprep.sidecar.ArrangeInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.aniprep.dataset.DatasetFixture.image;
import static org.aniprep.dataset.DatasetFixture.images;
import static org.assertj.core.api.Assertions.assertThat;

class ArrangeCommandTest {
    @TempDir
    Path tmp;

    Path src() {
        return tmp.resolve("src");
    }

    Path dst() {
        return tmp.resolve("dst");
    }

    int arrange(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "arrange";
        args[1] = "--src";
        args[2] = src().toString();
        args[3] = "--dst";
        args[4] = dst().toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return Main.run(args);
    }

    @Test
    void seedExampleLandsInTheSeedsFolders() throws Exception {
        Path ep = src().resolve("EP04");
        image(ep, "yamaS2EP04_1.png", List.of("KuraueHinata", "AobaKokona"), 0.28, "2people, KuraueHinata AobaKokona");
        image(ep, "yamaS2EP04_2.png", List.of("AobaKokona"), 0.6, null);
        image(ep, "yamaS2EP04_3.png", List.of(), 0.0, null);
        assertThat(arrange("--min-images-per-combination", "1")).isZero();
        assertThat(images(dst())).containsExactly(
                "1_character/AobaKokona/face_height_ratio_50-75/yamaS2EP04_2.png",
                "2_characters/AobaKokona+KuraueHinata/face_height_ratio_25-50/yamaS2EP04_1.png",
                "others/face_height_ratio_0-25/yamaS2EP04_3.png");
        Path moved = dst().resolve("2_characters/AobaKokona+KuraueHinata/face_height_ratio_25-50");
        assertThat(moved.resolve("yamaS2EP04_1.txt")).hasContent("2people, KuraueHinata AobaKokona");
        ArrangeInfo info = SidecarStore.read(moved.resolve("yamaS2EP04_1.png")).get(ArrangeInfo.SECTION, ArrangeInfo.class).orElseThrow();
        assertThat(info.type()).isEqualTo("screenshots");
        assertThat(info.source()).isEqualTo(ep.resolve("yamaS2EP04_1.png").toAbsolutePath().normalize().toString());
        // the seed's keys are carried over untouched
        assertThat(SidecarStore.read(moved.resolve("yamaS2EP04_1.png")).json().get("characters").toString())
                .isEqualTo("[\"KuraueHinata\",\"AobaKokona\"]");
        assertThat(dst().resolve("_report/dataset.html")).exists();
        // the copies leave the source as it was
        assertThat(images(src())).hasSize(3);
    }

    @Test
    void rareCombinationsGoToCharacterOthersAndManyCharactersShareAFolder() throws Exception {
        for (int i = 0; i < 3; i++) {
            image(src(), "a" + i + ".png", List.of("Ann"), 0.1, null);
        }
        image(src(), "b.png", List.of("Ann", "Bob"), 0.1, null);
        image(src(), "c.png", List.of("A", "B", "C", "D"), 0.1, null);
        assertThat(arrange("--min-images-per-combination", "2", "--max-characters", "3", "--levels", "n_characters,character")).isZero();
        assertThat(images(dst())).containsExactly("1_character/Ann/a0.png", "1_character/Ann/a1.png", "1_character/Ann/a2.png",
                "2_characters/character_others/b.png", "3+_characters/character_others/c.png");
    }

    @Test
    void levelsAreConfigurableAndNamesFromDataCannotEscape() throws Exception {
        image(src(), "x.png", List.of("../../evil", "a/b", "Dr. Who"), 0.8, null);
        image(src(), "y.png", List.of(), 0.0, null);
        assertThat(arrange("--min-images-per-combination", "1", "--levels", "n_faces,character")).isZero();
        assertThat(images(dst())).containsExactly("0_faces/character_others/y.png", "3_faces/Dr_Who+__evil+a_b/x.png");
        assertThat(images(tmp)).allMatch(p -> p.startsWith("dst/") || p.startsWith("src/"));
    }

    @Test
    void sameNamesNeverOverwriteAndCompanionsFollowTheNewName() throws Exception {
        image(src().resolve("EP01"), "f.png", List.of("Ann"), 0.1, "one");
        image(src().resolve("EP02"), "f.png", List.of("Ann"), 0.1, "two");
        assertThat(arrange("--min-images-per-combination", "1")).isZero();
        Path dir = dst().resolve("1_character/Ann/face_height_ratio_0-25");
        assertThat(images(dir)).containsExactly("f.png", "f_2.png");
        assertThat(dir.resolve("f.txt")).hasContent("one");
        assertThat(dir.resolve("f_2.txt")).hasContent("two");
        assertThat(SidecarStore.read(dir.resolve("f_2.png")).json().get("file").asText()).isEqualTo("f_2.png");
    }

    @Test
    void dryRunPrintsTheTreeAndWritesNothing() throws Exception {
        image(src(), "a.png", List.of("Ann"), 0.3, null);
        image(src(), "b.png", List.of("Ann"), 0.3, null);
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            assertThat(arrange("--dry-run", "--min-images-per-combination", "1")).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString()).contains("2  .", "2    1_character", "2      Ann", "2        face_height_ratio_25-50");
        assertThat(dst()).doesNotExist();
    }

    @Test
    void aDestinationHoldingAnotherDatasetIsRefused() throws Exception {
        image(src(), "a.png", List.of("Ann"), 0.3, null);
        Files.createDirectories(dst());
        Files.writeString(dst().resolve("their_image.png"), "x");
        assertThat(arrange()).isEqualTo(1);
        assertThat(images(dst())).containsExactly("their_image.png");
    }

    @Test
    void aRerunConvergesAndMovesWhatChangedFolder() throws Exception {
        Path a = image(src(), "a.png", List.of("Ann"), 0.3, "cap");
        image(src(), "b.png", List.of("Bob"), 0.3, null);
        assertThat(arrange("--min-images-per-combination", "1")).isZero();
        var first = DatasetFixture.snapshot(dst(), ".aniprep", "_report");
        assertThat(arrange("--min-images-per-combination", "1")).isZero();
        assertThat(DatasetFixture.snapshot(dst(), ".aniprep", "_report")).isEqualTo(first);
        // the user corrects a name in the source: the rerun moves the copy it made, nothing is duplicated
        DatasetFixture.sidecar(a, List.of("Bob"), 0.3);
        assertThat(arrange("--min-images-per-combination", "1")).isZero();
        assertThat(images(dst())).containsExactly("1_character/Bob/face_height_ratio_25-50/a.png",
                "1_character/Bob/face_height_ratio_25-50/b.png");
        assertThat(dst().resolve("1_character/Bob/face_height_ratio_25-50/a.txt")).hasContent("cap");
    }

    @Test
    void moveThenUndoRestoresTheSourceExactly() throws Exception {
        image(src().resolve("EP01"), "a.png", List.of("Ann"), 0.3, "cap a");
        image(src().resolve("EP02"), "a.png", List.of("Ann"), 0.3, "cap b");
        Files.writeString(src().resolve("EP01/a.png.tags"), "long_hair, blush");
        image(src(), "n.png", List.of(), 0, null);
        Files.delete(src().resolve("n.json"));
        var before = DatasetFixture.snapshot(src());
        assertThat(arrange("--move", "--min-images-per-combination", "1")).isZero();
        assertThat(images(src())).isEmpty();
        assertThat(images(dst())).hasSize(3);
        assertThat(dst().resolve("1_character/Ann/face_height_ratio_25-50/a.png.tags")).exists();
        assertThat(Main.run("arrange", "--undo", dst().toString())).isZero();
        assertThat(DatasetFixture.snapshot(src())).isEqualTo(before);
        assertThat(images(dst())).isEmpty();
        // undone once is enough
        assertThat(Main.run("arrange", "--undo", dst().toString())).isEqualTo(1);
    }

    @Test
    void linkMakesHardLinks() throws Exception {
        Path a = image(src(), "a.png", List.of("Ann"), 0.3, "cap");
        assertThat(arrange("--link", "--min-images-per-combination", "1")).isZero();
        Path linked = dst().resolve("1_character/Ann/face_height_ratio_25-50/a.png");
        assertThat(Files.isSameFile(linked, a)).isTrue();
        assertThat(Files.isSameFile(linked.resolveSibling("a.txt"), src().resolve("a.txt"))).isFalse();
    }

    @Test
    void helpExitsZero() {
        assertThat(Main.run("arrange", "--help")).isZero();
        assertThat(Main.run("balance", "--help")).isZero();
    }
}
