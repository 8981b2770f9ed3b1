package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;
import org.aniprep.testing.OnnxModelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dedup --method embedding} with a stand-in model of a ViT-style signature (input
 * pixel_values [batch, 3, 224, 224], output last_hidden_state [batch, tokens, dim]): its "embedding"
 * is an 8×8 colour thumbnail of the normalised input, enough to tell re-encodes from other scenes.
 */
class EmbeddingDedupTest {
    static final int MID = AnimeScenes.CAM_X + AnimeScenes.FRAME_W / 2;

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void setUp() throws IOException {
        model = new OnnxModelBuilder()
                .input("pixel_values", OnnxModelBuilder.FLOAT, "batch", 3, 224, 224)
                .initializer("shape", new long[]{-1, 1, 192}, 3)
                .node("AveragePool", List.of("pixel_values"), List.of("pooled")).attrInts("kernel_shape", 28, 28)
                .attrInts("strides", 28, 28).done()
                .node("Reshape", List.of("pooled", "shape"), List.of("last_hidden_state")).done()
                .output("last_hidden_state", OnnxModelBuilder.FLOAT, "batch", 1, 192)
                .write(dir.resolve("model/model.onnx"));
        Path src = dir.resolve("src");
        AnimeScenes.writeJpeg(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", MID)), src.resolve("ep1/f01.jpg"), 0.92f);
        AnimeScenes.writeJpeg(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", MID)), src.resolve("ep1/f02.jpg"), 0.5f);
        AnimeScenes.writeJpeg(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("lucy_happy", MID)), src.resolve("ep1/f03.jpg"), 0.92f);
        AnimeScenes.writeJpeg(AnimeScenes.scene("bg_washington.jpg", 0), src.resolve("ep2/f01.jpg"), 0.92f);
        AnimeScenes.writeJpeg(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", MID)), src.resolve("ep2/f02.jpg"), 0.8f);
    }

    EmbeddingFingerprinter open() {
        return EmbeddingFingerprinter.open(model.toString(), new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)));
    }

    double cosine(EmbeddingFingerprinter e, String a, String b) throws IOException {
        ImageLoader l = new ImageLoader();
        float[] x = e.read(e.fingerprint(l.load(dir.resolve("src").resolve(a))));
        float[] y = e.read(e.fingerprint(l.load(dir.resolve("src").resolve(b))));
        return VectorIndex.cosine(x, y);
    }

