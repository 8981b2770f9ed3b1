package org.aniprep.extract;

import java.nio.file.Path;

/** Everything {@code aniprep extract} was asked to do. */
public record ExtractOptions(Path src, Path dst, String pattern, boolean recursive, String prefix, Integer epInit,
                             Selection selection, FrameEncoder encoder, int jobs, Hwaccel hwaccel, Path ffmpeg,
                             boolean overwrite, CropSpec crop) {
    /** The options with black bars found automatically ({@code --crop auto}). */
    public ExtractOptions(Path src, Path dst, String pattern, boolean recursive, String prefix, Integer epInit,
                          Selection selection, FrameEncoder encoder, int jobs, Hwaccel hwaccel, Path ffmpeg,
                          boolean overwrite) {
        this(src, dst, pattern, recursive, prefix, epInit, selection, encoder, jobs, hwaccel, ffmpeg, overwrite, CropSpec.AUTO);
    }
}
