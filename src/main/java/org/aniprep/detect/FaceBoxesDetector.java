package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FaceBoxes anime face detector: {@link FaceBoxesTranslator} around one ONNX Runtime session.
 * It runs once per input size ({@code input_sides}); the faces of all passes are NMS'd together. Thread-safe; meant to be run
 * from several worker threads at once (one frame each), so its session uses one intra-op thread.
 */
public final class FaceBoxesDetector implements Detector {
    private final ModelSpec spec;
    private final OnnxModel model;
    private final FaceBoxesTranslator translator;
    private final String loc;
    private final String conf;

    FaceBoxesDetector(ModelSpec spec, OnnxModel model, FaceBoxesTranslator.Params params) {
        this.spec = spec;
        this.model = model;
        this.translator = new FaceBoxesTranslator(params);
        this.loc = spec.param(FaceBoxesModels.LOC, "loc");
        this.conf = spec.param(FaceBoxesModels.CONF_OUTPUT, "conf");
        long[] in = model.input(spec.inputName()).shape();
        if (in.length != 4 || in[1] != 3) {
            throw new ModelException(model.file() + ": input " + model.input(spec.inputName()) + " is not FaceBoxes' [N, 3, H, W]");
        }
        model.output(loc);
        model.output(conf);
    }

    /**
     * @param arg null or {@value FaceBoxesModels#ID} for the built-in model (a model folder, the hub
     *            cache, else the copy inside aniprep), or a path to a FaceBoxes .onnx file
     */
    public static FaceBoxesDetector open(String arg, ModelResolver resolver) {
        return open(arg, resolver, null);
    }

    /** @param sides the input's longer side of each pass, or null for the spec's */
    public static FaceBoxesDetector open(String arg, ModelResolver resolver, int[] sides) {
        ResolvedModel resolved;
        if (arg == null || arg.equalsIgnoreCase(FaceBoxesModels.ID) || arg.equalsIgnoreCase(FaceBoxesModels.FAMILY)) {
            resolved = resolver.resolve(FaceBoxesModels.SPEC);
        } else if (Files.isRegularFile(Path.of(arg))) {
            resolved = resolver.resolve(FaceBoxesModels.forPath(Path.of(arg)), Path.of(arg));
        } else {
            throw new ModelException(arg + ": not a FaceBoxes model file");
        }
        FaceBoxesTranslator.Params params = FaceBoxesTranslator.Params.of(resolved.spec());
        if (sides != null) {
            params = params.withInputSides(sides);
        }
        return new FaceBoxesDetector(resolved.spec(), OnnxSessions.open(resolved.modelPath(), resolver.settings().device(), 1), params);
    }

    public ModelSpec spec() {
        return spec;
    }

    public FaceBoxesTranslator translator() {
        return translator;
    }

    @Override
    public String kind() {
        return "face";
    }

    @Override
    public String name() {
        return spec.id();
    }

    @Override
    public List<Detection> detect(RgbImage image) {
        return translator.toDetections(faces(image), image.width(), image.height());
    }

    /** Faces relative to the frame, before the top shift, best first. */
    public List<FaceBoxesTranslator.Face> faces(RgbImage image) {
        int[] sides = translator.params().inputSides();
        List<FaceBoxesTranslator.Face> all = new ArrayList<>();
        for (int side : sides) {
            int[] size = translator.inputSize(image.width(), image.height(), side);
            all.addAll(faces(image, size[0], size[1]));
        }
        return sides.length == 1 ? all : translator.nms(all, image.width(), image.height());
    }

    /**
     * Faces scored above {@code minScore}, the frame padded first by {@code pad} × its shorter side on
     * every side (edge pixels repeated) and each pass's input grown to match, so faces keep the size
     * they have in the unpadded passes. Relative to the unpadded frame (a face at an edge may reach
     * past 0 or 1); all passes NMS'd together.
     */
    public List<FaceBoxesTranslator.Face> faces(RgbImage image, double pad, float minScore) {
        int w = image.width();
        int h = image.height();
        int p = (int) Math.round(Math.max(0, pad) * Math.min(w, h));
        RgbImage padded = p == 0 ? image : FramePad.replicate(image, p);
        int pw = w + 2 * p;
        int ph = h + 2 * p;
        double grow = Math.max(pw, ph) / (double) Math.max(w, h);
        List<FaceBoxesTranslator.Face> all = new ArrayList<>();
        for (int side : translator.params().inputSides()) {
            int[] size = translator.inputSize(pw, ph, (int) Math.round(side * grow));
            Map<String, float[]> out = run(padded, size[0], size[1]);
            for (FaceBoxesTranslator.Face f : translator.decode(out.get(loc), out.get(conf), size[0], size[1], pw, ph, minScore)) {
                all.add(new FaceBoxesTranslator.Face(f.prior(), f.score(), (f.x0() * pw - p) / w, (f.y0() * ph - p) / h,
                        (f.x1() * pw - p) / w, (f.y1() * ph - p) / h));
            }
        }
        return translator.nms(all, w, h);
    }

    /** One run at a given input size. */
    public List<FaceBoxesTranslator.Face> faces(RgbImage image, int inputWidth, int inputHeight) {
        Map<String, float[]> out = run(image, inputWidth, inputHeight);
        return translator.decode(out.get(loc), out.get(conf), inputWidth, inputHeight, image.width(), image.height());
    }

    /** The raw outputs ({@code loc}, {@code conf}) for one input size. */
    public Map<String, float[]> run(RgbImage image, int inputWidth, int inputHeight) {
        FloatBuffer x = input(3 * inputWidth * inputHeight);
        translator.preprocess(image, inputWidth, inputHeight, x);
        x.flip();
        Map<String, List<float[]>> out = model.runBatchOutputs(spec.inputName(), x, 1, new long[]{3, inputHeight, inputWidth}, List.of(loc, conf));
        return Map.of(loc, out.get(loc).get(0), conf, out.get(conf).get(0));
    }

    /**
     * This thread's input buffer, cleared, for {@code count} values: kept from frame to frame (a
     * 1920×1152 input is 27 MB, which a fresh buffer would zero and the collector free each time).
     */
    private static FloatBuffer input(int count) {
        FloatBuffer b = INPUT.get();
        if (b == null || b.capacity() < count) {
            b = OnnxModel.directFloats(count);
            INPUT.set(b);
        }
        b.clear();
        return b;
    }

    private static final ThreadLocal<FloatBuffer> INPUT = new ThreadLocal<>();
}
