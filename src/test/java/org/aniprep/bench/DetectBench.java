package org.aniprep.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.aniprep.cli.Main;
import org.aniprep.detect.AnimeScenes;
import org.aniprep.detect.FaceCascade;
import org.aniprep.detect.YoloDetector;
import org.aniprep.detect.YoloModels;
import org.aniprep.detect.YoloStandIn;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import javax.imageio.ImageIO;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * Throughput of {@code aniprep detect} on 1280×720 anime scenes:
 * (1) the cascade through the whole command (decode, detect + filter, sidecar) against the bare
 * reference use of the cascade (imread, grey, equalizeHist, detectMultiScale(1.1, 5, 24) at full
 * size, one thread); (2) the YOLO path on a stand-in face model with the real signature through
 * the whole command and in memory, against bare ONNX Runtime runs of the same session; (3) FaceBoxes
 * and the offline default (FaceBoxes + cascade) against the cascade ({@link FaceBoxesBench}).
 * Usage: DetectBench SHARED_DIR [frames] [runs]
 */
public final class DetectBench {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.setProperty("aniprep.shared", shared.toString());
        Path tmp = Files.createTempDirectory("aniprep-detect-bench");
        Path src = Files.createDirectories(tmp.resolve("frames"));
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.copy(shared.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
        Path standIn = YoloStandIn.ultralytics(models.resolve("deepghs/anime_face_detection/" + YoloModels.FACE + "/model.onnx"),
                1, List.of(new float[]{320, 200, 100, 120, 0.9f}, new float[]{400, 300, 80, 90, 0.7f}), -1,
                YoloStandIn.meta("{0: 'face'}"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());

        AnimeScenes scenes = new AnimeScenes(AnimeScenes.animeDir());
        Random rnd = new Random(3);
        List<RgbImage> images = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            AnimeScenes.Scene s = scenes.generate(i % 4, rnd, "f" + i);
            images.add(s.image());
            ImageIO.write(s.image().toBufferedImage(), "png", src.resolve(String.format("f%03d.png", i)).toFile());
        }
        List<Path> files = Files.list(src).filter(p -> p.toString().endsWith(".png")).sorted(Comparator.naturalOrder()).toList();
        System.out.printf("%d frames 1280x720 (0-3 characters), %d cores, median of %d runs%n", frames,
                Runtime.getRuntime().availableProcessors(), runs);

        // (1) cascade
        double cmd = BenchSupport.medianMillis(1, runs, () -> check(Main.run("detect", "--src", src.toString(),
                "--face-model", "cascade", "--overwrite", "-q")));
        CascadeClassifier bare = new CascadeClassifier(models.resolve("lbpcascade_animeface.xml").toString());
        double bareFiles = BenchSupport.medianMillis(1, runs, () -> {
            for (Path f : files) {
                try (Mat bgr = imread(f.toString()); Mat g = new Mat(); Mat eq = new Mat(); RectVector r = new RectVector()) {
                    cvtColor(bgr, g, COLOR_BGR2GRAY);
                    equalizeHist(g, eq);
                    bare.detectMultiScale(eq, r, 1.1, 5, 0, new Size(24, 24), new Size());
                }
            }
        });
        double bareMem = BenchSupport.medianMillis(1, runs, () -> {
            for (RgbImage img : images) {
                try (Mat rgb = new Mat(img.height(), img.width(), CV_8UC3); Mat g = new Mat(); Mat eq = new Mat();
                     RectVector r = new RectVector()) {
                    rgb.data().put(img.rgb());
                    cvtColor(rgb, g, COLOR_RGB2GRAY);
                    equalizeHist(g, eq);
                    bare.detectMultiScale(eq, r, 1.1, 5, 0, new Size(24, 24), new Size());
                }
            }
        });
        double oursMem;
        try (FaceCascade c = FaceCascade.load(models.resolve("lbpcascade_animeface.xml"), FaceCascade.Settings.DEFAULT)) {
            oursMem = BenchSupport.medianMillis(1, runs, () -> images.forEach(c::detect));
        }
        System.out.println("cascade:");
        row("aniprep detect --face-model cascade (files, sidecars, all cores)", frames, cmd, bareFiles);
        row("bare reference cascade, files (imread, 1 thread, full size)", frames, bareFiles, bareFiles);
        row("FaceCascade.detect in memory (960 px + verification, 1 thread)", frames, oursMem, bareMem);
        row("bare reference cascade in memory (1 thread, full size)", frames, bareMem, bareMem);

        // (2) FaceBoxes (the real bundled model) and the offline default, against the cascade
        FaceBoxesBench.run(shared, src, images, runs, cmd, oursMem);

        // (3) YOLO stand-in
        double yoloCmd = BenchSupport.medianMillis(1, runs, () -> check(Main.run("detect", "--src", src.toString(),
                "--faces", "--overwrite", "-q")));
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU));
        YoloDetector det = YoloDetector.open(standIn.toString(), "face", resolver);
        double yoloMem = BenchSupport.medianMillis(1, runs, () -> images.forEach(det::detect));
        ImageLoader loader = new ImageLoader();
        double decodeOnly = BenchSupport.medianMillis(1, runs, () -> {
            for (Path f : files) {
                loader.load(f);
            }
        });
        double preOnly = BenchSupport.medianMillis(1, runs, () -> images.forEach(det::preprocess));
        OnnxModel m = OnnxSessions.open(standIn, Device.CPU);
        float[] x = det.preprocess(images.get(0));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double ort = BenchSupport.medianMillis(1, runs, () -> {
            for (int i = 0; i < frames; i++) {
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, 3, 640, 640});
                     OrtSession.Result r = m.session().run(Map.of("images", t))) {
                    r.get(0);
                }
            }
        });
        System.out.println("YOLO face detector (stand-in model, real signature; its graph is trivial, so this measures our overhead):");
        row("aniprep detect --faces (files, sidecars, pipelined)", frames, yoloCmd, ort);
        row("YoloDetector.detect in memory (BICUBIC 640 + ORT + decode)", frames, yoloMem, ort);
        row("  of which Pillow BICUBIC stretch + CHW", frames, preOnly, ort);
        row("  PNG decode of the frames (ImageLoader)", frames, decodeOnly, ort);
        row("bare ONNX Runtime session.run on a ready tensor", frames, ort, ort);
    }

    static void check(int rc) {
        if (rc != 0) {
            throw new IllegalStateException("detect exited " + rc);
        }
    }

    static void row(String what, int frames, double ms, double baselineMs) {
        System.out.printf("  %-68s %8.1f frames/s  %7.2f ms/frame  (%.2fx the baseline's time)%n", what,
                frames * 1000.0 / ms, ms / frames, ms / baselineMs);
    }
}
