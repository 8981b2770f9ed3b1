package org.aniprep.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw YOLO output tensor into frame boxes exactly as imgutils does (model-specs.md §2.4),
 * in float32 arithmetic like the numpy reference so that .5 edges round the same way:
 * <ol>
 * <li>Ultralytics head {@code [1, 4+nc, N]}: per anchor the best class score, kept when strictly
 *     above {@code conf}; {@code cx,cy,w,h} → corners.</li>
 * <li>YOLOv10 end-to-end {@code [1, 300, 6]} ({@code x0,y0,x1,y1,score,cls}): kept when score >
 *     conf; NMS then runs at a fixed 0.7 (the IoU argument is ignored, as in the reference).</li>
 * <li>Class-agnostic greedy NMS by descending score with the "+1 pixel" IoU; a box survives when
 *     IoU ≤ threshold.</li>
 * <li>Corners scaled per axis by frame/input size, clipped to the frame, rounded half to even.</li>
 * </ol>
 */
public final class YoloDecoder {
    /** The fixed NMS threshold imgutils applies to YOLOv10-style outputs. */
    public static final float V10_IOU = 0.7f;

    private YoloDecoder() {
    }

    /** A candidate before rescaling: corners in model-input pixels. */
    record Candidate(float x0, float y0, float x1, float y1, float score, int cls, int index) {
    }

    /**
     * @param data   the output tensor, row-major
     * @param shape  its shape: {@code [1, 4+nc, N]} or {@code [1, 300, 6]}
     * @param inW    model input width (the stretched frame), {@code inH} likewise
     * @param frameW the original frame width, {@code frameH} likewise
     * @param labels class names by index (missing ones become the index as text)
     */
    public static List<Detection> decode(float[] data, long[] shape, float conf, float iou,
                                         int inW, int inH, int frameW, int frameH, List<String> labels) {
        if (shape.length != 3 || shape[0] != 1) {
            throw new IllegalArgumentException("unexpected YOLO output shape " + java.util.Arrays.toString(shape));
        }
        boolean endToEnd = shape[2] == 6;
        List<Candidate> candidates = endToEnd ? endToEnd(data, shape, conf) : ultralytics(data, shape, conf);
        List<Candidate> kept = nms(candidates, endToEnd ? V10_IOU : iou);
        List<Detection> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            out.add(new Detection(
                    scale(c.x0(), frameW, inW), scale(c.y0(), frameH, inH),
                    scale(c.x1(), frameW, inW), scale(c.y1(), frameH, inH),
                    label(labels, c.cls()), c.score()));
        }
        return out;
    }

    static List<Candidate> ultralytics(float[] data, long[] shape, float conf) {
        int rows = (int) shape[1];
        int n = (int) shape[2];
        if (rows < 5 || (long) rows * n != data.length) {
            throw new IllegalArgumentException("YOLO output [1, " + rows + ", " + n + "] does not hold 4 box rows and class scores");
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int best = 0;
            float score = data[4 * n + i];
            for (int c = 1; c < rows - 4; c++) {
                float s = data[(4 + c) * n + i];
                if (s > score) {
                    score = s;
                    best = c;
                }
            }
            if (score > conf) {
                float cx = data[i];
                float cy = data[n + i];
                float w = data[2 * n + i];
                float h = data[3 * n + i];
                out.add(new Candidate(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score, best, i));
            }
        }
        return out;
    }

    static List<Candidate> endToEnd(float[] data, long[] shape, float conf) {
        int n = (int) shape[1];
        if ((long) n * 6 != data.length) {
            throw new IllegalArgumentException("YOLOv10 output size " + data.length + " is not " + n + " × 6");
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int o = i * 6;
            if (data[o + 4] > conf) {
                out.add(new Candidate(data[o], data[o + 1], data[o + 2], data[o + 3], data[o + 4], (int) data[o + 5], i));
            }
        }
        return out;
    }

    /**
     * Greedy NMS, highest score first. Equal scores: the later anchor first, which is what the
     * reference's {@code scores.argsort()[::-1]} gives for a stable sort.
     */
    static List<Candidate> nms(List<Candidate> candidates, float threshold) {
        List<Candidate> order = new ArrayList<>(candidates);
        order.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(b.index(), a.index()));
        List<Candidate> keep = new ArrayList<>();
        boolean[] removed = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            if (removed[i]) {
                continue;
            }
            Candidate a = order.get(i);
            keep.add(a);
            for (int j = i + 1; j < order.size(); j++) {
                if (!removed[j] && iouPlusOne(a, order.get(j)) > threshold) {
                    removed[j] = true;
                }
            }
        }
        return keep;
    }

    /** IoU with the "+1 pixel" convention of the reference, in float32. */
    static float iouPlusOne(Candidate a, Candidate b) {
        float areaA = (a.x1() - a.x0() + 1) * (a.y1() - a.y0() + 1);
        float areaB = (b.x1() - b.x0() + 1) * (b.y1() - b.y0() + 1);
        float w = Math.max(0f, Math.min(a.x1(), b.x1()) - Math.max(a.x0(), b.x0()) + 1);
        float h = Math.max(0f, Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0()) + 1);
        float inter = w * h;
        return inter / (areaA + areaB - inter);
    }

    /** {@code clip(v * frame / input, 0, frame)} in float32, rounded half to even. */
    static int scale(float v, int frame, int input) {
        float s = v * frame / input;
        s = Math.max(0f, Math.min((float) frame, s));
        return (int) Math.rint(s);
    }

    private static String label(List<String> labels, int cls) {
        return cls >= 0 && cls < labels.size() ? labels.get(cls) : String.valueOf(cls);
    }
}
