package org.aniprep.review;

import org.aniprep.character.CastScenes;
import org.aniprep.character.FaceBox;
import org.aniprep.cli.Main;
import org.aniprep.detect.CombinedFaceDetector;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run folder made by {@code aniprep run} itself over scenes of the shared anime cast (real sprites on
 * real backgrounds, {@link CastScenes}): one episode whose frames carry their true face boxes in the
 * detect section, recorded as the offline detector's so that Apply's detect keeps them (the test is about the review, not detection) plus one box on the background that is
 * no face; Eileen has a reference, Lucy none (so her faces form an unknown cluster). Then classify,
 * metadata, caption, arrange and balance run as {@code aniprep run --from classify --offline}, which is
 * also how the test reruns the pipeline after the review.
 */
final class BrowserRun {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    static final String BOGUS_FRAME = "EP01/f03.png";
    /** A box on the background of {@link #BOGUS_FRAME}: what a detector's false positive looks like. */
    static final List<Integer> BOGUS = List.of(1150, 20, 1260, 130);
    private static final List<String> SPRITES = List.of("eileen_vhappy.png", "eileen_concerned.png", "lucy_mad.png", "lucy_happy.png");

    final Path dir;
    final Path root;
    final Path videos;
    final Path refs;
    /** Who each face of each frame is, by frame path relative to frames/ (face index order), "-" for the bogus box. */
    final Map<String, List<String>> truth = new TreeMap<>();

    BrowserRun(Path dir) {
        this.dir = dir;
        root = dir.resolve("run");
        videos = dir.resolve("videos");
        refs = dir.resolve("refs");
    }

    /** Makes the run folder and runs the pipeline on it once. */
    static BrowserRun make(Path dir) throws IOException {
        BrowserRun r = new BrowserRun(dir);
        Files.createDirectories(r.videos);
        Path models = Files.createDirectories(dir.resolve("models"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", dir.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", dir.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
        Files.copy(SHARED.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
        Path eileen = Files.createDirectories(r.refs.resolve("Eileen"));
        Files.copy(SHARED.resolve("testdata/anime/eileen_happy.png"), eileen.resolve("eileen_happy.png"));
        if (Main.run("run", "--src", r.videos.toString(), "--dst", r.root.toString(), "--from", "balance", "-q") != 0) {
            throw new IllegalStateException("cannot make the run folder");
        }
        CastScenes cast = new CastScenes();
        int i = 0;
        for (CastScenes.Scene s : cast.scenes(14, 51, SPRITES)) {
            r.frame(s, String.format("EP01/f%02d.png", i++));
        }
        // the concert CGs, drawn in another style, with the drummer nobody named
        r.frame(cast.concert("concert1.png"), String.format("EP01/f%02d.png", i++));
        r.frame(cast.concert("concert3.png"), String.format("EP01/f%02d.png", i++));
        if (r.pipeline() != 0) {
            throw new IllegalStateException("the first run failed");
        }
        return r;
    }

    static void clearEnvironment() {
        for (String e : List.of("ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE")) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    /** {@code aniprep run --from classify} on the folder: what a user reruns after reviewing. */
    int pipeline() {
        return Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--refs", refs.toString(),
                "--from", "classify", "--offline", "--arrange.min-images-per-combination", "1", "-q");
    }

    private void frame(CastScenes.Scene s, String rel) throws IOException {
        Path file = root.resolve("frames").resolve(rel);
        Files.createDirectories(file.getParent());
        ImageIO.write(s.image().toBufferedImage(), "png", file.toFile());
        List<Detection> found = new ArrayList<>();
        List<String> who = new ArrayList<>();
        for (CastScenes.Face f : s.faces()) {
            FaceBox b = f.box();
            found.add(new Detection(b.x0(), b.y0(), b.x1(), b.y1(), "face", 1f));
            who.add(f.who());
        }
        if (rel.equals(BOGUS_FRAME)) {
            found.add(new Detection(BOGUS.get(0), BOGUS.get(1), BOGUS.get(2), BOGUS.get(3), "face", 0.6f));
            who.add("-");
        }
        truth.put(rel, who);
        int w = s.image().width();
        int h = s.image().height();
        SidecarStore.put(file, DetectInfo.SECTION, DetectSections.with(DetectInfo.empty().withSize(w, h), "face", CombinedFaceDetector.NAME, found, w, h));
    }

    Path image(String rel) {
        Path kept = root.resolve("frames").resolve(rel);
        return Files.exists(kept) ? kept : root.resolve("frames/_removed").resolve(rel);
    }

    List<Integer> box(String rel, int index) {
        return SidecarStore.read(image(rel)).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow().faces().boxes().get(index).box();
    }

    /** classify's face on {@code box} of frame {@code rel}, if classify has one there. */
    Optional<ClassifyInfo.Face> classified(String rel, List<Integer> box) {
        return SidecarStore.read(image(rel)).get(ClassifyInfo.SECTION, ClassifyInfo.class).orElseThrow().faces().stream()
                .filter(f -> f.box().equals(box)).findFirst();
    }

    /** The user's decision on {@code box} of frame {@code rel}, if any. */
    Optional<ReviewInfo.Face> decision(String rel, List<Integer> box) {
        return SidecarStore.read(image(rel)).get(ReviewInfo.SECTION, ReviewInfo.class).flatMap(r -> r.face("face", box));
    }

    /** Face ids ({@code frame#face<i>}) whose true name is {@code who}. */
    List<String> facesOf(String who) {
        List<String> out = new ArrayList<>();
        truth.forEach((rel, names) -> {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(who)) {
                    out.add(rel + "#face" + i);
                }
            }
        });
        return out;
    }

    static String frameOf(String faceId) {
        return faceId.substring(0, faceId.indexOf('#'));
    }

    static int indexOf(String faceId) {
        return Integer.parseInt(faceId.substring(faceId.indexOf("#face") + 5));
    }
}
