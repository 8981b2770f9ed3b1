package org.aniprep.tag;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code aniprep tag} end to end on real pictures with stand-in models: the scores in the sidecars
 * must equal what the stand-in gives for the Pillow-made reference input (shared/testdata/vectors),
 * which checks padding, BICUBIC resize and BGR order, and decoding.
 */
class TagCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    private static final String[] ENV = {"ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME"};

    @TempDir
    Path tmp;
    Path src;
    Wd14StandIn standIn = new Wd14StandIn(42);

    @BeforeEach
    void setUp() throws Exception {
        src = Files.createDirectories(tmp.resolve("frames"));
        for (String name : new String[] {"eileen_happy", "concert1"}) {
            Files.copy(SHARED.resolve("testdata/anime/" + name + ".png"), src.resolve(name + ".png"));
        }
        // isolate model lookup from the machine's real caches
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", tmp.resolve("models").toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", tmp.resolve("hfhome").toString());
    }

    @AfterEach
    void tearDown() {
        for (String e : ENV) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    private double[] expected(String name) throws Exception {
        RgbImage ref = new ImageLoader().load(SHARED.resolve("testdata/vectors/wd14_" + name + "_448.png"));
        return standIn.expectedScores(ref);
    }

    private void assertTagged(String name, double generalThr, double characterThr) throws Exception {
        double[] p = expected(name);
        Tags tags = SidecarStore.read(src.resolve(name + ".png")).get(Tags.SECTION, Tags.class).orElseThrow();
        TagList list = TagList.read(tmp.resolve("model/selected_tags.csv"));
        List<String> wantGeneral = new ArrayList<>();
        for (int i : list.general()) {
            if (p[i] > generalThr) {
                wantGeneral.add(Wd14Decoder.displayName(list.names().get(i)));
            }
        }
        List<String> wantCharacter = new ArrayList<>();
        for (int i : list.character()) {
            if (p[i] > characterThr) {
                wantCharacter.add(Wd14Decoder.displayName(list.names().get(i)));
            }
        }
        assertThat(wantGeneral).as("stand-in gives a non-trivial tag set").isNotEmpty().hasSizeLessThan(list.general().length);
        assertThat(tags.general()).extracting(Tags.Scored::tag).containsExactlyInAnyOrderElementsOf(wantGeneral);
        assertThat(tags.character()).extracting(Tags.Scored::tag).containsExactlyInAnyOrderElementsOf(wantCharacter);
        for (Tags.Scored s : tags.general()) {
            int row = list.names().indexOf(s.tag().equals("^_^") ? s.tag() : s.tag().replace(' ', '_'));
            assertThat(s.score()).as(s.tag()).isCloseTo(p[row], within(2e-5));
        }
        for (int r : list.ratings()) {
            assertThat(tags.ratings().get(list.names().get(r))).isCloseTo(p[r], within(2e-5));
        }
        assertThat(tags.preprocess()).isEqualTo("wd14-a");
    }

    @Test
    void tagsRealPicturesWithADynamicBatchModelAndSkipsBadOnes() throws Exception {
        Path model = standIn.write(tmp.resolve("model"), false);
        Files.write(src.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

        int rc = Main.run("tag", "--src", src.toString(), "--model", model.toString(), "--batch", "2", "--tags-file", "-q");

        assertThat(rc).isEqualTo(2);
        assertTagged("eileen_happy", 0.35, 0.85);
        assertTagged("concert1", 0.35, 0.85);
        assertThat(SidecarStore.exists(src.resolve("broken.png"))).isFalse();
        String tagsLine = Files.readString(src.resolve("eileen_happy.png.tags"));
        assertThat(tagsLine).doesNotContain("\n");
        for (String t : tagsLine.split(", ")) {
            assertThat(t).doesNotContain(" ");
        }

        // a rerun skips what this model already tagged; --overwrite redoes it
        Path side = SidecarStore.pathFor(src.resolve("concert1.png"));
        Files.writeString(side, Files.readString(side).replace("\"file\"", "\"tags_marker\": 1, \"file\""));
        assertThat(Main.run("tag", "--src", src.toString(), "--model", model.toString(), "--tags-file", "-q")).isEqualTo(2);
        assertThat(Files.readString(side)).contains("tags_marker");
        assertThat(Main.run("tag", "--src", src.toString(), "--model", model.toString(), "--mcut", "--overwrite", "-q")).isEqualTo(2);
        Tags mcut = SidecarStore.read(src.resolve("concert1.png")).get(Tags.SECTION, Tags.class).orElseThrow();
        assertThat(mcut.generalMcut()).isTrue();
        assertThat(mcut.characterThreshold()).isGreaterThanOrEqualTo(0.15);
        assertThat(Files.readString(side)).contains("tags_marker"); // other sections survive
    }

    @Test
    void fixedBatchV2ModelFoundThroughTheModelPathById() throws Exception {
        // ANIPREP_MODEL_PATH/<org>/<name>/ holds the files of the built-in id
        Path dir = tmp.resolve("models/SmilingWolf/wd-v1-4-convnext-tagger-v2");
        standIn.write(dir, true);
        Files.createDirectories(tmp.resolve("model"));
        Files.copy(dir.resolve("selected_tags.csv"), tmp.resolve("model/selected_tags.csv"), StandardCopyOption.REPLACE_EXISTING);

        int rc = Main.run("tag", "--src", src.toString(), "--model", "wd-v1-4-convnext-tagger-v2", "--batch", "4",
                "--general-threshold", "0.5", "--character-threshold", "0.5", "--offline", "-q");

        assertThat(rc).isZero();
        assertTagged("eileen_happy", 0.5, 0.5);
        assertTagged("concert1", 0.5, 0.5);
        Tags t = SidecarStore.read(src.resolve("concert1.png")).get(Tags.SECTION, Tags.class).orElseThrow();
        assertThat(t.model()).isEqualTo("wd-v1-4-convnext-tagger-v2");
        assertThat(t.modelRepo()).isEqualTo("SmilingWolf/wd-v1-4-convnext-tagger-v2");
    }

    @Test
    void foreignTagsFileIsNotOverwritten() throws Exception {
        Path model = standIn.write(tmp.resolve("model"), false);
        Files.writeString(src.resolve("concert1.png.tags"), "character: someone\n");
        int rc = Main.run("tag", "--src", src.toString(), "--model", model.toString(), "--tags-file", "-q");
        assertThat(rc).isEqualTo(2);
        assertThat(Files.readString(src.resolve("concert1.png.tags"))).isEqualTo("character: someone\n");
        assertThat(SidecarStore.exists(src.resolve("concert1.png"))).isFalse();
        assertThat(SidecarStore.exists(src.resolve("eileen_happy.png"))).isTrue();
    }

    @Test
    void modelProblemsAreClearErrorsAndWriteNothing() throws Exception {
        // CSV with one row fewer than the model's outputs
        String shortCsv = Wd14StandIn.CSV.substring(0, Wd14StandIn.CSV.stripTrailing().lastIndexOf('\n') + 1);
        Path model = standIn.write(tmp.resolve("short"), false, shortCsv);
        assertThat(Main.run("tag", "--src", src.toString(), "--model", model.toString(), "-q")).isEqualTo(1);

        // NCHW input: not a WD14 signature
        Path nchw = new org.aniprep.testing.OnnxModelBuilder()
                .input("input_1:0", org.aniprep.testing.OnnxModelBuilder.FLOAT, 1, 3, 448, 448)
                .node("Identity", List.of("input_1:0"), List.of("out")).done()
                .output("out", org.aniprep.testing.OnnxModelBuilder.FLOAT, 1, 3, 448, 448)
                .write(tmp.resolve("nchw/model.onnx"));
        Files.writeString(tmp.resolve("nchw/selected_tags.csv"), Wd14StandIn.CSV);
        assertThat(Main.run("tag", "--src", src.toString(), "--model", nchw.toString(), "-q")).isEqualTo(1);

        // truncated model file
        Path good = standIn.write(tmp.resolve("trunc"), false);
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(Main.run("tag", "--src", src.toString(), "--model", good.toString(), "-q")).isEqualTo(1);

        // built-in model, offline, nowhere on disk
        assertThat(Main.run("tag", "--src", src.toString(), "--offline", "-q")).isEqualTo(1);

        try (var files = Files.list(src)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("eileen_happy.png", "concert1.png");
        }
    }

    @Test
    void modelsCommandShowsTheBuiltInsAndWhereTheyAre() throws Exception {
        Path dir = tmp.resolve("models/SmilingWolf/wd-swinv2-tagger-v3");
        standIn.write(dir, false);
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true));
        try {
            assertThat(Main.run("models", "path", "wd-swinv2-tagger-v3")).isZero();
            assertThat(Main.run("models", "list")).isZero();
            assertThat(Main.run("models", "path", "wd-vit-tagger-v3")).isEqualTo(1);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString();
        assertThat(out).contains("model\t" + dir.resolve("model.onnx"));
        assertThat(out).containsPattern("wd-swinv2-tagger-v3 +tagger +yes +SmilingWolf/wd-swinv2-tagger-v3");
        assertThat(out).containsPattern("wd-v1-4-moat-tagger-v2 +tagger +- ");
    }

    @Test
    void modelsVerifyChecksHubBlobsAgainstTheirSha256() throws Exception {
        // hub layout whose model blob name (= its SHA-256 for LFS files) does not match the content
        Path repo = tmp.resolve("hub/models--SmilingWolf--wd-convnext-tagger-v3");
        String commit = "a".repeat(40);
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), commit);
        Path blobs = Files.createDirectories(repo.resolve("blobs"));
        Path snap = Files.createDirectories(repo.resolve("snapshots/" + commit));
        Files.writeString(blobs.resolve("b".repeat(64)), "damaged model");
        Files.writeString(blobs.resolve("c".repeat(40)), Wd14StandIn.CSV);
        Files.createSymbolicLink(snap.resolve("model.onnx"), Path.of("../../blobs/" + "b".repeat(64)));
        Files.createSymbolicLink(snap.resolve("selected_tags.csv"), Path.of("../../blobs/" + "c".repeat(40)));

        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true));
        int rc;
        try {
            rc = Main.run("models", "verify", "wd-convnext-tagger-v3");
        } finally {
            System.setOut(old);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(buf.toString()).contains("wd-convnext-tagger-v3/model.onnx: MISMATCH (expected " + "b".repeat(64))
                .contains("selected_tags.csv: ok (no checksum known)");
    }

    static JsonNode json(Path image) {
        return SidecarStore.read(image).json();
    }
}
