package org.aniprep.character;

import org.aniprep.cli.Main;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's decisions in {@code review} (docs/sidecar.md) on real art, end to end through the command:
 * every kind of decision holds on a rerun, also after new episodes are added.
 */
class ClassifyReviewTest {
    private static final List<String> SPRITES = List.of("eileen_vhappy.png", "eileen_concerned.png", "lucy_mad.png", "lucy_happy.png");

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

    private int classify() {
        return Main.run("classify", "--src", fx.src.toString(), "--refs", fx.refs.toString(), "--offline", "-q",
                "--export-clusters", tmp.resolve("clusters").toString());
    }

    private List<Path> episode(String folder, long seed, int scenes) throws Exception {
        List<Path> out = new ArrayList<>();
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(scenes, seed, SPRITES)) {
            out.add(fx.frame(s, folder + "/f" + i++, true));
        }
        return out;
    }

    /** (frame, face index) of every face whose true name is {@code who}. */
    private List<Map.Entry<Path, Integer>> facesOf(String who) {
        List<Map.Entry<Path, Integer>> out = new ArrayList<>();
        fx.truth.forEach((file, names) -> {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(who)) {
                    out.add(Map.entry(fx.src.resolve(file), i));
                }
            }
        });
        return out;
    }

    private static List<Integer> box(Path frame, int index) {
        return SidecarStore.read(frame).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow().faces().boxes().get(index).box();
    }

    private static ClassifyInfo.Face face(Path frame, List<Integer> box) {
        return ClassifyFixture.classify(frame).faces().stream().filter(f -> f.box().equals(box)).findFirst().orElse(null);
    }

    /** What the review server writes: one decision more in the frame's review section. */
    private static void decide(Path frame, ReviewInfo.Face decision) {
        SidecarStore.update(frame, s -> {
            ReviewInfo r = s.get(ReviewInfo.SECTION, ReviewInfo.class).orElse(ReviewInfo.empty());
            List<ReviewInfo.Face> faces = new ArrayList<>(r.faces());
            faces.add(decision);
            return s.put(ReviewInfo.SECTION, new ReviewInfo(faces, r.frame(), r.tags(), r.caption()));
        });
    }

    @Test
    void everyDecisionHoldsOnRerunsAndWhenEpisodesAreAdded() throws Exception {
        episode("ep1", 51, 14);
        fx.ref("Eileen", "eileen_happy.png");
        assertThat(classify()).isEqualTo(0);

        // Lucy has no reference: the user names one of her faces
        Map.Entry<Path, Integer> lucy = facesOf("Lucy").get(0);
        List<Integer> lucyBox = box(lucy.getKey(), lucy.getValue());
        assertThat(face(lucy.getKey(), lucyBox).character()).isEqualTo(ClassifyInfo.UNKNOWN);
        decide(lucy.getKey(), new ReviewInfo.Face("face", lucyBox, "Lucy", null, null, null, null));
        // an Eileen face the user says is not Eileen; another one to be left alone
        List<Map.Entry<Path, Integer>> eileens = facesOf("Eileen").stream()
                .filter(e -> face(e.getKey(), box(e.getKey(), e.getValue())).named()).toList();
        Map.Entry<Path, Integer> notEileen = eileens.get(0);
        Map.Entry<Path, Integer> ignored = eileens.get(1);
        List<Integer> notBox = box(notEileen.getKey(), notEileen.getValue());
        List<Integer> ignoredBox = box(ignored.getKey(), ignored.getValue());
        decide(notEileen.getKey(), new ReviewInfo.Face("face", notBox, null, List.of("Eileen"), null, null, null));
        decide(ignored.getKey(), new ReviewInfo.Face("face", ignoredBox, null, null, null, true, null));
        // a detector false positive still in the detect section (a box on the background)
        Path frame = eileens.get(2).getKey();
        List<Integer> bogus = List.of(4, 4, 60, 60);
        addDetectBox(frame, bogus);
        decide(frame, new ReviewInfo.Face("face", bogus, null, null, true, null, null));

        for (int run = 0; run < 2; run++) {
            if (run == 1) {
                // three more episodes
                for (int ep = 2; ep <= 4; ep++) {
                    episode("ep" + ep, 60 + ep, 6);
                }
            }
            assertThat(classify()).isEqualTo(0);

            ClassifyInfo.Face confirmed = face(lucy.getKey(), lucyBox);
            assertThat(confirmed.character()).isEqualTo("Lucy");
            assertThat(confirmed.status()).isEqualTo(ClassifyInfo.CONFIRMED);
            assertThat(ClassifyFixture.classify(lucy.getKey()).characters()).contains("Lucy");
            ClassifyInfo.Face told = face(notEileen.getKey(), notBox);
            assertThat(told.character()).isNotEqualTo("Eileen");
            assertThat(ClassifyFixture.classify(notEileen.getKey()).characters()).doesNotContain("Eileen");
            ClassifyInfo.Face left = face(ignored.getKey(), ignoredBox);
            assertThat(left.character()).isEqualTo(ClassifyInfo.UNKNOWN);
            assertThat(left.status()).isEqualTo(ClassifyInfo.IGNORED);
            assertThat(left.cluster()).isNull();
            assertThat(face(frame, bogus)).as("not a face: never classified").isNull();

            // Lucy's look-alikes are proposed as Lucy, none of Eileen's faces are
            List<String> lucyStatus = new ArrayList<>();
            for (Map.Entry<Path, Integer> e : facesOf("Lucy")) {
                ClassifyInfo.Face f = face(e.getKey(), box(e.getKey(), e.getValue()));
                lucyStatus.add(f.status() + ":" + f.character());
            }
            assertThat(lucyStatus.stream().filter(s -> s.equals("proposed:Lucy")).count()).as(lucyStatus.toString())
                    .isGreaterThanOrEqualTo(facesOf("Lucy").size() / 2);
            assertThat(fx.outcomes()).doesNotContain("Eileen->Lucy", "Lucy->Eileen");
        }
        assertThat(Files.readString(fx.src.resolve(ClassifyReport.FILE))).contains("confirmed", "proposed", "uncertain");
    }

    @Test
    void linkedFacesShareOneClusterAndDifferentLinksNeverDo() throws Exception {
        episode("ep1", 52, 16);
        fx.ref("Eileen", "eileen_happy.png");
        List<Map.Entry<Path, Integer>> lucy = facesOf("Lucy");
        assertThat(lucy.size()).isGreaterThanOrEqualTo(6);
        // the user split Lucy's faces in two groups (say, two outfits), and linked an Eileen-less face with them
        for (int i = 0; i < 6; i++) {
            Map.Entry<Path, Integer> e = lucy.get(i);
            decide(e.getKey(), new ReviewInfo.Face("face", box(e.getKey(), e.getValue()), null, null, null, null, i < 3 ? "gA" : "gB"));
        }
        Map<String, String> names = new TreeMap<>();
        for (int run = 0; run < 2; run++) {
            if (run == 1) {
                episode("ep2", 53, 8);
            }
            assertThat(classify()).isEqualTo(0);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map.Entry<Path, Integer> e = lucy.get(i);
                (i < 3 ? a : b).add(face(e.getKey(), box(e.getKey(), e.getValue())).cluster());
            }
            assertThat(a).doesNotContainNull().containsOnly(a.get(0));
            assertThat(b).doesNotContainNull().containsOnly(b.get(0));
            assertThat(a.get(0)).isNotEqualTo(b.get(0));
            if (run == 0) {
                names.put("gA", a.get(0));
                names.put("gB", b.get(0));
            } else {
                assertThat(a.get(0)).as("linked groups keep their names").isEqualTo(names.get("gA"));
                assertThat(b.get(0)).isEqualTo(names.get("gB"));
            }
        }
    }

    private static void addDetectBox(Path frame, List<Integer> box) {
        SidecarStore.update(frame, s -> {
            DetectInfo d = s.get(DetectInfo.SECTION, DetectInfo.class).orElseThrow();
            List<Detection> found = new ArrayList<>();
            for (DetectInfo.Box b : d.faces().boxes()) {
                found.add(new Detection(b.box().get(0), b.box().get(1), b.box().get(2), b.box().get(3), "face", 1f));
            }
            found.add(new Detection(box.get(0), box.get(1), box.get(2), box.get(3), "face", 1f));
            return s.put(DetectInfo.SECTION, DetectSections.with(d, "face", "truth", found, d.width(), d.height()));
        });
    }
}
