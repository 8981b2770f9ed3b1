package org.aniprep.dataset.metadata;

import org.aniprep.cli.Main;
import org.aniprep.dataset.SeedExample;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user moved images between the arranged folders; {@code --from-folders} takes the folders' word for who is in them. */
class FromFoldersTest {
    @TempDir
    Path dir;

    private static SeedKeys keys(Path image) {
        return SeedKeys.read(SidecarStore.read(image));
    }

    private Path arranged(String folder, String stem) throws IOException {
        Path image = SeedExample.write(dir.resolve(folder), stem);
        assertThat(Main.run("metadata", "--src", dir.resolve(folder).toString(), "--count", "characters", "-q")).isZero();
        return image;
    }

    private static Path moveTo(Path image, Path folder) throws IOException {
        Path target = folder.resolve(image.getFileName());
        SidecarStore.move(image, target);
        return target;
    }

    @Test
    void theFolderWinsAndAPlainRerunKeepsItsNames() throws IOException {
        Path image = arranged("2_characters/AobaKokona+KuraueHinata/face_height_ratio_25-50", "yama_S2EP04_1");
        Path same = arranged("2_characters/AobaKokona+KuraueHinata/face_height_ratio_0-25", "yama_S2EP04_2");
        Path moved = moveTo(image, Files.createDirectories(dir.resolve("1_character/KuraueHinata/face_height_ratio_25-50")));

        assertThat(Main.run("metadata", "--src", dir.toString(), "--from-folders", "-q")).isZero();

        SeedKeys k = keys(moved);
        assertThat(k.characters()).containsExactly("KuraueHinata");
        assertThat(k.count()).isEqualTo("1");
        assertThat(k.facepos()).isNull(); // two faces, one name
        assertThat(k.tags()).hasSize(23);
        assertThat(k.general()).isEqualTo("anishot yamaS2EP04");
        // names unchanged: face order and facepos kept
        assertThat(keys(same).characters()).containsExactly("KuraueHinata", "AobaKokona");
        assertThat(keys(same).facepos()).hasSize(2);

        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(keys(moved).characters()).containsExactly("KuraueHinata");
        assertThat(Main.run("metadata", "--src", dir.toString(), "--overwrite", "-q")).isZero();
        assertThat(keys(moved).characters()).containsExactly("KuraueHinata", "AobaKokona");
    }

    @Test
    void othersMeansNobodyAndCharacterOthersSaysNothing() throws IOException {
        Path a = arranged("2_characters/AobaKokona+KuraueHinata/face_height_ratio_25-50", "a");
        Path b = arranged("2_characters/AobaKokona+KuraueHinata/face_height_ratio_0-25", "b");
        Path toOthers = moveTo(a, Files.createDirectories(dir.resolve("others/face_height_ratio_25-50")));
        Path toRare = moveTo(b, Files.createDirectories(dir.resolve("2_characters/character_others")));

        assertThat(Main.run("metadata", "--src", dir.toString(), "--from-folders", "-q")).isZero();
        assertThat(keys(toOthers).characters()).isEmpty();
        assertThat(keys(toOthers).count()).isEqualTo("0");
        assertThat(keys(toRare).characters()).containsExactly("KuraueHinata", "AobaKokona");
    }

    @Test
    void aNewNameFromAFolderAndNamesWithDots() throws IOException {
        Path image = SeedExample.write(dir.resolve("in"), "x");
        SidecarStore.update(image, s -> s.put("classify", SeedExample.classify(List.of("Mr. Tanaka", "unknown"))));
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(keys(image).characters()).containsExactly("Mr. Tanaka");
        Path moved = moveTo(image, Files.createDirectories(dir.resolve("2_characters/KuraueHinata+Mr_Tanaka")));

        assertThat(Main.run("metadata", "--src", dir.toString(), "--from-folders", "-q")).isZero();
        // the display name is kept where the folder spells it the way arrange does
        assertThat(keys(moved).characters()).containsExactly("KuraueHinata", "Mr. Tanaka");
    }

    @Test
    void readsTheTreeArrangeBuilt() throws IOException {
        Path src = dir.resolve("frames");
        Path two = SeedExample.write(src.resolve("EP04"), "yama_S2EP04_1");
        Path solo = SeedExample.write(src.resolve("EP04"), "yama_S2EP04_2");
        SidecarStore.update(solo, s -> s.put("classify", SeedExample.classify(List.of("Mr. Tanaka", "unknown"))));
        assertThat(Main.run("metadata", "--src", src.toString(), "--count", "characters", "-q")).isZero();
        Path dst = dir.resolve("training");
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", dst.toString(), "--min-images-per-combination", "1",
                "--no-report", "-q")).isZero();
        Path arrangedTwo;
        Path arrangedSolo;
        try (var files = Files.walk(dst)) {
            List<Path> pngs = files.filter(p -> p.toString().endsWith(".png")).toList();
            arrangedTwo = pngs.stream().filter(p -> p.getFileName().toString().equals("yama_S2EP04_1.png")).findFirst().orElseThrow();
            arrangedSolo = pngs.stream().filter(p -> p.getFileName().toString().equals("yama_S2EP04_2.png")).findFirst().orElseThrow();
        }
        assertThat(dst.relativize(arrangedTwo.getParent()).toString()).startsWith("2_characters/AobaKokona+KuraueHinata");
        // nothing moved: the tree agrees with the records
        assertThat(Main.run("metadata", "--src", dst.toString(), "--from-folders", "-q")).isZero();
        assertThat(keys(arrangedTwo).characters()).containsExactly("KuraueHinata", "AobaKokona");
        assertThat(keys(arrangedSolo).characters()).containsExactly("Mr. Tanaka");
        // the user says the two-face frame is Hinata's alone
        Path target = Files.createDirectories(dst.resolve("1_character/KuraueHinata")
                .resolve(arrangedTwo.getParent().getFileName()));
        Path moved = moveTo(arrangedTwo, target);
        assertThat(Main.run("metadata", "--src", dst.toString(), "--from-folders", "-q")).isZero();
        assertThat(keys(moved).characters()).containsExactly("KuraueHinata");
        assertThat(keys(moved).count()).isEqualTo("1");
    }
}
