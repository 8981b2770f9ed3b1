package org.aniprep.detect;

import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tunes the offline default's edge padding, weak-FaceBoxes agreement and cascade-only votes on a
 * {@link HeldOutFaceScenes} tuning seed (never the held-out 202): each detector runs once per pad,
 * then every combination of the merge settings is counted. Arguments: [per kind (20)] [seed (101)]
 * [cascade pads (0,0.04,0.08)] [FaceBoxes pads (0)] [OpenCV border types (1 = replicate; 4 = reflect 101)].
 */
public final class HeldOutFaceTuning {
    static final float LOW = 0.05f;

    record Run(HeldOutFaceScenes.Scene scene, List<List<Detection>> faceBoxes, List<List<Detection>> cascade) {
    }

    public static void main(String[] args) {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 101;
        if (seed == 202) {
            throw new IllegalArgumentException("seed 202 is the held-out set: never tune on it");
        }
        double[] pads = Arrays.stream((args.length > 2 ? args[2] : "0,0.04,0.08").split(",")).mapToDouble(Double::parseDouble).toArray();
        double[] fbPads = Arrays.stream((args.length > 3 ? args[3] : "0").split(",")).mapToDouble(Double::parseDouble).toArray();
        int[] borders = Arrays.stream((args.length > 4 ? args[4] : "1").split(",")).mapToInt(Integer::parseInt).toArray();
        int cv = pads.length * borders.length;
        Path models = Path.of(System.getProperty("aniprep.shared", "../shared"), "models");
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(
                Map.of(ModelSettings.MODEL_PATH_ENV, models.toString()), Path.of("/nonexistent-home"), true, Device.CPU));
        List<HeldOutFaceScenes.Scene> scenes = new HeldOutFaceScenes(AnimeScenes.animeDir()).generate(perKind, seed);
        List<Run> runs = new ArrayList<>();
        long[] fbNanos = new long[fbPads.length];
        long[] casNanos = new long[cv];
        try (CombinedFaceDetector c = new DetectorFactory(resolver).combined()) {
            for (HeldOutFaceScenes.Scene s : scenes) {
                List<List<Detection>> fb = new ArrayList<>();
                List<List<Detection>> cas = new ArrayList<>();
                var img = s.scene().image();
                for (int i = 0; i < fbPads.length; i++) {
                    long t0 = System.nanoTime();
                    fb.add(c.faceBoxes().translator().toDetections(c.faceBoxes().faces(img, fbPads[i], LOW), img.width(), img.height(), 0.5));
                    fbNanos[i] += System.nanoTime() - t0;
                }
                for (int i = 0; i < cv; i++) {
                    long t1 = System.nanoTime();
                    cas.add(c.cascade().detect(img, pads[i / borders.length], borders[i % borders.length]));
                    casNanos[i] += System.nanoTime() - t1;
                }
                runs.add(new Run(s, fb, cas));
            }
        }
        for (int i = 0; i < fbPads.length; i++) {
            System.out.printf("FaceBoxes pad %.2f: %.0f ms/frame%n", fbPads[i], fbNanos[i] / 1e6 / scenes.size());
        }
        for (int i = 0; i < cv; i++) {
            System.out.printf("cascade pad %.2f border %d: %.0f ms/frame%n", pads[i / borders.length], borders[i % borders.length],
                    casNanos[i] / 1e6 / scenes.size());
        }
        System.out.println("fbPad casPad border weak votes | right false | wrong");
        for (int fp = 0; fp < fbPads.length; fp++) {
            for (int cp = 0; cp < cv; cp++) {
                for (float weak : new float[]{1f, 0.3f, 0.2f, 0.1f, 0.05f}) {
                    for (int votes : new int[]{0, 10, 15, 20, 30}) {
                        CombinedFaceDetector.Settings st = CombinedFaceDetector.Settings.DEFAULT.withWeakScore(weak).withCascadeOnlyVotes(votes);
                        int right = 0;
                        int falseBoxes = 0;
                        List<String> wrong = new ArrayList<>();
                        for (Run r : runs) {
                            List<Detection> found = CombinedFaceDetector.merge(st, 0.5f, "fb", r.faceBoxes().get(fp), "c", r.cascade().get(cp));
                            falseBoxes += falseBoxes(r.scene().scene().faces(), found);
                            if (found.size() == r.scene().scene().count()) {
                                right++;
                            } else {
                                wrong.add(r.scene().scene().name() + " " + r.scene().scene().count() + "→" + found.size());
                            }
                        }
                        System.out.printf("%.2f %.2f %d %.2f %2d | %d/%d %d | %s%n", fbPads[fp], pads[cp / borders.length],
                                borders[cp % borders.length], weak, votes, right, runs.size(),
                                falseBoxes, wrong.size() <= 8 ? wrong : wrong.size() + " scenes");
                    }
                }
            }
        }
    }

    /** Boxes left over after greedily matching the true faces at IoU ≥ 0.3. */
    static int falseBoxes(List<Detection> faces, List<Detection> found) {
        List<Detection> rest = new ArrayList<>(found);
        for (Detection face : faces) {
            rest.stream().filter(d -> d.iou(face) >= FaceEval.MATCH_IOU).max((a, b) -> Double.compare(a.iou(face), b.iou(face)))
                    .ifPresent(rest::remove);
        }
        return rest.size();
    }
}
