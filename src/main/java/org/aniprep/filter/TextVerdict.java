package org.aniprep.filter;

import org.aniprep.image.RgbImage;
import org.aniprep.model.ModelResolver;

import java.util.Optional;

/**
 * The filter's text verdict on one frame on its own, for other stages (dedup's choice between
 * duplicates): the text reason {@code aniprep filter} gives the frame with its default options
 * ({@code subtitles}, {@code credits}, {@code title_card}), or none. Finds the boxes with the
 * filter's own detector and judges them with the filter's own layout rules, so it answers what the
 * filter stage will answer for the frame's text. Not thread-safe (one detector session).
 */
public final class TextVerdict {
    private final TextDetector detector;

    public TextVerdict(TextDetector detector) {
        this.detector = detector;
    }

    /** The bundled (or a model folder's) text detector; throws {@link org.aniprep.model.ModelException} when it cannot be opened. */
    public static TextVerdict open(ModelResolver resolver) {
        return new TextVerdict(TextDetector.open(resolver));
    }

    /** The text reason the filter gives this frame, as its {@code reason} id, or empty for none. */
    public Optional<String> reason(RgbImage frame) {
        return TextLayout.reason(detector.detect(frame).layout()).map(Reason::id);
    }

    /** Whether the filter, with its default {@code --text drop}, rejects this frame for its text. */
    public boolean drops(RgbImage frame) {
        return reason(frame).isPresent();
    }
}
