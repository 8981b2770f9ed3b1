package org.aniprep.dataset.caption;

import org.aniprep.cli.Main;
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

class CaptionCommandTest {
    @TempDir
    Path dir;

    private Path image(String rel, SeedKeys keys) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[]{1});
        SidecarStore.update(p, keys::writeTo);
        return p;
    }

    private static SeedKeys keys(String count, List<String> names, List<String> tags) {
        return new SeedKeys(count, names, "anishot yamaS2EP04", null, tags);
    }

    private static String txt(Path image, String ext) throws IOException {
        return Files.readString(image.resolveSibling(image.getFileName().toString().replace(".png", "." + ext)));
    }

    private int caption(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "caption";
        all[1] = "--src";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.run(all);
    }

    @Test
    void helpExitsZeroAndBadSettingsExitOne() throws IOException {
        assertThat(Main.run("caption", "--help")).isZero();
        assertThat(caption("--fields", "count,hair", "-q")).isEqualTo(1);
        assertThat(caption("--prob", "tags=2", "-q")).isEqualTo(1);
        assertThat(caption("--config", dir.resolve("none.toml").toString(), "-q")).isEqualTo(1);
        Path typo = Files.writeString(dir.resolve("typo.toml"), "[tags]\nshufle = true\n");
        assertThat(caption("--config", typo.toString(), "-q")).isEqualTo(1);
        Path broken = Files.writeString(dir.resolve("broken.toml"), "[tags\nmax = 3\n");
        assertThat(caption("--config", broken.toString(), "-q")).isEqualTo(1);
        assertThat(caption("--implications", dir.resolve("none.csv").toString(), "-q")).isEqualTo(1);
    }

    @Test
    void aTomlConfigAndOptionsOnTopOfIt() throws IOException {
        Path img = image("a.png", keys("1", List.of("Aoi"), List.of("long_hair", "smile", "school_uniform", "^_^", "holding_cup_(object)")));
        Path cfg = Files.writeString(dir.resolve("caption.toml"), String.join("\n",
                "fields = [\"characters\", \"count\", \"tags\"]",
                "extension = \"caption\"",
                "[probability]",
                "general = 0.0",
                "[separators]",
                "keep_tokens = \"|||\"",
                "count_singular = \"girl\"",
                "[tags]",
                "max = 3",
                "underscores_to_spaces = true",
                "escape_parentheses = true",
                ""));
        assertThat(caption("--config", cfg.toString(), "-q")).isZero();
        assertThat(txt(img, "caption")).isEqualTo("Aoi, 1girl ||| long hair, smile, school uniform");
        assertThat(caption("--config", cfg.toString(), "--max-tags", "5", "--keep-tokens-separator", "", "--drop", "school_*", "-q")).isZero();
        assertThat(txt(img, "caption")).isEqualTo("Aoi, 1girl, long hair, smile, ^_^, holding cup \\(object\\)");
    }

    @Test
    void implicationsTraitsAndDrops() throws IOException {
        Path named = image("n.png", keys("1", List.of("Aoi"), List.of("very_long_hair", "long_hair", "hairclip", "hair_ornament",
                "red_eyes", "closed_eyes", "hair_between_eyes", "twin_braids", "braid", "white_thighhighs", "thighhighs", "cosplay")));
        Path nobody = image("x.png", keys("0", List.of(), List.of("long_hair", "red_eyes", "outdoors")));
        assertThat(caption("--prune-character-traits", "--drop", "cosplay", "-q")).isZero();
        assertThat(txt(named, "txt")).isEqualTo("1person, Aoi, anishot yamaS2EP04, hairclip, closed_eyes, white_thighhighs");
        assertThat(txt(nobody, "txt")).isEqualTo("anishot yamaS2EP04, long_hair, red_eyes, outdoors");

        Path table = Files.writeString(dir.resolve("imp.json"),
                "[{\"antecedent_name\":\"outdoors\",\"consequent_name\":\"red_eyes\",\"status\":\"active\"},"
                        + "{\"antecedent_name\":\"red_eyes\",\"consequent_name\":\"long_hair\",\"status\":\"deleted\"}]");
        assertThat(caption("--implications", table.toString(), "--overwrite", "-q")).isZero();
        assertThat(txt(nobody, "txt")).isEqualTo("anishot yamaS2EP04, long_hair, outdoors");
    }

    @Test
    void coreTagsFromSoloImagesAreDroppedAndWritten() throws IOException {
        for (int i = 0; i < 6; i++) {
            image("solo" + i + ".png", keys("1", List.of("Aoi"), i < 4
                    ? List.of("green_eyes", "hair_ribbon", "smile", "outdoors", "shirt" + i)
                    : List.of("green_eyes", "smile", "indoors")));
        }
        Path pair = image("pair.png", keys("2", List.of("Aoi", "Hinata"), List.of("green_eyes", "hair_ribbon", "2girls", "smile")));
        assertThat(caption("-q")).isZero();
        assertThat(Files.readString(dir.resolve(CoreTags.FILE)).replaceAll("\\s", "")).isEqualTo("{\"Aoi\":[\"green_eyes\",\"hair_ribbon\"]}");
        assertThat(txt(pair, "txt")).isEqualTo("2people, Aoi Hinata, anishot yamaS2EP04, 2girls, smile");

        Path given = Files.writeString(dir.resolve("mine.json"), "{\"Hinata\": {\"kept\": [\"2girls\"], \"dropped\": [\"smile\"]}}");
        assertThat(caption("--core-tags-file", given.toString(), "-q")).isZero();
        assertThat(txt(pair, "txt")).isEqualTo("2people, Aoi Hinata, anishot yamaS2EP04, green_eyes, hair_ribbon");
        assertThat(caption("--no-core-tags", "-q")).isZero();
        assertThat(txt(pair, "txt")).endsWith("green_eyes, hair_ribbon, 2girls, smile");
    }

    @Test
    void othersCaptionsAreKeptAndRerunsConverge() throws IOException {
        Path mine = image("a.png", keys("1", List.of("Aoi"), List.of("smile")));
        Path theirs = image("b.png", keys("1", List.of("Aoi"), List.of("smile")));
        Files.writeString(dir.resolve("b.txt"), "a caption written by hand");
        Path noMeta = dir.resolve("c.png");
        Files.write(noMeta, new byte[]{1});

        assertThat(caption("-q")).isZero();
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("a caption written by hand");
        assertThat(dir.resolve("c.txt")).doesNotExist();
        Path file = dir.resolve("a.txt");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(SidecarStore.pathFor(mine), FileTime.fromMillis(1_000_000));
        assertThat(caption("-q")).isZero();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_000_000);
        assertThat(Files.getLastModifiedTime(SidecarStore.pathFor(mine)).toMillis()).isEqualTo(1_000_000);

        // our own caption is rewritten when the settings change; an edited one is not
        assertThat(caption("--prob", "general=0", "-q")).isZero();
        assertThat(Files.readString(file)).isEqualTo("1person, Aoi, smile");
        Files.writeString(file, "edited");
        assertThat(caption("-q")).isZero();
        assertThat(Files.readString(file)).isEqualTo("edited");
        assertThat(caption("--overwrite", "-q")).isZero();
        assertThat(Files.readString(file)).isEqualTo("1person, Aoi, anishot yamaS2EP04, smile");
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("1person, Aoi, anishot yamaS2EP04, smile");
        assertThat(theirs).exists();
    }

    @Test
    void aCorruptSidecarIsReportedAndTheOthersAreCaptioned() throws IOException {
        Path good = image("a.png", keys("1", List.of("Aoi"), List.of("smile")));
        Path bad = dir.resolve("b.png");
        Files.write(bad, new byte[]{1});
        Files.writeString(SidecarStore.pathFor(bad), "[1, 2");
        assertThat(caption("-q")).isEqualTo(2);
        assertThat(txt(good, "txt")).isEqualTo("1person, Aoi, anishot yamaS2EP04, smile");
    }
}
