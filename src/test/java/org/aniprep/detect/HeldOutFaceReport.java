package org.aniprep.detect;

import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offline default face detector on {@link HeldOutFaceScenes}: face count right per scene, by
 * kind and by tint; faces found by size band (face height: under 100 px, 100–160, over 160); false
 * boxes; for the offline default before issue 19 part 4's changes and as it is now. Figures in
 * docs/detect.md. Arguments: [scenes per kind (10)] [seed (202: held out; 101, 303, 404 tune)] [-v: every scene].
 */
public final class HeldOutFaceReport {
    static final int[] BANDS = {100, 160};

    public static void main(String[] args) {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 202;
        boolean verbose = args.length > 2 && args[2].equals("-v");
        Path models = Path.of(System.getProperty("aniprep.shared", "../shared"), "models");
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(
                Map.of(ModelSettings.MODEL_PATH_ENV, models.toString()), Path.of("/nonexistent-home"), true, Device.CPU));
        List<HeldOutFaceScenes.Scene> scenes = new HeldOutFaceScenes(AnimeScenes.animeDir()).generate(perKind, seed);
        report("before", CombinedFaceDetector.Settings.BEFORE, seed, scenes, resolver, verbose);
        report("default", CombinedFaceDetector.Settings.DEFAULT, seed, scenes, resolver, verbose);
    }

    private static void report(String label, CombinedFaceDetector.Settings settings, long seed, List<HeldOutFaceScenes.Scene> scenes,
                               ModelResolver resolver, boolean verbose) {
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, int[]> byTint = new TreeMap<>();
        Map<String, int[]> foundByTint = new TreeMap<>();
        int[][] bands = new int[BANDS.length + 1][2];
        int right = 0;
        int falseBoxes = 0;
        long nanos = 0;
        List<String> wrong = new ArrayList<>();
        try (Detector detector = new DetectorFactory(resolver).combined(settings)) {
            for (HeldOutFaceScenes.Scene s : scenes) {
                long t0 = System.nanoTime();
                List<Detection> found = detector.detect(s.scene().image());
                nanos += System.nanoTime() - t0;
                List<Detection> rest = new ArrayList<>(found);
                for (Detection face : s.scene().faces()) {
                    Detection best = null;
                    double bestIou = 0;
                    for (Detection d : rest) {
                        if (d.iou(face) > bestIou) {
                            bestIou = d.iou(face);
                            best = d;
                        }
                    }
                    int band = band(face.height());
                    bands[band][1]++;
                    boolean hit = best != null && bestIou >= FaceEval.MATCH_IOU;
                    if (hit) {
                        bands[band][0]++;
                        rest.remove(best);
                    }
                    tally(foundByTint, s.tint().name().toLowerCase(), hit);
                }
                falseBoxes += rest.size();
                boolean ok = found.size() == s.scene().count();
                right += ok ? 1 : 0;
                tally(byKind, s.kind().name().toLowerCase(), ok);
                tally(byTint, s.tint().name().toLowerCase(), ok);
                if (!ok) {
                    wrong.add(s.scene().name() + " " + s.scene().count() + "→" + found.size());
                }
                if (verbose) {
                    System.out.printf("%-22s faces %s found %s%n", s.scene().name(), heights(s.scene().faces()), boxes(found));
                }
            }
        }
        System.out.printf("%s, seed %d: %d scenes; count right %d/%d; false boxes %d; %.0f ms/frame (1 thread)%n", label, seed, scenes.size(),
                right, scenes.size(), falseBoxes, nanos / 1e6 / scenes.size());
        System.out.println("by kind: " + format(byKind));
        System.out.println("by tint: " + format(byTint));
        System.out.println("faces found by tint: " + format(foundByTint));
        System.out.printf("faces found by height: < %d px %d/%d, %d-%d px %d/%d, > %d px %d/%d%n", BANDS[0], bands[0][0], bands[0][1],
                BANDS[0], BANDS[1], bands[1][0], bands[1][1], BANDS[1], bands[2][0], bands[2][1]);
        System.out.println("count wrong: " + wrong);
    }

    private static int band(int height) {
        int b = 0;
        while (b < BANDS.length && height >= BANDS[b]) {
            b++;
        }
        return b;
    }

    private static void tally(Map<String, int[]> m, String key, boolean ok) {
        int[] c = m.computeIfAbsent(key, x -> new int[2]);
        c[0] += ok ? 1 : 0;
        c[1]++;
    }

    private static String format(Map<String, int[]> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(c[0]).append('/').append(c[1]));
        return sb.toString();
    }

    private static String heights(List<Detection> faces) {
        return faces.stream().map(f -> f.height() + "px@" + f.x0() + "," + f.y0()).toList().toString();
    }

    private static String boxes(List<Detection> found) {
        return found.stream().map(d -> String.format("%dpx@%d,%d %.2f %s", d.height(), d.x0(), d.y0(), d.score(), d.foundBy().keySet()))
                .toList().toString();
    }
}
