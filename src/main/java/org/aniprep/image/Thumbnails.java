package org.aniprep.image;

import org.aniprep.io.AtomicFiles;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Small JPEG previews for the HTML report (area-averaged, so line art does not alias). */
public final class Thumbnails {
    private Thumbnails() {
    }

    /** The size {@code img} shrinks to within {@code maxW × maxH}, aspect kept (never enlarged): {width, height}. */
    private static int[] fittedSize(RgbImage img, int maxW, int maxH) {
        double s = Math.min(1.0, Math.min((double) maxW / img.width(), (double) maxH / img.height()));
        return new int[]{Math.max(1, (int) Math.round(img.width() * s)), Math.max(1, (int) Math.round(img.height() * s))};
    }

    /**
     * {@link #fit} done by OpenCV ({@code INTER_AREA}, the same area averaging up to rounding):
     * about 5× faster on a 1080p frame, for the report pages, which make one per frame.
     */
    public static RgbImage fitFast(RgbImage img, int maxW, int maxH) {
        int[] size = fittedSize(img, maxW, maxH);
        int w = size[0];
        int h = size[1];
        if (w == img.width() && h == img.height()) {
            return img;
        }
        // the channels' order does not matter to an area average: the RGB bytes go in as they are
        try (BytePointer data = new BytePointer(img.rgb());
             Mat src = new Mat(img.height(), img.width(), opencv_core.CV_8UC3, data);
             Mat dst = new Mat(); Size target = new Size(w, h)) {
            opencv_imgproc.resize(src, dst, target, 0, 0, opencv_imgproc.INTER_AREA);
            byte[] out = new byte[w * h * 3];
            dst.data().get(out);
            return new RgbImage(w, h, out);
        }
    }

    public static RgbImage fit(RgbImage img, int maxW, int maxH) {
        int[] size = fittedSize(img, maxW, maxH);
        int w = size[0];
        int h = size[1];
        if (w == img.width() && h == img.height()) {
            return img;
        }
        long[] sums = new long[w * h * 3];
        int[] counts = new int[w * h];
        byte[] px = img.rgb();
        int[] column = new int[img.width()];
        for (int x = 0; x < column.length; x++) {
            column[x] = (int) ((long) x * w / img.width());
        }
        for (int y = 0; y < img.height(); y++) {
            int ty = (int) ((long) y * h / img.height());
            for (int x = 0; x < img.width(); x++) {
                int cell = ty * w + column[x];
                int p = (y * img.width() + x) * 3;
                sums[cell * 3] += px[p] & 0xff;
                sums[cell * 3 + 1] += px[p + 1] & 0xff;
                sums[cell * 3 + 2] += px[p + 2] & 0xff;
                counts[cell]++;
            }
        }
        byte[] out = new byte[w * h * 3];
        for (int c = 0; c < counts.length; c++) {
            int n = Math.max(1, counts[c]);
            for (int k = 0; k < 3; k++) {
                out[c * 3 + k] = (byte) ((sums[c * 3 + k] + n / 2) / n);
            }
        }
        return new RgbImage(w, h, out);
    }

    public static void writeJpeg(RgbImage img, Path file) throws IOException {
        AtomicFiles.writeVia(file, temp -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img.toBufferedImage(), null, null), p);
            } finally {
                writer.dispose();
            }
        });
    }
}
