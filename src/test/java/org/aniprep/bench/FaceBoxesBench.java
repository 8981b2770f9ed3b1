package org.aniprep.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.aniprep.cli.Main;
import org.aniprep.detect.CombinedFaceDetector;
import org.aniprep.detect.DetectorFactory;
import org.aniprep.detect.FaceBoxesDetector;
import org.aniprep.detect.FaceBoxesModels;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * FaceBoxes (the real model: two passes, the frame's longer side at 1280 and 1920) and the offline
 * default (FaceBoxes + cascade), through the command and in memory, against the cascade measured
 * in the same run; plus bare ONNX Runtime on ready tensors of both pass sizes.
 */
final class FaceBoxesBench {
    private FaceBoxesBench() {
    }

    static void run(Path shared, Path src, List<RgbImage> images, int runs, double cascadeCmd, double cascadeMem) throws Exception {
        int frames = images.size();
        // the shared model folder holds the FaceBoxes model (the bundled copy is the same file)
        String old = System.getProperty("aniprep.env.ANIPREP_MODEL_PATH");
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", old + java.io.File.pathSeparator + shared.resolve("models"));
        double fbCmd = BenchSupport.medianMillis(1, runs, () -> DetectBench.check(Main.run("detect", "--src", src.toString(),
                "--face-model", "faceboxes", "--overwrite", "-q")));
        double combinedCmd = BenchSupport.medianMillis(1, runs, () -> DetectBench.check(Main.run("detect", "--src", src.toString(),
                "--face-model", "combined", "--overwrite", "-q")));
        DetectorFactory factory = new DetectorFactory(new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)));
        double fbMem;
        double combinedMem;
        double[] bare = new double[2];
        int[][] sizes = {{1280, 768}, {1920, 1152}};
        try (FaceBoxesDetector fb = (FaceBoxesDetector) factory.face("faceboxes"); CombinedFaceDetector both = factory.combined()) {
            fbMem = BenchSupport.medianMillis(1, runs, () -> images.forEach(fb::detect));
            combinedMem = BenchSupport.medianMillis(1, runs, () -> images.forEach(both::detect));
            OnnxModel m = OnnxSessions.open(shared.resolve("models/" + FaceBoxesModels.FILE), Device.CPU, 1);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            for (int i = 0; i < 2; i++) {
                int w = sizes[i][0];
                int h = sizes[i][1];
                float[] x = fb.translator().preprocess(images.get(0), w, h);
                bare[i] = BenchSupport.medianMillis(1, runs, () -> {
                    for (int f = 0; f < frames; f++) {
                        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{1, 3, h, w});
                             OrtSession.Result r = m.session().run(Map.of("input", t))) {
                            r.get(0);
                        }
                    }
                });
            }
        }
        System.out.println("FaceBoxes (real model, passes at 1280 and 1920 px) and the offline default, against the cascade above:");
        DetectBench.row("aniprep detect --face-model faceboxes (files, sidecars, all cores)", frames, fbCmd, cascadeCmd);
        DetectBench.row("aniprep detect --face-model combined = offline default (files, all cores)", frames, combinedCmd, cascadeCmd);
        DetectBench.row("FaceBoxesDetector.detect in memory (2 passes, 1 thread)", frames, fbMem, cascadeMem);
        DetectBench.row("CombinedFaceDetector.detect in memory (FaceBoxes + cascade, 1 thread)", frames, combinedMem, cascadeMem);
        DetectBench.row("  bare ONNX Runtime FaceBoxes 1280x768, ready tensor (1 thread)", frames, bare[0], cascadeMem);
        DetectBench.row("  bare ONNX Runtime FaceBoxes 1920x1152, ready tensor (1 thread)", frames, bare[1], cascadeMem);
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", old);
    }
}
