package org.aniprep.detect;

import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares the offline face detectors on composited anime scenes: the cascade, FaceBoxes at several
 * input scales, and the two combined; face-count accuracy, recall per character (Lucy wears
 * glasses), false boxes and mean IoU, on the side-by-side scenes, the harder kinds
 * ({@link AnimeScenes.Kind}) and the concert CGs. The figures in docs/detect.md. Each detector runs
 * once per scene; variants are derived from those runs. Run by bench/detect.sh.
 * Arguments: [scenes per count (12)] [seed (7)] [hard scenes per kind (8)] [-v]
 */
public final class FaceDetectorReport {
    /** Input long sides tried; the scenes are 1280 px wide, so these are scales 1, 1.5 and 2. */
    static final int[] SIDES = {1280, 1920, 2560};

    /** What each detector found on one scene. */
    record Runs(AnimeScenes.Scene scene, List<Detection> cascade, List<Detection> cascade640, Map<Integer, List<FaceBoxesTranslator.Face>> faceBoxes) {
    }

    public static void main(String[] args) {
        int perCount = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        int perKind = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        boolean verbose = args.length > 3 && args[3].equals("-v");
        Path models = Path.of(System.getProperty("aniprep.shared", "../shared"), "models");
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(
                Map.of(ModelSettings.MODEL_PATH_ENV, models.toString()), Path.of("/nonexistent-home"), true, Device.CPU));
        AnimeScenes gen = new AnimeScenes(AnimeScenes.animeDir());
        List<AnimeScenes.Scene> scenes = new ArrayList<>(gen.all(perCount, seed));
        scenes.addAll(gen.hard(perKind, seed + 1000));
        System.out.printf("seed %d: %d side-by-side scenes (0-3 characters), %d of each harder kind %s, 2 concert CGs%n",
                seed, 4 * perCount, perKind, java.util.Arrays.toString(AnimeScenes.Kind.values()));

        long[] nanos = new long[2 + SIDES.length];
        List<Runs> runs = new ArrayList<>();
        Path cascadeFile = FaceCascade.locate(List.of(models)).orElseThrow();
        try (FaceCascade cascade = FaceCascade.load(cascadeFile, FaceCascade.Settings.DEFAULT);
             FaceCascade cascade640 = FaceCascade.load(cascadeFile, FaceCascade.Settings.DEFAULT.withMaxSide(640));
             FaceBoxesDetector fb = FaceBoxesDetector.open(null, resolver)) {
            for (AnimeScenes.Scene s : scenes) {
                long t0 = System.nanoTime();
                List<Detection> c = cascade.detect(s.image());
                nanos[0] += System.nanoTime() - t0;
                t0 = System.nanoTime();
                List<Detection> c640 = cascade640.detect(s.image());
                nanos[nanos.length - 1] += System.nanoTime() - t0;
                Map<Integer, List<FaceBoxesTranslator.Face>> byScale = new LinkedHashMap<>();
                for (int i = 0; i < SIDES.length; i++) {
                    int[] size = fb.translator().inputSize(s.image().width(), s.image().height(), SIDES[i]);
                    t0 = System.nanoTime();
                    byScale.put(SIDES[i], fb.faces(s.image(), size[0], size[1]));
                    nanos[1 + i] += System.nanoTime() - t0;
                }
                runs.add(new Runs(s, c, c640, byScale));
            }
            System.out.printf("ms/frame in memory, 1 thread: cascade %.0f", nanos[0] / 1e6 / scenes.size());
            for (int i = 0; i < SIDES.length; i++) {
                System.out.printf(", FaceBoxes %d %.0f", SIDES[i], nanos[1 + i] / 1e6 / scenes.size());
            }
            System.out.printf(", cascade at 640 px %.0f%n", nanos[nanos.length - 1] / 1e6 / scenes.size());

            FaceBoxesTranslator t = fb.translator();
            Map<String, Function<Runs, List<Detection>>> configs = new LinkedHashMap<>();
            configs.put("cascade", Runs::cascade);
            for (int side : SIDES) {
                configs.put("faceboxes " + side, r -> boxes(t, r, side));
            }
            configs.put("faceboxes 1280 no top shift", r -> new FaceBoxesTranslator(t.params().withTopShift(0))
                    .toDetections(r.faceBoxes().get(1280), r.scene().image().width(), r.scene().image().height()));
            configs.put("faceboxes 1280+2560", r -> boxes(t, r, 1280, 2560));
            configs.put("faceboxes 1280+1920", r -> boxes(t, r, 1280, 1920));
            for (int side : SIDES) {
                for (int votes : new int[]{0, 30}) {
                    CombinedFaceDetector.Settings cs = CombinedFaceDetector.Settings.DEFAULT.withCascadeOnlyVotes(votes);
                    configs.put(String.format("combined %d, cascade-only >= %d votes", side, votes),
                            r -> merge(cs, boxes(t, r, side), r.cascade()));
                }
            }
            CombinedFaceDetector.Settings cs0 = CombinedFaceDetector.Settings.DEFAULT;
            configs.put("combined 1280+2560", r -> merge(cs0, boxes(t, r, 1280, 2560), r.cascade()));
            configs.put("combined 1280+1920", r -> merge(cs0, boxes(t, r, 1280, 1920), r.cascade()));
            configs.put("combined 1280+1920, FaceBoxes' box", r -> merge(cs0.withAverageBoxes(false), boxes(t, r, 1280, 1920), r.cascade()));
            configs.put("combined 1280+1920, cascade at 640", r -> merge(cs0, boxes(t, r, 1280, 1920), r.cascade640()));
            configs.put("combined 1280+2560, cascade at 640", r -> merge(cs0, boxes(t, r, 1280, 2560), r.cascade640()));
            configs.put("combined 1920, cascade at 640", r -> merge(cs0, boxes(t, r, 1920), r.cascade640()));

            for (Map.Entry<String, Function<Runs, List<Detection>>> c : configs.entrySet()) {
                Map<String, FaceEval> evals = new LinkedHashMap<>();
                for (Runs r : runs) {
                    String group = group(r.scene().name());
                    List<Detection> found = c.getValue().apply(r);
                    evals.computeIfAbsent(group, g -> new FaceEval()).add(r.scene(), found);
                    evals.computeIfAbsent("all scenes", g -> new FaceEval()).add(r.scene(), found);
                }
                System.out.println(c.getKey());
                evals.forEach((group, e) -> System.out.printf("   %-14s %s%n   %14s by character: %s%s%n", group, e, "", e.byWho(),
                        verbose ? "; box fit " + e.boxFit() + "; count errors " + e.countErrors() : ""));
            }
        }
    }

    private static String group(String scene) {
        if (scene.startsWith("concert")) {
            return "concert";
        }
        return scene.startsWith("gen") ? "side-by-side" : scene.substring(0, scene.lastIndexOf('_'));
    }

    static List<Detection> boxes(FaceBoxesTranslator t, Runs r, int... sides) {
        List<FaceBoxesTranslator.Face> all = new ArrayList<>();
        for (int s : sides) {
            all.addAll(r.faceBoxes().get(s));
        }
        int w = r.scene().image().width();
        int h = r.scene().image().height();
        return t.toDetections(sides.length == 1 ? all : t.nms(all, w, h), w, h);
    }

    static List<Detection> merge(CombinedFaceDetector.Settings s, List<Detection> fb, List<Detection> cascade) {
        return CombinedFaceDetector.merge(s, FaceBoxesModels.ID, fb, FaceCascade.NAME, cascade);
    }
}
