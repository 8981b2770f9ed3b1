package org.aniprep.filter;

import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Reads detected text boxes with PaddleOCR's PP-OCRv4 recogniser ({@link TextModels#REC_SPEC}), as
 * PaddleOCR's {@code TextRecognizer} does: each box cropped (turned upright when it is at least 1.5
 * times higher than wide), resized to height 48 keeping its aspect (OpenCV bilinear), boxes of a
 * frame sorted by aspect and run in batches of 6, each batch padded right with 0 to its widest line
 * (at least 320 px), BGR {@code (v / 255 − 0.5) / 0.5}; greedy CTC decoding (class 0 blank, class i
 * the i-th line of the key list, the last class a space), confidence the mean of the kept steps'
 * probabilities.
 */
public final class TextRecognizer {
    /** What a box reads as, and the mean probability of its characters (0 when it reads as nothing). */
    public record Reading(String text, double confidence) {
    }

    /** Which resampling makes the line 48 px high: PaddleOCR's (OpenCV) or the reference script's (Pillow). */
    enum Resize { OPENCV, PILLOW }

    private static final int BATCH = 6;

    private final OnnxModel model;
    private final String inputName;
    private final List<String> keys;
    private final int height;
    private final int minWidth;

    TextRecognizer(ModelSpec spec, OnnxModel model, List<String> keys) {
        this.model = model;
        this.inputName = spec.inputName();
        this.keys = keys;
        this.height = (int) spec.param(TextModels.REC_HEIGHT, 48);
        this.minWidth = (int) spec.param(TextModels.REC_MIN_WIDTH, 320);
    }

    /** Opens the recogniser from the usual places; on the CPU a one-thread session (each filter worker reads its own frames). */
    public static TextRecognizer open(ModelResolver resolver) {
        ResolvedModel r = resolver.resolve(TextModels.REC_SPEC);
        Device device = resolver.settings().device();
        OnnxModel model = device == Device.CPU ? OnnxSessions.open(r.modelPath(), device, 1) : OnnxSessions.open(r.modelPath(), device);
        List<String> keys;
        try {
            keys = new ArrayList<>(Files.readAllLines(r.require(TextModels.KEYS), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelException(r.require(TextModels.KEYS) + ": cannot read the recogniser's key list (" + e.getMessage() + ")", e);
        }
        keys.add(" ");
        int classes = (int) model.outputs().get(0).shape()[2];
        if (classes > 0 && classes != keys.size() + 1) {
            throw new ModelException(r.modelPath() + ": the recogniser has " + classes + " classes, its key list " + (keys.size() + 1));
        }
        return new TextRecognizer(r.spec(), model, keys);
    }

    /** Each box of {@code frame} (frame pixels) read, in the boxes' order. */
    public List<Reading> read(RgbImage frame, List<TextBox> boxes) {
        List<RgbImage> crops = new ArrayList<>();
        for (TextBox b : boxes) {
            crops.add(upright(frame.crop((int) Math.floor(b.x0()), (int) Math.floor(b.y0()), (int) Math.ceil(b.x1()),
                    (int) Math.ceil(b.y1()))));
        }
        return readLines(crops, Resize.OPENCV);
    }

    /** Line images read (PaddleOCR's order: by aspect, in batches), results in input order. */
    List<Reading> readLines(List<RgbImage> lines, Resize how) {
        Integer[] order = new Integer[lines.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> aspect(lines.get(i))));
        Reading[] out = new Reading[lines.size()];
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            double widest = (double) minWidth / height;
            for (int k = start; k < end; k++) {
                widest = Math.max(widest, aspect(lines.get(order[k])));
            }
            int width = (int) (height * widest);
            List<float[]> tensors = new ArrayList<>();
            for (int k = start; k < end; k++) {
                tensors.add(tensor(lines.get(order[k]), width, how));
            }
            List<float[]> probs = model.runBatch(inputName, tensors, new long[]{3, height, width}, null);
            for (int k = start; k < end; k++) {
                out[order[k]] = decode(probs.get(k - start), keys.size() + 1);
            }
        }
        return List.of(out);
    }

    /** One line at its own width (no padding), as the reference script runs it. */
    Reading readLine(RgbImage line, Resize how) {
        int width = resizedWidth(line, Integer.MAX_VALUE);
        float[] probs = model.runBatch(inputName, List.of(tensor(line, width, how)), new long[]{3, height, width}, null).get(0);
        return decode(probs, keys.size() + 1);
    }

    private static double aspect(RgbImage img) {
        return (double) img.width() / img.height();
    }

    private int resizedWidth(RgbImage line, int cap) {
        return Math.max(1, Math.min(cap, (int) Math.ceil(height * aspect(line))));
    }

    /** The line at height 48 keeping its aspect, laid out CHW (BGR) in a {@code width}-wide tensor, padded right with 0. */
    float[] tensor(RgbImage line, int width, Resize how) {
        int w = resizedWidth(line, width);
        RgbImage r = how == Resize.PILLOW ? PillowResize.resize(line, w, height, ResampleFilter.BILINEAR) : opencv(line, w, height);
        int plane = height * width;
        float[] out = new float[3 * plane];
        byte[] px = r.rgb();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 3;
                int i = y * width + x;
                out[i] = (px[p + 2] & 0xff) / 127.5f - 1f;
                out[plane + i] = (px[p + 1] & 0xff) / 127.5f - 1f;
                out[2 * plane + i] = (px[p] & 0xff) / 127.5f - 1f;
            }
        }
        return out;
    }

    /** Greedy CTC: the most likely class per step, repeats merged, blanks dropped. */
    Reading decode(float[] probs, int classes) {
        int steps = probs.length / classes;
        StringBuilder text = new StringBuilder();
        double sum = 0;
        int kept = 0;
        int last = 0;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float p = probs[t * classes];
            for (int c = 1; c < classes; c++) {
                if (probs[t * classes + c] > p) {
                    p = probs[t * classes + c];
                    best = c;
                }
            }
            if (best != 0 && best != last) {
                text.append(keys.get(best - 1));
                sum += p;
                kept++;
            }
            last = best;
        }
        return new Reading(text.toString(), kept == 0 ? 0 : sum / kept);
    }

    /** PaddleOCR turns boxes at least 1.5 times higher than wide a quarter turn anticlockwise ({@code np.rot90}). */
    private static RgbImage upright(RgbImage img) {
        if (img.height() < 1.5 * img.width()) {
            return img;
        }
        int w = img.width();
        int h = img.height();
        byte[] src = img.rgb();
        byte[] out = new byte[src.length];
        // rot90: out(x' = y, y' = w - 1 - x) of size h x w
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = ((w - 1 - x) * h + y) * 3;
                int s = (y * w + x) * 3;
                out[o] = src[s];
                out[o + 1] = src[s + 1];
                out[o + 2] = src[s + 2];
            }
        }
        return new RgbImage(h, w, out);
    }

    private static RgbImage opencv(RgbImage img, int w, int h) {
        if (img.width() == w && img.height() == h) {
            return img;
        }
        try (Mat src = new Mat(img.height(), img.width(), CV_8UC3); Mat dst = new Mat(); Size s = new Size(w, h)) {
            src.data().put(img.rgb());
            resize(src, dst, s, 0, 0, INTER_LINEAR);
            byte[] out = new byte[w * h * 3];
            dst.data().get(out);
            return new RgbImage(w, h, out);
        }
    }
}
