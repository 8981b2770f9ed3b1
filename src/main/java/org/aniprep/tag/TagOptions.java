package org.aniprep.tag;

import java.nio.file.Path;

/**
 * Settings of one {@code aniprep tag} run.
 *
 * @param model     a built-in model id / repo id, or a path to a WD14-compatible model.onnx (or its folder)
 * @param batch     requested batch size (a model with a fixed batch overrides it)
 * @param overwrite re-tag images already tagged by this model, and replace foreign .tags files
 * @param tagsFile  also write the seed's {@code <image>.tags} (comma-separated, underscores kept)
 */
public record TagOptions(Path src, String model, Wd14Decoder.Settings decoding, int batch, boolean overwrite,
                         boolean tagsFile) {
}
