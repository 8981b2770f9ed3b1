package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** A frame in grey at full resolution (OpenCV memory), from which scaled, equalised views are cut. */
final class GreyFrame implements AutoCloseable {
    private final Mat grey;

    GreyFrame(RgbImage image) {
        try (Mat rgb = new Mat(image.height(), image.width(), CV_8UC3)) {
            rgb.data().put(image.rgb());
            grey = new Mat();
            cvtColor(rgb, grey, COLOR_RGB2GRAY);
        }
    }

    int width() {
        return grey.cols();
    }

    int height() {
        return grey.rows();
    }

    /**
     * The region [x0,x1)×[y0,y1) scaled by {@code scale} (INTER_AREA when shrinking) and
     * histogram-equalised, as the cascade's reference use does.
     */
    Mat view(int x0, int y0, int x1, int y1, double scale) {
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(grey, r); Mat scaled = new Mat()) {
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
