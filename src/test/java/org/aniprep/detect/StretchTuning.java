package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tunes the offline default's contrast stretch ({@link ContrastStretch}) on {@link HeldOutFaceScenes}
 * tuning seeds (never the held-out 202): FaceBoxes and the cascade run once on each frame as it is and
 * once stretched; every range threshold is then counted with the stretch before FaceBoxes only, and
 * before both. Arguments: [per kind (20)] [seeds (101,303,404)] [thresholds (0,128,160,192,224,256)] [-v: the wrong scenes].
 * The cascade is also run padded by {@value #PAD} ("fb+pad": the stretch before FaceBoxes, the padded cascade).
 */
public final class StretchTuning {
    static final double PAD = 0.08;

    record Run(HeldOutFaceScenes.Scene scene, int range, List<Detection> fb, List<Detection> fbS, List<Detection> cas,
               List<Detection> casS, List<Detection> casPad, List<Detection> fbLow) {
    }

    public static void main(String[] args) {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long[] seeds = Arrays.stream((args.length > 1 ? args[1] : "101,303,404").split(",")).mapToLong(Long::parseLong).toArray();
        int[] thresholds = Arrays.stream((args.length > 2 ? args[2] : "0,128,160,192,224,256").split(",")).mapToInt(Integer::parseInt).toArray();
        boolean verbose = args.length > 3 && args[3].equals("-v");
        if (Arrays.stream(seeds).anyMatch(s -> s == 202)) {
            throw new IllegalArgumentException("seed 202 is the held-out set: never tune on it");
        }
        Path models = Path.of(System.getProperty("aniprep.shared", "../shared"), "models");
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(
                Map.of(ModelSettings.MODEL_PATH_ENV, models.toString()), Path.of("/nonexistent-home"), true, Device.CPU));
        List<Run> runs = new ArrayList<>();
        Map<String, List<Integer>> ranges = new TreeMap<>();
        try (CombinedFaceDetector c = new DetectorFactory(resolver).combined()) {
            for (long seed : seeds) {
                for (HeldOutFaceScenes.Scene s : new HeldOutFaceScenes(AnimeScenes.animeDir()).generate(perKind, seed)) {
                    RgbImage img = s.scene().image();
                    RgbImage st = ContrastStretch.apply(img, 256);
                    int range = ContrastStretch.range(img);
                    ranges.computeIfAbsent(s.tint().name().toLowerCase(), k -> new ArrayList<>()).add(range);
                    runs.add(new Run(s, range, c.faceBoxes().detect(img), c.faceBoxes().detect(st),
                            c.cascade().detect(img, 0), c.cascade().detect(st, 0), c.cascade().detect(img, PAD),
                            c.faceBoxes().translator().toDetections(c.faceBoxes().faces(ContrastStretch.apply(img, 160), 0, 0.05f),
                                    img.width(), img.height())));
                }
            }
        }
        ranges.forEach((t, r) -> System.out.println("luma range " + t + ": " + r.stream().sorted().toList()));
        edges(runs, verbose);
        System.out.println("threshold where nested pad | right false | wrong");
        for (int t : thresholds) {
            for (int where = 0; where < 3; where++) {
                for (boolean nested : new boolean[]{false, true}) {
                    int right = 0;
                    int falseBoxes = 0;
                    List<String> wrong = new ArrayList<>();
                    for (Run r : runs) {
                        boolean s = r.range() < t;
                        List<Detection> cas = where == 2 ? r.casPad() : s && where == 1 ? r.casS() : r.cas();
                        List<Detection> fb = s ? r.fbS() : r.fb();
                        List<Detection> found = CombinedFaceDetector.merge(CombinedFaceDetector.Settings.DEFAULT.withDropNested(nested),
                                "fb", fb, "c", cas);
                        falseBoxes += HeldOutFaceTuning.falseBoxes(r.scene().scene().faces(), found);
                        if (found.size() == r.scene().scene().count()) {
                            right++;
                        } else {
                            wrong.add(r.scene().scene().name() + " " + r.scene().scene().count() + "→" + found.size() + " r" + r.range()
                                    + " " + boxes(r.scene().scene().faces()) + " fb" + boxes(fb) + " c" + boxes(cas));
                        }
                    }
                    System.out.printf("%3d %-9s %-5s | %d/%d %d%n", t, new String[]{"faceboxes", "both", "fb+pad"}[where], nested, right,
                            runs.size(), falseBoxes);
                    if (verbose) {
                        wrong.forEach(w -> System.out.println("    " + w));
                    }
                }
            }
        }
    }

    /** FaceBoxes' faces under its threshold, down to {@code edgeScore}, kept when they reach within {@code margin} of an edge. */
    static void edges(List<Run> runs, boolean verbose) {
        System.out.println("edge score, margin | right false");
        for (float e : new float[]{0.5f, 0.3f, 0.2f, 0.1f, 0.05f}) {
            for (double margin : new double[]{0.01, 0.02, 0.04}) {
                int right = 0;
                int falseBoxes = 0;
                List<String> wrong = new ArrayList<>();
                for (Run r : runs) {
                    int m = (int) Math.round(margin * 720);
                    List<Detection> fb = r.fbLow().stream().filter(d -> d.score() > 0.5f || d.score() > e
                            && (d.x0() <= m || d.y0() <= m || d.x1() >= 1280 - m || d.y1() >= 720 - m)).toList();
                    List<Detection> found = CombinedFaceDetector.merge(CombinedFaceDetector.Settings.DEFAULT, 0f, "fb", fb, "c", r.cas());
                    falseBoxes += HeldOutFaceTuning.falseBoxes(r.scene().scene().faces(), found);
                    if (found.size() == r.scene().scene().count()) {
                        right++;
                    } else {
                        wrong.add(r.scene().scene().name() + " " + r.scene().scene().count() + "→" + found.size()
                                + " " + boxes(r.scene().scene().faces()) + " fb" + boxes(fb) + " c" + boxes(r.cas()));
                    }
                }
                System.out.printf("%.2f %.2f | %d/%d %d%n", e, margin, right, runs.size(), falseBoxes);
                if (verbose) {
                    wrong.forEach(w -> System.out.println("    " + w));
                }
            }
        }
    }

    private static String boxes(List<Detection> d) {
        return d.stream().map(f -> f.height() + "@" + f.x0() + "," + f.y0()).toList().toString();
    }
}
