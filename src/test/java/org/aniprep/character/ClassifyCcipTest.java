package org.aniprep.character;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.FloatVectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CCIP wiring with stand-in feature + metric models of the real signatures, found through the model lookup. */
class ClassifyCcipTest {
    @TempDir
    Path tmp;
    ClassifyFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ClassifyFixture(tmp);
        CcipStandIn.write(fx.models, CcipModels.DEFAULT_ID, 0.05);
    }

    @AfterEach
    void tearDown() {
        ClassifyFixture.clearEnvironment();
    }

    @Test
    void ccipIsTheDefaultWhenOnTheMachineWithItsMetricsThreshold() throws Exception {
        Path eileen = fx.frame(fx.cast.sprite("eileen_happy.png"), "eileen", false);
        Path lucy = fx.frame(fx.cast.sprite("lucy_happy.png"), "lucy", false);
        fx.frame(fx.cast.concert("concert1.png"), "concert", true);
        fx.ref("Eileen", "eileen_happy.png");

        assertThat(Main.run("classify", "--src", fx.src.toString(), "--refs", fx.refs.toString(), "--offline", "-q")).isEqualTo(0);

        ClassifyInfo e = ClassifyFixture.classify(eileen);
        assertThat(e.embedder()).isEqualTo(CcipModels.DEFAULT_ID);
        assertThat(e.threshold()).isEqualTo(0.05);
        assertThat(FloatVectors.decode(e.faces().get(0).embedding())).hasSize(768);
        // the very picture of the reference: difference 0 through the metric model
        assertThat(e.faces().get(0).distance()).isLessThan(1e-4);
        assertThat(e.characters()).containsExactly("Eileen");
        ClassifyInfo l = ClassifyFixture.classify(lucy);
        assertThat(l.faces().get(0).distance()).isGreaterThan(0.0);
        assertThat(ClassifyFixture.classify(fx.src.resolve("concert.png")).faces()).hasSize(3);

        // --embedder offline still chooses the signature; its cache does not mix with CCIP's
        assertThat(Main.run("classify", "--src", fx.src.toString(), "--refs", fx.refs.toString(), "--offline", "-q",
                "--embedder", "offline")).isEqualTo(0);
        assertThat(ClassifyFixture.classify(eileen).embedder()).isEqualTo(OfflineSignature.ID);
        assertThat(FloatVectors.decode(ClassifyFixture.classify(eileen).faces().get(0).embedding())).hasSize(OfflineSignature.DIMS);
    }

    @Test
    void explicitCcipThatIsMissingIsAUsageError() throws Exception {
        fx.frame(fx.cast.sprite("eileen_happy.png"), "eileen", false);
        assertThat(Main.run("classify", "--src", fx.src.toString(), "--offline", "-q", "--embedder", "ccip-caformer-5_fp32")).isEqualTo(1);
        assertThat(Main.run("classify", "--src", fx.src.toString(), "--offline", "-q", "--embedder", "nonsense")).isEqualTo(1);
    }
}
