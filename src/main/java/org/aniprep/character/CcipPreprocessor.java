package org.aniprep.character;

import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelSpec;

/**
 * CCIP's input (model-specs.md §3): the picture (alpha already on white) stretched to size×size
 * with Pillow BILINEAR, no crop or pad, /255, CLIP mean/std per channel, CHW float32.
 */
public final class CcipPreprocessor {
    private final int size;
    private final float[] mean;
    private final float[] std;

    public CcipPreprocessor(ModelSpec spec) {
        this.size = Integer.parseInt(spec.param("size", "384"));
        this.mean = floats(spec.param("mean", "0.48145466,0.4578275,0.40821073"));
        this.std = floats(spec.param("std", "0.26862954,0.26130258,0.27577711"));
    }

    public int size() {
        return size;
    }

    public RgbImage resized(RgbImage img) {
        return PillowResize.resize(img, size, size, ResampleFilter.BILINEAR);
    }

    public float[] tensor(RgbImage img) {
        RgbImage r = resized(img);
        byte[] px = r.rgb();
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = ((px[i * 3 + c] & 0xff) / 255f - mean[c]) / std[c];
            }
        }
        return out;
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] f = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            f[i] = Float.parseFloat(parts[i].strip());
        }
        return f;
    }
}
