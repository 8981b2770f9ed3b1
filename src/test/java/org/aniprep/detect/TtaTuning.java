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

/**
 * Measures FaceBoxes' test-time scales on {@link HeldOutFaceScenes} tuning seeds (never the held-out
 * 202): one pass per long side, then every set of up to three passes (NMS'd together) merged with the
 * cascade (its default 960 px and {@value #SMALL_CASCADE} px) and without it, with its cost per frame. Arguments: [per kind (20)] [seeds (101,303,404)]
 * [sides (960,1280,1600,1920,2240,2560)] [-v]. {@link #flip} measured a mirrored pass: +2 of 240, as much
 * time again.
 */
public final class TtaTuning {
    static final int SMALL_CASCADE = 640;

    record Run(HeldOutFaceScenes.Scene scene, List<List<FaceBoxesTranslator.Face>> passes, List<Detection> cascade, List<Detection> small) {
    }

    public static void main(String[] args) {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long[] seeds = Arrays.stream((args.length > 1 ? args[1] : "101,303,404").split(",")).mapToLong(Long::parseLong).toArray();
        int[] sides = Arrays.stream((args.length > 2 ? args[2] : "960,1280,1600,1920,2240,2560").split(",")).mapToInt(Integer::parseInt).toArray();
        boolean verbose = args.length > 3 && args[3].equals("-v");
        boolean heldOut = Arrays.stream(seeds).anyMatch(s -> s == 202);
        if (heldOut && !Boolean.getBoolean("aniprep.report.heldout")) {
            throw new IllegalArgumentException("seed 202 is the held-out set: never tune on it (-Daniprep.report.heldout=true reports a chosen setting)");
        }
        Path models = Path.of(System.getProperty("aniprep.shared", "../shared"), "models");
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(
                Map.of(ModelSettings.MODEL_PATH_ENV, models.toString()), Path.of("/nonexistent-home"), true, Device.CPU));
        List<Run> runs = new ArrayList<>();
        long[] nanos = new long[sides.length + 2];
        try (CombinedFaceDetector c = new DetectorFactory(resolver).combined();
             FaceCascade small = FaceCascade.load(BundledCascade.file().orElseThrow(), FaceCascade.Settings.DEFAULT.withMaxSide(SMALL_CASCADE))) {
            FaceBoxesDetector fb = c.faceBoxes();
            for (long seed : seeds) {
                for (HeldOutFaceScenes.Scene s : new HeldOutFaceScenes(AnimeScenes.animeDir()).generate(perKind, seed)) {
                    RgbImage img = ContrastStretch.apply(s.scene().image(), c.settings().stretchBelow());
                    List<List<FaceBoxesTranslator.Face>> passes = new ArrayList<>();
                    for (int i = 0; i < sides.length; i++) {
                        long t0 = System.nanoTime();
                        int[] size = fb.translator().inputSize(img.width(), img.height(), sides[i]);
                        passes.add(fb.faces(img, size[0], size[1]));
                        nanos[i] += System.nanoTime() - t0;
                    }
                    long t1 = System.nanoTime();
                    List<Detection> cascade = c.cascade().detect(s.scene().image(), c.settings().edgePad());
                    nanos[sides.length] += System.nanoTime() - t1;
                    long t2 = System.nanoTime();
                    List<Detection> smallCascade = small.detect(s.scene().image(), c.settings().edgePad());
                    nanos[sides.length + 1] += System.nanoTime() - t2;
                    runs.add(new Run(s, passes, cascade, smallCascade));
                }
            }
            double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6 / runs.size()).toArray();
            for (int i = 0; i < sides.length; i++) {
                System.out.printf("ms/frame: one FaceBoxes pass at %d: %.0f%n", sides[i], ms[i]);
            }
            System.out.printf("ms/frame: cascade %.0f, at %d px %.0f%n", ms[sides.length], SMALL_CASCADE, ms[sides.length + 1]);
            System.out.println("passes cascade ms | right false | wrong");
            for (int mask = 1; mask < 1 << sides.length; mask++) {
                if (Integer.bitCount(mask) <= 3) {
                    for (int cascade = 0; cascade < 3; cascade++) {
                        report(c, runs, mask, sides, ms, cascade, verbose);
                    }
                }
            }
        }
    }

    private static void report(CombinedFaceDetector c, List<Run> runs, int mask, int[] sides, double[] ms, int cascade, boolean verbose) {
        List<Integer> chosen = new ArrayList<>();
        double cost = cascade == 0 ? 0 : ms[sides.length + cascade - 1];
        for (int i = 0; i < sides.length; i++) {
            if ((mask & (1 << i)) != 0) {
                chosen.add(sides[i]);
                cost += ms[i];
            }
        }
        int right = 0;
        int falseBoxes = 0;
        List<String> wrong = new ArrayList<>();
        for (Run r : runs) {
            List<FaceBoxesTranslator.Face> all = new ArrayList<>();
            for (int i = 0; i < sides.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    all.addAll(r.passes().get(i));
                }
            }
            RgbImage img = r.scene().scene().image();
            FaceBoxesTranslator t = c.faceBoxes().translator();
            List<FaceBoxesTranslator.Face> kept = Integer.bitCount(mask) == 1 ? all : t.nms(all, img.width(), img.height());
            List<Detection> fb = t.toDetections(kept, img.width(), img.height());
            List<Detection> found = CombinedFaceDetector.merge(c.settings(), "fb", fb, "c",
                    cascade == 0 ? List.of() : cascade == 1 ? r.cascade() : r.small());
            falseBoxes += HeldOutFaceTuning.falseBoxes(r.scene().scene().faces(), found);
            if (found.size() == r.scene().scene().count()) {
                right++;
            } else {
                wrong.add(r.scene().scene().name() + " " + r.scene().scene().count() + "→" + found.size());
            }
        }
        System.out.printf("%-18s %-5s %4.0f | %d/%d %d | %s%n", chosen, new String[]{"none", "960", String.valueOf(SMALL_CASCADE)}[cascade], cost, right, runs.size(), falseBoxes,
                verbose || wrong.size() <= 6 ? wrong : wrong.size() + " scenes");
    }

    static RgbImage flip(RgbImage image) {
        int w = image.width();
        byte[] src = image.rgb();
        byte[] out = new byte[src.length];
        for (int y = 0; y < image.height(); y++) {
            int row = y * w * 3;
            for (int x = 0; x < w; x++) {
                System.arraycopy(src, row + x * 3, out, row + (w - 1 - x) * 3, 3);
            }
        }
        return new RgbImage(w, image.height(), out);
    }

    static List<FaceBoxesTranslator.Face> unflip(List<FaceBoxesTranslator.Face> faces) {
        return faces.stream().map(f -> new FaceBoxesTranslator.Face(f.prior(), f.score(), 1 - f.x1(), f.y0(), 1 - f.x0(), f.y1())).toList();
    }
}
