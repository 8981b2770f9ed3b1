package org.aniprep.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a generated clip contains, frame by frame: which shot each frame belongs to and which
 * picture it shows (equal keys = identical source pixels). Tests and the demo reason from it:
 * frames that are holds, where the cuts are, how many distinct pictures there are.
 */
public record ClipScript(double fps, int width, int height, List<Span> shots, List<String> pictures) {
    /** A shot's place in the clip: frames [start, start + frames). */
    public record Span(String name, int start, int frames) {
        public int end() {
            return start + frames;
        }
    }

    public ClipScript {
        shots = List.copyOf(shots);
        pictures = List.copyOf(pictures);
    }

    public int frameCount() {
        return pictures.size();
    }

    public double seconds() {
        return frameCount() / fps;
    }

    /** Presentation time of frame {@code i} in seconds. */
    public double time(int i) {
        return i / fps;
    }

    /** First frame of every shot after the first: the hard cuts. */
    public List<Integer> cuts() {
        return shots.stream().skip(1).map(Span::start).toList();
    }

    /** True when frame {@code i} repeats the picture of frame {@code i - 1}. */
    public boolean isHold(int i) {
        return i > 0 && pictures.get(i).equals(pictures.get(i - 1));
    }

    /** Frames that differ from the frame before (frame 0 included): what a perfect decimator keeps. */
    public List<Integer> changes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            if (!isHold(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Distinct pictures in order of first appearance: what a perfect global dedup keeps. */
    public Set<String> uniquePictures() {
        return new LinkedHashSet<>(pictures);
    }

    /** Frames that show a picture already shown earlier, but not just before (cut backs, flaps). */
    public List<Integer> repeats() {
        Set<String> seen = new LinkedHashSet<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            if (!isHold(i) && !seen.add(pictures.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    public Span shot(String name) {
        return shots.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shot " + name));
    }
}
