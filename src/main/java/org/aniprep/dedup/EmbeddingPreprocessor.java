package org.aniprep.dedup;

import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelSpec;

import java.util.Arrays;
import java.util.Locale;

/** Image → NCHW float sample for an embedding model, as its spec says (resize, crop, mean/std). */
final class EmbeddingPreprocessor {
    private final int size;
    private final boolean stretch;
    private final ResampleFilter filter;
    private final float[] mean;
    private final float[] std;

    EmbeddingPreprocessor(ModelSpec spec, int size) {
        this.size = size;
        String resize = spec.param("resize", "stretch");
        if (!resize.equals("stretch") && !resize.equals("shortest")) {
            throw new IllegalArgumentException(spec.id() + ": resize must be stretch or shortest, not " + resize);
        }
        this.stretch = resize.equals("stretch");
        this.filter = ResampleFilter.valueOf(spec.param("resample", "bilinear").toUpperCase(Locale.ROOT));
        this.mean = triple(spec.param("mean", "0.485,0.456,0.406"));
        this.std = triple(spec.param("std", "0.229,0.224,0.225"));
    }

    int size() {
        return size;
    }

    float[] apply(RgbImage img) {
        RgbImage fitted;
        if (stretch) {
            fitted = PillowResize.resize(img, size, size, filter);
        } else {
            double s = (double) size / Math.min(img.width(), img.height());
            int w = Math.max(size, (int) Math.round(img.width() * s));
            int h = Math.max(size, (int) Math.round(img.height() * s));
            RgbImage scaled = PillowResize.resize(img, w, h, filter);
            int x0 = (w - size) / 2;
            int y0 = (h - size) / 2;
            fitted = scaled.crop(x0, y0, x0 + size, y0 + size);
        }
        float[] chw = new float[3 * size * size];
        byte[] px = fitted.rgb();
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = ((px[i * 3 + c] & 0xff) / 255f - mean[c]) / std[c];
            }
        }
        return chw;
    }

    private static float[] triple(String csv) {
        float[] v = new float[3];
        String[] parts = csv.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected three comma-separated values, got " + csv);
        }
        for (int i = 0; i < 3; i++) {
            v[i] = Float.parseFloat(parts[i].strip());
        }
        return v;
    }

    @Override
    public String toString() {
        return size + "px " + (stretch ? "stretch" : "shortest+crop") + " " + filter + " mean " + Arrays.toString(mean)
                + " std " + Arrays.toString(std);
    }
}
