package org.aniprep.tag;

import org.aniprep.image.ImageOps;
import org.aniprep.image.PillowResize;
import org.aniprep.image.ResampleFilter;
import org.aniprep.image.RgbImage;

/**
 * WD14 input, variant A of model-specs.md §1.4 (SmilingWolf's Space, wdv3-jax, imgutils):
 * alpha already composited onto white by ImageLoader; pad to a centred white square of side
 * max(w, h) at ((m−w)//2, (m−h)//2); Pillow BICUBIC resize to the model's size when m differs;
 * channels reversed to BGR; float32 0–255, no normalisation; NHWC. Chosen over kohya's variant B
 * (INTER_AREA/LANCZOS) and toriato's C because it is what the model authors use.
 */
public final class Wd14Preprocessor {
    public static final String VARIANT = "wd14-a";

    private Wd14Preprocessor() {
    }

    /** One sample, HWC float BGR, for an input of {@code size}×{@code size}. */
    public static float[] toTensor(RgbImage image, int size) {
        RgbImage square = ImageOps.padToWhiteSquare(image);
        RgbImage sized = square.width() == size ? square : PillowResize.resize(square, size, size, ResampleFilter.BICUBIC);
        byte[] rgb = sized.rgb();
        float[] out = new float[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            out[i] = rgb[i + 2] & 0xff;
            out[i + 1] = rgb[i + 1] & 0xff;
            out[i + 2] = rgb[i] & 0xff;
        }
        return out;
    }
}
