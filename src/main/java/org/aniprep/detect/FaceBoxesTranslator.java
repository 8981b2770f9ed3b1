package org.aniprep.detect;

import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelSpec;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FaceBoxes' pre- and post-processing, apart from the session (shared/models/README.md, the original
 * {@code test.py}): the frame stretched to the input size with Pillow's BILINEAR, BGR, raw 0–255
 * minus the channel means, CHW; outputs decoded against {@link FaceBoxesPriors} with the SSD
 * variances, faces kept when {@code conf[:,1] > 0.5}, the best 5000 NMS'd at IoU 0.3 (the original
 * {@code py_cpu_nms}, in frame pixels with its "+1"), at most 750 kept; finally each box's top moves
 * down by 0.2 of its height, as the original evaluation does (the model's boxes include the hair).
 */
public final class FaceBoxesTranslator {
    static final int PRE_NMS_TOP_K = 5000;
    static final int KEEP_TOP_K = 750;

    /** The processing parameters, read from the model spec. */
    public record Params(float conf, float iou, float[] meanBgr, double[] variances, int[] steps, List<int[]> minSizes,
                         double topShift, BoxFit fit, int[] inputSides, int sizeMultiple) {
        public static Params of(ModelSpec spec) {
            return new Params((float) spec.param(YoloModels.CONF, 0.5), (float) spec.param(YoloModels.IOU, 0.3),
                    floats(spec.param(FaceBoxesModels.MEAN_BGR, "104,117,123")),
                    doubles(spec.param(FaceBoxesModels.VARIANCES, "0.1,0.2")),
                    Arrays.stream(spec.param(FaceBoxesModels.STEPS, "32,64,128").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray(),
                    Arrays.stream(spec.param(FaceBoxesModels.MIN_SIZES, "32 64 128,256,512").split(","))
                            .map(g -> Arrays.stream(g.strip().split("\\s+")).mapToInt(Integer::parseInt).toArray()).toList(),
                    spec.param(FaceBoxesModels.TOP_SHIFT, 0.2), BoxFit.parse(spec.param(FaceBoxesModels.FACE_FIT, "1,1,0")), Arrays.stream(spec.param(FaceBoxesModels.INPUT_SIDES, "1280").split(",")).mapToInt(v -> Integer.parseInt(v.strip())).toArray(),
                    (int) spec.param(FaceBoxesModels.SIZE_MULTIPLE, 128));
        }

        public Params withInputSides(int... sides) {
            return new Params(conf, iou, meanBgr, variances, steps, minSizes, topShift, fit, sides, sizeMultiple);
        }

        public Params withTopShift(double shift) {
            return new Params(conf, iou, meanBgr, variances, steps, minSizes, shift, fit, inputSides, sizeMultiple);
        }

        public Params withFit(BoxFit f) {
            return new Params(conf, iou, meanBgr, variances, steps, minSizes, topShift, f, inputSides, sizeMultiple);
        }

        private static double[] doubles(String csv) {
            return Arrays.stream(csv.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
        }

        private static float[] floats(String csv) {
            double[] d = doubles(csv);
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
    }

    /** A decoded face: its prior, score and corners relative to the frame (0–1), before the top shift. */
    public record Face(int prior, float score, double x0, double y0, double x1, double y1) {
    }

    private final Params params;
    private final Map<Long, double[]> priors = new ConcurrentHashMap<>();

    public FaceBoxesTranslator(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    /**
     * The model input size of one pass: the frame scaled so its longer side is {@code longSide}, each
     * side rounded up to the size multiple (the feature maps then tile the input exactly), e.g.
     * 1280×720 at 1280 → 1280×768, at 1920 → 1920×1152. Faces are then found at the same size
     * relative to the frame whatever its resolution, at the same cost.
     */
    public int[] inputSize(int frameWidth, int frameHeight, int longSide) {
        int m = params.sizeMultiple();
        double scale = longSide / (double) Math.max(frameWidth, frameHeight);
        return new int[]{Math.max(m, (int) Math.ceil(frameWidth * scale / m) * m),
                Math.max(m, (int) Math.ceil(frameHeight * scale / m) * m)};
    }

    /** Stretch to {@code width × height} (Pillow BILINEAR), BGR minus the means, CHW. */
    public float[] preprocess(RgbImage image, int width, int height) {
        float[] out = new float[3 * width * height];
        preprocess(image, width, height, FloatBuffer.wrap(out));
        return out;
    }

    /** {@link #preprocess(RgbImage, int, int)} into {@code out} (from its position; 3 × width × height values). */
    public void preprocess(RgbImage image, int width, int height, FloatBuffer out) {
        RgbImage img = image.width() == width && image.height() == height
                ? image : PillowResize.resize(image, width, height, ResampleFilter.BILINEAR);
        int plane = width * height;
        int base = out.position();
        float[] mean = params.meanBgr();
        if (out.isDirect()) {
            // OpenCV's channel extraction and conversion (v · 1 + (−mean): the same single rounding as v − mean)
            try (Mat rgb = new Mat(height, width, opencv_core.CV_8UC3); Mat channel = new Mat(); Mat values = new Mat()) {
                rgb.data().put(img.rgb());
                for (int c = 0; c < 3; c++) {
                    opencv_core.extractChannel(rgb, channel, 2 - c);
                    channel.convertTo(values, opencv_core.CV_32F, 1, -mean[c]);
                    out.position(base + c * plane);
                    out.put(values.<FloatBuffer>createBuffer());
                }
            }
        } else {
            byte[] px = img.rgb();
            for (int c = 0; c < 3; c++) {
                int src = 2 - c;
                float m = mean[c];
                int at = base + c * plane;
                for (int i = 0; i < plane; i++) {
                    out.put(at + i, (px[3 * i + src] & 0xff) - m);
                }
            }
        }
        out.position(base + 3 * plane);
    }

    public double[] priors(int width, int height) {
        return priors.computeIfAbsent(((long) width << 32) | height,
                k -> FaceBoxesPriors.generate(width, height, params.steps(), params.minSizes()));
    }

    /** The face score of every prior ({@code conf[:,1]}; the model's softmax is in the graph). */
    public static float[] faceScores(float[] conf) {
        float[] s = new float[conf.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = conf[2 * i + 1];
        }
        return s;
    }

    /**
     * Decodes one input's outputs ({@code loc} [P,4], {@code conf} [P,2], flattened) into faces
     * relative to the frame, best first, after the score threshold and NMS.
     */
    public List<Face> decode(float[] loc, float[] conf, int inputWidth, int inputHeight, int frameWidth, int frameHeight) {
        return decode(loc, conf, inputWidth, inputHeight, frameWidth, frameHeight, params.conf());
    }

    /** {@link #decode(float[], float[], int, int, int, int)} keeping faces scored above {@code minScore}. */
    public List<Face> decode(float[] loc, float[] conf, int inputWidth, int inputHeight, int frameWidth, int frameHeight,
                             float minScore) {
        double[] pr = priors(inputWidth, inputHeight);
        int count = pr.length / 4;
        if (loc.length != 4 * count || conf.length != 2 * count) {
            throw new IllegalArgumentException("FaceBoxes output has " + loc.length / 4 + " boxes and " + conf.length / 2
                    + " scores; a " + inputWidth + "x" + inputHeight + " input has " + count + " priors");
        }
        double v0 = params.variances()[0];
        double v1 = params.variances()[1];
        List<Face> faces = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            float score = conf[2 * p + 1];
            if (!(score > minScore)) {
                continue;
            }
            double pw = pr[4 * p + 2];
            double ph = pr[4 * p + 3];
            double cx = pr[4 * p] + loc[4 * p] * v0 * pw;
            double cy = pr[4 * p + 1] + loc[4 * p + 1] * v0 * ph;
            double w = pw * Math.exp(loc[4 * p + 2] * v1);
            double h = ph * Math.exp(loc[4 * p + 3] * v1);
            faces.add(new Face(p, score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2));
        }
        return nms(faces, frameWidth, frameHeight);
    }

    /**
     * Greedy NMS by descending score (stable: equal scores keep prior order) as the original
     * {@code py_cpu_nms}: boxes in frame pixels, areas and overlaps with the "+1" convention.
     */
    public List<Face> nms(List<Face> faces, int frameWidth, int frameHeight) {
        List<Face> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparingDouble(Face::score).reversed());
        if (sorted.size() > PRE_NMS_TOP_K) {
            sorted = new ArrayList<>(sorted.subList(0, PRE_NMS_TOP_K));
        }
        List<Face> kept = new ArrayList<>();
        boolean[] gone = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size() && kept.size() < KEEP_TOP_K; i++) {
            if (gone[i]) {
                continue;
            }
            Face a = sorted.get(i);
            kept.add(a);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (!gone[j] && pixelIou(a, sorted.get(j), frameWidth, frameHeight) > params.iou()) {
                    gone[j] = true;
                }
            }
        }
        return kept;
    }

    private static double pixelIou(Face a, Face b, int w, int h) {
        double ix = Math.max(0, Math.min(a.x1 * w, b.x1 * w) - Math.max(a.x0 * w, b.x0 * w) + 1);
        double iy = Math.max(0, Math.min(a.y1 * h, b.y1 * h) - Math.max(a.y0 * h, b.y0 * h) + 1);
        double inter = ix * iy;
        double areaA = (a.x1 * w - a.x0 * w + 1) * (a.y1 * h - a.y0 * h + 1);
        double areaB = (b.x1 * w - b.x0 * w + 1) * (b.y1 * h - b.y0 * h + 1);
        return inter / (areaA + areaB - inter);
    }

    /**
     * Faces as frame-pixel detections: the top moved down by {@code topShift} × height (the original
     * evaluation), then {@link BoxFit} onto aniprep's fringe-to-chin face box, rounded, clipped.
     */
    public List<Detection> toDetections(List<Face> faces, int frameWidth, int frameHeight) {
        return toDetections(faces, frameWidth, frameHeight, 0);
    }

    /**
     * As {@link #toDetections(List, int, int)}, dropping a face whose fitted box lies less than
     * {@code minInside} inside the frame (faces found on a padded frame).
     */
    public List<Detection> toDetections(List<Face> faces, int frameWidth, int frameHeight, double minInside) {
        List<Detection> out = new ArrayList<>(faces.size());
        for (Face f : faces) {
            double y0 = f.y0() + params.topShift() * (f.y1() - f.y0());
            Detection d = params.fit().apply(f.x0() * frameWidth, y0 * frameHeight, f.x1() * frameWidth, f.y1() * frameHeight,
                    "face", f.score(), frameWidth, frameHeight);
            double area = (f.x1() - f.x0()) * frameWidth * params.fit().width() * (f.y1() - y0) * frameHeight * params.fit().height();
            if (minInside <= 0 || (area > 0 && d.area() >= minInside * area)) {
                out.add(d);
            }
        }
        return out;
    }
}
