package org.aniprep.character;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {
    private static final List<String> OTHER_EXPRESSIONS = List.of("eileen_vhappy.png", "eileen_concerned.png", "lucy_mad.png");

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

    private int classify(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("classify", "--src", fx.src.toString(), "--offline", "-q"));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void namesEileenAndLucyInNewScenesFromOneSpriteEach() throws Exception {
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(16, 21, OTHER_EXPRESSIONS)) {
            fx.frame(s, "ep1/f" + i++, true);
        }
        fx.frame(fx.cast.concert("concert1.png"), "ep1/concert1", true);
        fx.ref("Eileen", "eileen_happy.png");
        fx.ref("Lucy", "lucy_happy.png");

        assertThat(classify("--refs", fx.refs.toString())).isEqualTo(0);

        List<String> outcomes = fx.outcomes();
        long right = outcomes.stream().filter(o -> o.equals("Eileen->Eileen") || o.equals("Lucy->Lucy") || o.equals("drummer->unknown")).count();
        assertThat(right).as(outcomes.toString()).isGreaterThanOrEqualTo(Math.round(outcomes.size() * 0.8));
        assertThat(outcomes).as("never the other one's name").doesNotContain("Eileen->Lucy", "Lucy->Eileen", "drummer->Eileen", "drummer->Lucy");
        ClassifyInfo concert = ClassifyFixture.classify(fx.src.resolve("ep1/concert1.png"));
        assertThat(concert.embedder()).isEqualTo(OfflineSignature.ID);
        assertThat(concert.faces().get(1).character()).as("the drummer has no reference").isEqualTo(ClassifyInfo.UNKNOWN);
        assertThat(concert.characters()).doesNotContain(ClassifyInfo.UNKNOWN);
        assertThat(Files.readString(fx.src.resolve("_report/classify.html"))).contains("Eileen", "Lucy");
    }

    @Test
    void lucyStaysUnnamedWhenOnlyEileenHasReferences() throws Exception {
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(14, 33, List.of("lucy_mad.png", "lucy_happy.png", "eileen_vhappy.png"))) {
            fx.frame(s, "f" + i++, true);
        }
        fx.frame(fx.cast.concert("concert3.png"), "concert3", true);
        fx.ref("Eileen", "eileen_happy.png");
        fx.ref("Eileen", "eileen_concerned.png");

        assertThat(classify("--refs", fx.refs.toString())).isEqualTo(0);

        List<String> outcomes = fx.outcomes();
        assertThat(outcomes).contains("Lucy->unknown").doesNotContain("Lucy->Eileen", "drummer->Eileen");
    }

    @Test
    void framesWithoutDetectionAreDetectedFirstAndEmbeddingsAreCached() throws Exception {
        Path a = fx.frame(fx.cast.sprite("eileen_vhappy.png"), "a", false);
        Path b = fx.frame(fx.cast.sprite("lucy_mad.png"), "b", false);
        fx.ref("Eileen", "eileen_happy.png");
        fx.ref("Lucy", "lucy_happy.png");

        assertThat(classify("--refs", fx.refs.toString())).isEqualTo(0);

        DetectInfo detect = SidecarStore.read(a).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow();
        // the detector 'aniprep detect' uses by default on this machine
        try (org.aniprep.detect.Detector d = new org.aniprep.detect.DetectorFactory(new org.aniprep.model.ModelResolver(
                org.aniprep.model.ModelSettings.fromEnvironment(true, org.aniprep.model.Device.CPU))).face(null)) {
            assertThat(detect.faces().detector()).isEqualTo(d.name());
        }
        assertThat(ClassifyFixture.classify(a).characters()).containsExactly("Eileen");
        assertThat(ClassifyFixture.classify(b).characters()).containsExactly("Lucy");
        String cached = ClassifyFixture.classify(a).faces().get(0).embedding();

        // a corrupt cache is recomputed; an intact one is kept as it is
        SidecarStore.update(b, s -> {
            ClassifyInfo info = s.get(ClassifyInfo.SECTION, ClassifyInfo.class).orElseThrow();
            ClassifyInfo.Face f = info.faces().get(0);
            return s.put(ClassifyInfo.SECTION, new ClassifyInfo(info.embedder(), info.threshold(), info.characters(),
                    List.of(new ClassifyInfo.Face(f.kind(), f.index(), f.box(), f.character(), f.distance(), f.nearest(), f.cluster(),
                            f.hair(), "not*base64"))));
        });
        assertThat(classify("--refs", fx.refs.toString())).isEqualTo(0);
        assertThat(ClassifyFixture.classify(a).faces().get(0).embedding()).isEqualTo(cached);
        assertThat(ClassifyFixture.classify(b).faces().get(0).embedding()).isNotEqualTo("not*base64");
        assertThat(ClassifyFixture.classify(b).characters()).containsExactly("Lucy");
    }
}
