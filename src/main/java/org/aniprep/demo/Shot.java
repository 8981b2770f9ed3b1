package org.aniprep.demo;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * One shot of a clip: a name, a length in frames, and the picture each frame shows. A picture is
 * identified by its key: two frames with the same key (in any shot, any clip) are painted by the
 * same painter with the same result, which is what lets a {@link ClipScript} say which frames are
 * holds and where a shot comes back.
 */
public record Shot(String name, int frames, IntFunction<Picture> pictureAt) {
    /** What one frame shows. */
    public record Picture(String key, Painter painter) {
    }

    public Shot {
        if (frames < 1) {
            throw new IllegalArgumentException("shot '" + name + "' needs at least one frame");
        }
    }

    /** A still picture held for {@code frames} frames. */
    public static Shot hold(String name, int frames, Painter painter) {
        Picture p = new Picture(name, painter);
        return new Shot(name, frames, i -> p);
    }

    /** A still picture held; its key says what it shows, so another shot showing the same is recognised. */
    public static Shot hold(String name, int frames, Picture picture) {
        return new Shot(name, frames, i -> picture);
    }

    /** Two pictures alternating every {@code every} frames, starting with {@code a}. */
    public static Shot alternate(String name, int frames, int every, Picture a, Picture b) {
        if (every < 1) {
            throw new IllegalArgumentException("alternation period must be at least one frame");
        }
        return new Shot(name, frames, i -> (i / every) % 2 == 0 ? a : b);
    }

    /**
     * Two pictures alternating every {@code every} frames (lip flap: mouth open/closed), starting
     * with {@code a}.
     */
    public static Shot alternate(String name, int frames, int every, Painter a, Painter b) {
        return alternate(name, frames, every, new Picture(name + "/a", a), new Picture(name + "/b", b));
    }

    /**
     * Motion: frame {@code i} shows the picture for position {@code positionAt(i)} (a sprite's x, a
     * pan's offset). Frames at the same position are the same picture.
     */
    public static Shot moving(String name, int frames, IntUnaryOperator positionAt, IntFunction<Painter> painterAt) {
        return new Shot(name, frames, i -> {
            int pos = positionAt.applyAsInt(i);
            return new Picture(name + "@" + pos, painterAt.apply(pos));
        });
    }

    /**
     * A shot whose frame {@code i} shows variant {@code variantAt(i)} (e.g. "open", "blink"), each
     * variant one picture.
     */
    public static Shot variants(String name, int frames, IntFunction<String> variantAt,
                                java.util.function.Function<String, Painter> painterFor) {
        return new Shot(name, frames, i -> {
            String v = variantAt.apply(i);
            return new Picture(name + "/" + v, painterFor.apply(v));
        });
    }

    /** The same shot with another length: use it to cut back to an earlier shot. */
    public Shot withFrames(int n) {
        return new Shot(name, n, pictureAt);
    }
}
