package org.aniprep.bench;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.ImageOps;
import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;

/**
 * ms/image of the WD14 resize (1920x1080 → pad → 448 BICUBIC) and the YOLO/CCIP stretches, with
 * OpenCV's INTER_AREA / INTER_CUBIC (native, not Pillow-compatible) on the same frame as the baseline.
 * Usage: ResizeBench SHARED_DIR
 */
public final class ResizeBench {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        RgbImage art = new ImageLoader().load(shared.resolve("testdata/anime/concert1.png"));
        RgbImage frame = PillowResize.resize(art, 1920, 1080, ResampleFilter.BICUBIC);
        int warm = 5;
        int runs = 21;
        double wd14 = BenchSupport.medianMillis(warm, runs,
                () -> PillowResize.resize(ImageOps.padToWhiteSquare(frame), 448, 448, ResampleFilter.BICUBIC));
        double yolo = BenchSupport.medianMillis(warm, runs,
                () -> PillowResize.resize(frame, 640, 640, ResampleFilter.BICUBIC));
        double ccip = BenchSupport.medianMillis(warm, runs,
                () -> PillowResize.resize(frame, 384, 384, ResampleFilter.BILINEAR));
        double pad = BenchSupport.medianMillis(warm, runs, () -> ImageOps.padToWhiteSquare(frame));

        Mat src = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3, new BytePointer(frame.rgb()));
        Mat dst = new Mat();
        double cvArea = BenchSupport.medianMillis(warm, runs,
                () -> opencv_imgproc.resize(src, dst, new Size(448, 448), 0, 0, opencv_imgproc.INTER_AREA));
        double cvCubic = BenchSupport.medianMillis(warm, runs,
                () -> opencv_imgproc.resize(src, dst, new Size(448, 448), 0, 0, opencv_imgproc.INTER_CUBIC));

        System.out.printf("1920x1080 frame, median of %d runs (ms/image)%n", runs);
        System.out.printf("  PillowResize WD14 pad+448 BICUBIC : %7.2f  (pad alone %.2f)%n", wd14, pad);
        System.out.printf("  PillowResize 640x640 BICUBIC      : %7.2f%n", yolo);
        System.out.printf("  PillowResize 384x384 BILINEAR     : %7.2f%n", ccip);
        System.out.printf("  OpenCV 448 INTER_AREA (baseline)  : %7.2f  ratio pillow/opencv %.1fx%n", cvArea, wd14 / cvArea);
        System.out.printf("  OpenCV 448 INTER_CUBIC (baseline) : %7.2f%n", cvCubic);
    }
}
