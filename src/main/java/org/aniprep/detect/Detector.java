package org.aniprep.detect;

import org.aniprep.image.RgbImage;

import java.util.List;

/** Finds objects of one kind in a frame. Implementations are thread-safe unless they say otherwise. */
public interface Detector extends AutoCloseable {
    /** What it finds: {@code face}, {@code head} or {@code person}. */
    String kind();

    /** A short name for the sidecar, e.g. the model id or {@code lbpcascade_animeface}. */
    String name();

    /** Detections in frame pixels, best first. */
    List<Detection> detect(RgbImage image);

    @Override
    default void close() {
    }
}
