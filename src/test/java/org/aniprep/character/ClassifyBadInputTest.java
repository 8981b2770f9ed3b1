package org.aniprep.character;

import org.aniprep.cli.Main;
import org.aniprep.console.Problems;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.ClassifyInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad references and frames: one clear line each, the run goes on, exit 2; names from data never escape. */
class ClassifyBadInputTest {
    @TempDir
    Path tmp;
    ClassifyFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ClassifyFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        ClassifyFixture.clearEnvironment();
    }

    @Test
    void badReferencesAreReportedAndTheRestIsUsed() throws Exception {
        Path frame = fx.frame(fx.cast.sprite("eileen_vhappy.png"), "ep/eileen", true);
        Files.write(fx.src.resolve("ep/broken.png"), new byte[] {1, 2, 3});
        String hostile = "Eileen $(touch pwned); `x` \"q\" <b>&";
        fx.ref(hostile, "eileen_happy.png");
        Files.createDirectories(fx.refs.resolve("Lucy"));                       // empty folder
        fx.ref("eileen $(TOUCH PWNED); `X` \"Q\" <B>&", "eileen_concerned.png");   // differs only in case: merged
        // a close-up with no detectable face: a head crop, used whole
        RgbImage sprite = fx.cast.sprite("eileen_happy.png").image();
        FaceBox face = fx.cast.sprite("eileen_happy.png").faces().get(0).box();
        Path closeUps = Files.createDirectories(fx.refs.resolve("Close up"));
        ImageIO.write(HeadCrops.crop(sprite, face).toBufferedImage(), "png", closeUps.resolve("head.png").toFile());
        // a wide picture with no face: skipped
        Path wide = Files.createDirectories(fx.refs.resolve("Nobody"));
        Files.copy(ClassifyFixture.SHARED.resolve("testdata/anime/bg_cave.jpg"), wide.resolve("cave.jpg"));

        Path export = tmp.resolve("exported");
        int rc = Main.run("classify", "--src", fx.src.toString(), "--refs", fx.refs.toString(), "--offline", "-q",
                "--embedder", "offline", "--export-clusters", export.toString());

        assertThat(rc).isEqualTo(2);
        ClassifyInfo info = ClassifyFixture.classify(frame);
        // two reference folders show the same head: the face is one of them, or too close to call between them
        ClassifyInfo.Face face0 = info.faces().get(0);
        if (ClassifyInfo.UNCERTAIN.equals(face0.status())) {
            assertThat(info.characters()).isEmpty();
            assertThat(face0.candidate()).isIn(hostile, "Close up");
        } else {
            assertThat(info.characters()).hasSize(1);
            assertThat(info.characters().get(0)).isIn(hostile, "Close up");
        }
        assertThat(fx.src.resolve("ep/broken.json")).doesNotExist();
        String html = Files.readString(fx.src.resolve(ClassifyReport.FILE));
        assertThat(html).doesNotContain("<b>&").contains("&lt;b&gt;&amp;");
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).doesNotContain("pwned");
    }

    @Test
    void referenceProblemsEachGetOneLine() throws Exception {
        Problems problems = new Problems();
        Files.createDirectories(fx.refs.resolve("Empty"));
        fx.ref("Eileen", "eileen_happy.png");
        fx.ref("EILEEN", "eileen_vhappy.png");
        fx.ref("noise_extras", "lucy_happy.png");

        List<ReferenceFolder.Entry> entries = ReferenceFolder.scan(fx.refs, problems);

        assertThat(entries).extracting(ReferenceFolder.Entry::name).containsExactly("EILEEN", "noise_extras");
        assertThat(entries.get(0).images()).hasSize(2);
        assertThat(entries.get(1).noise()).isTrue();
        assertThat(problems.list()).hasSize(2);
        assertThat(problems.list().get(0).message()).contains("differs from", "only in case");
        assertThat(problems.list().get(1).message()).contains("has no images");
    }

    @Test
    void exportedFolderNamesAreSafe() throws Exception {
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(8, 5, List.of("eileen_happy.png", "eileen_vhappy.png"))) {
            fx.frame(s, "f" + i++, true);
        }
        Path export = tmp.resolve("out");
        assertThat(Main.run("classify", "--src", fx.src.toString(), "--offline", "-q", "--export-clusters", export.toString())).isEqualTo(0);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> !p.normalize().startsWith(tmp))).isEmpty();
        }
        assertThat(export.resolve(ClusterExport.MANIFEST)).isRegularFile();
    }
}