    @Test
    void embeddingsAreUnitVectorsAndReEncodesAreCloserThanOtherScenes() throws IOException {
        EmbeddingFingerprinter e = open();
        double reencoded = cosine(e, "ep1/f01.jpg", "ep1/f02.jpg");
        double otherCharacter = cosine(e, "ep1/f01.jpg", "ep1/f03.jpg");
        double otherScene = cosine(e, "ep1/f01.jpg", "ep2/f01.jpg");
        System.out.printf("stand-in cosines: re-encoded %.5f, other character %.5f, other scene %.5f%n",
                reencoded, otherCharacter, otherScene);
        assertThat(reencoded).isGreaterThan(0.999);
        assertThat(otherCharacter).isLessThan(reencoded);
        assertThat(otherScene).isLessThan(otherCharacter);
        float[] v = e.read(e.fingerprint(new ImageLoader().load(dir.resolve("src/ep1/f01.jpg"))));
        assertThat(v).hasSize(192);
        assertThat(VectorIndex.cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(EmbeddingFingerprinter.decode(EmbeddingFingerprinter.encode(v))).containsExactly(v);
    }

    @Test
    void dedupWithAnEmbeddingModelGroupsAcrossEpisodesAndCachesTheVectors() throws IOException {
        Path src = dir.resolve("src");
        assertThat(Main.run("dedup", "--src", src.toString(), "--method", "embedding", "--model", model.toString(),
                "--threshold", "0.999", "--keep", "first", "--offline", "-q")).isZero();
        assertThat(Files.exists(src.resolve("_removed/ep1/f02.jpg"))).isTrue();
        assertThat(Files.exists(src.resolve("_removed/ep2/f02.jpg"))).isTrue();
        assertThat(Files.exists(src.resolve("ep1/f03.jpg"))).isTrue();
        assertThat(Files.exists(src.resolve("ep2/f01.jpg"))).isTrue();
        DedupInfo kept = SidecarStore.read(src.resolve("ep1/f01.jpg")).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
        assertThat(kept.groupSize()).isEqualTo(3);
        assertThat(kept.method()).startsWith("embedding:");
        assertThat(kept.embedding()).isNotBlank();
        assertThat(kept.hash()).isNull();
        assertThat(Files.readString(src.resolve("_report/dedup.html"))).containsPattern("cosine (1\\.0000|0\\.99)");

        // switching back to phash recomputes hashes and keeps the group record
        assertThat(Main.run("dedup", "--src", src.toString(), "--action", "report", "-q")).isZero();
        assertThat(Main.run("dedup", "--src", src.toString(), "-q")).isZero();
        DedupInfo after = SidecarStore.read(src.resolve("ep1/f01.jpg")).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
        assertThat(after.method()).isEqualTo(DedupOptions.DEFAULT_HASH.id());
        assertThat(after.removed()).contains("ep1/f02.jpg", "ep2/f02.jpg");
    }

    @Test
    void keepBestRecordsTheRepresentativesEmbeddingAndARerunChangesNothing() throws IOException {
        Path src = dir.resolve("src");
        // the group's first frame is blurred, so a later member is kept
        AnimeScenes.writeJpeg(DedupCommandTest.boxBlur(AnimeScenes.scene("bg_cave.jpg", 0, Actor.at("eileen_happy", MID))),
                src.resolve("ep1/f01.jpg"), 0.92f);
        String[] args = {"dedup", "--src", src.toString(), "--method", "embedding", "--model", model.toString(),
                "--threshold", "0.999", "--no-report", "--offline", "-q"};
        assertThat(Main.run(args)).isZero();
        assertThat(Files.exists(src.resolve("_removed/ep1/f01.jpg"))).isTrue();
        Path kept = Files.exists(src.resolve("ep1/f02.jpg")) ? src.resolve("ep1/f02.jpg") : src.resolve("ep2/f02.jpg");
        DedupInfo info = SidecarStore.read(kept).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
        assertThat(info.groupSize()).isEqualTo(3);
        assertThat(info.representative().file()).isEqualTo("ep1/f01.jpg");
        assertThat(info.representative().method()).isEqualTo(info.method());
        assertThat(info.representative().embedding()).isEqualTo(SidecarStore.read(src.resolve("_removed/ep1/f01.jpg"))
                .get(DedupInfo.SECTION, DedupInfo.class).orElseThrow().embedding());
        String before = Files.readString(SidecarStore.pathFor(kept));

        assertThat(Main.run(args)).isZero();
        assertThat(Files.readString(SidecarStore.pathFor(kept))).isEqualTo(before);
        assertThat(Files.exists(src.resolve("ep1/f03.jpg"))).isTrue();
        assertThat(Files.exists(src.resolve("ep2/f01.jpg"))).isTrue();
    }

    @Test
    void aBadImageAmongBatchesIsNamedAndTheOthersAreEmbedded() throws IOException {
        Path src = dir.resolve("src");
        Files.writeString(src.resolve("ep1/f00.jpg"), "not a picture");
        assertThat(Main.run("dedup", "--src", src.toString(), "--method", "embedding", "--model", model.toString(),
                "--threshold", "0.999", "--action", "move", "--no-report", "-q")).isEqualTo(2);
        assertThat(Files.exists(src.resolve("ep1/f00.jpg"))).isTrue();
        assertThat(Files.exists(src.resolve("_removed/ep1/f02.jpg"))).isTrue();
        assertThat(SidecarStore.read(src.resolve("ep2/f01.jpg")).get(DedupInfo.SECTION, DedupInfo.class)
                .map(DedupInfo::embedding)).isPresent();
    }

    @Test
    void aModelWithTheWrongSignatureOrAMissingBuiltInIsAUsageError() throws IOException {
        Path nhwc = new OnnxModelBuilder()
                .input("x", OnnxModelBuilder.FLOAT, 1, 224, 224, 3)
                .node("Identity", List.of("x"), List.of("y")).done()
                .output("y", OnnxModelBuilder.FLOAT, 1, 224, 224, 3)
                .write(dir.resolve("nhwc/model.onnx"));
        Path src = dir.resolve("src");
        assertThat(Main.run("dedup", "--src", src.toString(), "--method", "embedding", "--model", nhwc.toString(), "-q")).isEqualTo(1);
        assertThat(Main.run("dedup", "--src", src.toString(), "--method", "embedding", "--offline", "-q")).isEqualTo(1);
        assertThat(Main.run("dedup", "--src", src.toString(), "--method", "embedding", "--model", model.toString(),
                "--threshold", "1.5", "-q")).isEqualTo(1);
        assertThat(Files.exists(src.resolve("_removed"))).isFalse();
    }
}
