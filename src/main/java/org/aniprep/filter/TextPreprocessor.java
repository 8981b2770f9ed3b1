package org.aniprep.filter;

import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelSpec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * PaddleOCR's detector input ({@code DetResizeForTest} with limit type {@code max},
 * {@code NormalizeImage}, {@code ToCHWImage}): the frame shrunk so its longer side is at most the
 * limit, each side rounded to a multiple of 32 (OpenCV bilinear, as {@code cv2.resize}), channels in
 * BGR order, {@code (v / 255 − mean) / std}, laid out CHW.
 */
final class TextPreprocessor {
    private final int limit;
    private final int multiple;
    private final double[] mean;
    private final double[] std;

    TextPreprocessor(ModelSpec spec) {
        this.limit = (int) spec.param(TextModels.LIMIT_SIDE, 960);
        this.multiple = (int) spec.param(TextModels.MULTIPLE, 32);
        this.mean = TextModels.triple(spec, TextModels.MEAN_BGR);
        this.std = TextModels.triple(spec, TextModels.STD_BGR);
    }

    /** The model's input size for a {@code w × h} frame: {width, height}. */
    int[] inputSize(int w, int h) {
        double ratio = Math.max(w, h) > limit ? (double) limit / Math.max(w, h) : 1.0;
        // PaddleOCR: int() truncates, then Python's round() (half to even)
        int rh = Math.max((int) Math.rint((int) (h * ratio) / (double) multiple) * multiple, multiple);
        int rw = Math.max((int) Math.rint((int) (w * ratio) / (double) multiple) * multiple, multiple);
        return new int[]{rw, rh};
    }

    /** The resized frame (RGB) the detector sees. */
    RgbImage resized(RgbImage img) {
        int[] size = inputSize(img.width(), img.height());
        if (size[0] == img.width() && size[1] == img.height()) {
            return img;
        }
        try (Mat src = new Mat(img.height(), img.width(), CV_8UC3); Mat dst = new Mat(); Size s = new Size(size[0], size[1])) {
            src.data().put(img.rgb());
            resize(src, dst, s, 0, 0, INTER_LINEAR);
            byte[] out = new byte[size[0] * size[1] * 3];
            dst.data().get(out);
            return new RgbImage(size[0], size[1], out);
        }
    }

    /** The CHW tensor of an image already at its input size. */
    float[] tensor(RgbImage resized) {
        int plane = resized.width() * resized.height();
        float[] out = new float[3 * plane];
        byte[] px = resized.rgb();
        float[] scale = new float[3];
        float[] shift = new float[3];
        for (int c = 0; c < 3; c++) {
            scale[c] = (float) (1.0 / (255.0 * std[c]));
            shift[c] = (float) (mean[c] / std[c]);
        }
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            out[i] = (px[p + 2] & 0xff) * scale[0] - shift[0];             // B
            out[plane + i] = (px[p + 1] & 0xff) * scale[1] - shift[1];     // G
            out[2 * plane + i] = (px[p] & 0xff) * scale[2] - shift[2];     // R
        }
        return out;
    }
}
