package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * A frame in grey at full resolution (OpenCV memory), from which scaled, equalised views are cut;
 * optionally padded by {@code pad} pixels on every side with its edge pixels repeated, so that views
 * (in frame coordinates, from {@code -pad} to {@code width + pad}) may reach past the frame's edges.
 */
final class GreyFrame implements AutoCloseable {
    private final Mat grey;
    private final int width;
    private final int height;
    private final int pad;

    GreyFrame(RgbImage image) {
        this(image, 0);
    }

    GreyFrame(RgbImage image, int pad) {
        this(image, pad, BORDER_REPLICATE);
    }

    /** @param border OpenCV's border type for the padding */
    GreyFrame(RgbImage image, int pad, int border) {
        this.width = image.width();
        this.height = image.height();
        this.pad = Math.max(0, pad);
        try (Mat rgb = new Mat(image.height(), image.width(), CV_8UC3); Mat g = new Mat()) {
            rgb.data().put(image.rgb());
            grey = new Mat();
            cvtColor(rgb, this.pad == 0 ? grey : g, COLOR_RGB2GRAY);
            if (this.pad > 0) {
                copyMakeBorder(g, grey, this.pad, this.pad, this.pad, this.pad, border);
            }
        }
    }

    /** The frame's width (without the padding). */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int pad() {
        return pad;
    }

    /**
     * The region [x0,x1)×[y0,y1) (frame coordinates, within the padding) scaled by {@code scale}
     * (INTER_AREA when shrinking) and histogram-equalised, as the cascade's reference use does.
     */
    Mat view(int x0, int y0, int x1, int y1, double scale) {
        try (Rect r = new Rect(x0 + pad, y0 + pad, x1 - x0, y1 - y0); Mat roi = new Mat(grey, r); Mat scaled = new Mat()) {
            Mat src = roi;
            if (Math.abs(scale - 1.0) > 1e-9) {
                int w = Math.max(1, (int) Math.round((x1 - x0) * scale));
                int h = Math.max(1, (int) Math.round((y1 - y0) * scale));
                try (Size size = new Size(w, h)) {
                    resize(roi, scaled, size, 0, 0, INTER_AREA);
                }
                src = scaled;
            }
            Mat eq = new Mat();
            equalizeHist(src, eq);
            return eq;
        }
    }

    @Override
    public void close() {
        grey.close();
    }
}
