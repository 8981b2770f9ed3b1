package org.aniprep.detect;

import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;
import org.aniprep.model.TensorSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deepghs YOLO detector (model-specs.md §2): the frame is stretched to {@code imgsz} with
 * Pillow's BICUBIC, scaled to 0–1, CHW; the output is decoded by {@link YoloDecoder}.
 */
public final class YoloDetector implements Detector {
    private static final Logger LOG = LoggerFactory.getLogger(YoloDetector.class);
    static final int DEFAULT_SIZE = 640;

    private final ModelSpec spec;
    private final OnnxModel model;
    private final TensorSpec input;
    private final TensorSpec output;
    private final int width;
    private final int height;
    private final List<String> labels;
    private final String kind;
    private final float conf;
    private final float iou;

    YoloDetector(ModelSpec spec, OnnxModel model, String kind) {
        this.spec = spec;
        this.model = model;
        this.kind = kind;
        this.input = model.input(model.inputs().stream().anyMatch(t -> t.name().equals(spec.inputName())) ? spec.inputName() : null);
        this.output = model.output(model.outputs().stream().anyMatch(t -> t.name().equals(spec.outputName())) ? spec.outputName() : null);
        long[] s = input.shape();
        if (s.length != 4 || s[1] != 3) {
            throw new ModelException(model.file() + ": input " + input + " is not a YOLO detector's [1, 3, H, W]");
        }
        Optional<int[]> size = YoloMetadata.size(model.metadata());
        List<String> names = YoloMetadata.names(model.metadata());
        if (size.isEmpty() || names.isEmpty()) {
            LOG.warn("{}: ONNX metadata lacks {}; using {} as imgutils does", model.file(),
                    size.isEmpty() && names.isEmpty() ? "imgsz and names" : size.isEmpty() ? "imgsz" : "names",
                    size.isEmpty() && names.isEmpty() ? "640 and class indices" : size.isEmpty() ? "640" : "class indices");
        }
        int[] wh = size.orElse(new int[]{DEFAULT_SIZE, DEFAULT_SIZE});
        this.width = wh[0];
        this.height = wh[1];
        if (s[2] > 0 && s[3] > 0 && (s[2] != height || s[3] != width)) {
            throw new ModelException(model.file() + ": metadata imgsz " + width + "x" + height + " does not match input " + input);
        }
        this.labels = names;
        this.conf = (float) spec.param(YoloModels.CONF, 0.25);
        this.iou = (float) spec.param(YoloModels.IOU, 0.7);
    }

    /** Resolves and opens a detector: a built-in id or repo id, or a path to a YOLO model.onnx. */
    public static YoloDetector open(String arg, String kind, ModelResolver resolver) {
        ResolvedModel resolved = resolve(arg, kind, resolver);
        return new YoloDetector(resolved.spec(), OnnxSessions.open(resolved.modelPath(), resolver.settings().device()), kind);
    }

    /**
     * Finds the files of a detector (downloading when allowed) without opening it; a {@link ModelException}
     * says what is missing and how to get it.
     */
    public static ResolvedModel resolve(String arg, String kind, ModelResolver resolver) {
        ResolvedModel resolved;
        Optional<ModelSpec> builtIn = ModelRegistry.find(arg);
        if (builtIn.isPresent()) {
            String k = builtIn.get().param(YoloModels.KIND, "");
            if (!k.equals(kind)) {
                throw new ModelException(arg + " is not a " + kind + " detector" + (k.isEmpty() ? "" : " (it finds " + k + "s)"));
            }
            resolved = resolver.resolve(builtIn.get());
        } else if (Files.exists(Path.of(arg))) {
            Path p = Path.of(arg);
            Path onnx = Files.isDirectory(p) ? p.resolve("model.onnx") : p;
            resolved = resolver.resolve(YoloModels.forPath(onnx, kind), onnx);
        } else {
            throw new ModelException(arg + ": neither a built-in detector ('aniprep models list') nor an existing file");
        }
        Optional<Path> type = resolved.path("model_type");
        if (type.isPresent()) {
            try {
                if (Files.readString(type.get()).contains("rtdetr")) {
                    throw new ModelException(arg + ": an RT-DETR detector (model_type.json); only YOLO-type outputs are supported");
                }
            } catch (java.io.IOException e) {
                throw new ModelException(type.get() + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return resolved;
    }

    public ModelSpec spec() {
        return spec;
    }

    public OnnxModel model() {
        return model;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String name() {
        return spec.id();
    }

    public int inputWidth() {
        return width;
    }

    public int inputHeight() {
        return height;
    }

    /** The model's fixed batch, or -1 when dynamic. */
    public int fixedBatch() {
        return (int) input.fixedBatch();
    }

    /** Stretch to the input size with Pillow BICUBIC, then RGB/255 in CHW. */
    public float[] preprocess(RgbImage image) {
        RgbImage resized = image.width() == width && image.height() == height
                ? image : PillowResize.resize(image, width, height, ResampleFilter.BICUBIC);
        return toChw(resized);
    }

    static float[] toChw(RgbImage img) {
        int plane = img.width() * img.height();
        float[] out = new float[3 * plane];
        byte[] px = img.rgb();
        for (int i = 0; i < plane; i++) {
            out[i] = (px[3 * i] & 0xff) / 255.0f;
            out[plane + i] = (px[3 * i + 1] & 0xff) / 255.0f;
            out[2 * plane + i] = (px[3 * i + 2] & 0xff) / 255.0f;
        }
        return out;
    }

    /** Runs a batch of preprocessed inputs; returns each one's raw output. */
    public List<float[]> infer(List<float[]> inputs) {
        return model.runBatch(input.name(), inputs, new long[]{3, height, width}, output.name());
    }

    /** Decodes one raw output for a frame of the given size. */
    public List<Detection> decode(float[] raw, int frameWidth, int frameHeight) {
        return YoloDecoder.decode(raw, outputShape(raw.length), conf, iou, width, height, frameWidth, frameHeight, labels);
    }

    /** The per-sample output shape [1, rows, n], with dynamic dims worked out from the length. */
    long[] outputShape(int length) {
        long[] s = output.shape();
        if (s.length != 3) {
            throw new ModelException(model.file() + ": output " + output + " is not a YOLO output [1, 4+nc, N] or [1, N, 6]");
        }
        long rows = s[1];
        long cols = s[2];
        if (rows <= 0 && cols > 0) {
            rows = length / cols;
        } else if (cols <= 0 && rows > 0) {
            cols = length / rows;
        } else if (rows <= 0) {
            throw new ModelException(model.file() + ": output " + output + " has two dynamic dims");
        }
        return new long[]{1, rows, cols};
    }

    @Override
    public List<Detection> detect(RgbImage image) {
        float[] raw = infer(List.of(preprocess(image))).get(0);
        return new ArrayList<>(decode(raw, image.width(), image.height()));
    }
}
