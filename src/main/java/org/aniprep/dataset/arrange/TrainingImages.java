package org.aniprep.dataset.arrange;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.OpenCvImages;
import org.aniprep.image.RgbImage;
import org.aniprep.io.AtomicFiles;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Training copies: the shorter side brought down to {@code maxSize} with area averaging (never
 * upscaled), written as WebP, PNG or JPEG at {@code quality} (WebP/JPEG; PNG is lossless). Alpha is
 * composited onto white, as every tagger and trainer here expects.
 */
final class TrainingImages {
    private static final Set<String> KEPT = Set.of("png", "jpg", "jpeg", "webp", "bmp", "tif", "tiff");

    private final ImageLoader loader = new ImageLoader();
    private final ArrangeJournal.Encode settings;

    TrainingImages(ArrangeJournal.Encode settings) {
        this.settings = settings;
    }

    /** The file extension a source image gets: the chosen format's, else its own (PNG for GIF). */
    static String extension(ArrangeJournal.Encode settings, String sourceExtension) {
        if (settings == null || settings.format() == null) {
            return KEPT.contains(sourceExtension) ? sourceExtension : "png";
        }
        String f = settings.format().toLowerCase(Locale.ROOT);
        return f.equals("jpeg") ? "jpg" : f;
    }

    /** The size after resizing: the shorter side at most maxSize, aspect kept. */
    static int[] targetSize(int w, int h, int maxSize) {
        int shorter = Math.min(w, h);
        if (maxSize <= 0 || shorter <= maxSize) {
            return new int[]{w, h};
        }
        double s = maxSize / (double) shorter;
        return w <= h ? new int[]{maxSize, (int) Math.round(h * s)} : new int[]{(int) Math.round(w * s), maxSize};
    }

    RgbImage load(Path from) throws IOException {
        return loader.load(from);
    }

    /** The size the training copy of {@code img} gets. */
    int[] sizeOf(RgbImage img) {
        return targetSize(img.width(), img.height(), settings.maxSize());
    }

    /** Writes the training copy of {@code img} (decoded from {@code from}) to {@code to} atomically. */
    void write(RgbImage img, Path from, Path to) throws IOException {
        int[] size = sizeOf(img);
        String ext = extension(settings, org.aniprep.io.MediaFiles.extension(from));
        try (Mat bgr = OpenCvImages.toBgr(img)) {
            if (size[0] != img.width() || size[1] != img.height()) {
                try (Mat small = OpenCvImages.resizeArea(bgr, size[0], size[1])) {
                    AtomicFiles.write(to, OpenCvImages.encode(small, ext, settings.quality()));
                }
            } else {
                AtomicFiles.write(to, OpenCvImages.encode(bgr, ext, settings.quality()));
            }
        }
    }
}
