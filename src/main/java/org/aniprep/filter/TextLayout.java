package org.aniprep.filter;

import org.aniprep.image.LumaPlane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the text boxes of a frame add up to, from their lines (boxes side by side merged), in
 * fractions of the frame: <b>credits</b> are many lines, <b>title cards</b> large text or text on a
 * flat or blurred background, <b>subtitles</b> one to three centred lines in the bottom or top band;
 * other text (signs, screens, letters in the scene) is recorded and kept.
 */
final class TextLayout {
    static final String NONE = "none";
    static final String OTHER = "other";
    static final String SUBTITLES = "subtitles";
    static final String CREDITS = "credits";
    static final String TITLE_CARD = "title_card";

    /**
     * @param minLine         lines lower than this share of the frame height are ignored (specks)
     * @param creditLines     this many lines or more are credits ...
     * @param creditSpread    ... or one fewer, spread over at least this share of the frame height
     * @param titleLine       a line at least this high is title-card text
     * @param flatBackground  mean absolute Laplacian (grey levels, at the detector's ≤ 960 px) of the picture outside
     *                        the text under which the background counts as flat or blurred
     * @param band            subtitle bands: the bottom and top share of the frame height
     * @param centred         a subtitle line's centre lies within this of the frame's centre line (share of width)
     * @param subtitleLines   at most this many subtitle lines
     * @param minElongation   boxes less elongated than this (longer side ÷ shorter side, in pixels) are not taken
     *                        for text: the detector's rare blobs on blurred or busy pictures are roundish
     * @param maxLine         ... nor boxes higher than this share of the frame height
     */
    record Settings(double minLine, int creditLines, double creditSpread, double titleLine, double flatBackground,
                    double band, double centred, int subtitleLines, double minElongation, double maxLine) {
        static final Settings DEFAULT = new Settings(0.012, 4, 0.3, 0.085, 2.0, 0.3, 0.25, 3, 1.8, 0.3);
    }

    /** A layout and how many lines it was judged from. */
    record Layout(String name, int lines) {
    }

    /** One line of text: the union of boxes that share most of their height. */
    record Line(double x0, double y0, double x1, double y1) {
        double height() {
            return y1 - y0;
        }

        double centreX() {
            return (x0 + x1) / 2;
        }
    }

    private final Settings settings;

    TextLayout(Settings settings) {
        this.settings = settings;
    }

    /** The check a layout fires: subtitles, credits or a title card; none for scene text or no text. */
    static Optional<Reason> reason(String layout) {
        return switch (layout) {
            case SUBTITLES -> Optional.of(Reason.SUBTITLES);
            case CREDITS -> Optional.of(Reason.CREDITS);
            case TITLE_CARD -> Optional.of(Reason.TITLE_CARD);
            default -> Optional.empty();
        };
    }

    /** @param background {@link #backgroundDetail} of the frame */
    Layout classify(List<TextBox> boxes, int width, int height, double background) {
        List<TextBox> textLike = boxes.stream().filter(b -> textLike(b, height)).toList();
        List<Line> lines = lines(textLike, width, height).stream().filter(l -> l.height() >= settings.minLine()).toList();
        if (lines.isEmpty()) {
            return new Layout(NONE, 0);
        }
        double top = lines.stream().mapToDouble(Line::y0).min().orElse(0);
        double bottom = lines.stream().mapToDouble(Line::y1).max().orElse(0);
        if (lines.size() >= settings.creditLines()
                || (lines.size() >= settings.creditLines() - 1 && bottom - top >= settings.creditSpread())) {
            return new Layout(CREDITS, lines.size());
        }
        List<Line> subtitle = lines.stream().filter(this::subtitleLine).toList();
        boolean large = lines.stream().anyMatch(l -> l.height() >= settings.titleLine());
        boolean onlySubtitles = subtitle.size() == lines.size();
        if (large || (background < settings.flatBackground() && !onlySubtitles)) {
            return new Layout(TITLE_CARD, lines.size());
        }
        if (!subtitle.isEmpty() && subtitle.size() <= settings.subtitleLines()) {
            return new Layout(SUBTITLES, lines.size());
        }
        return new Layout(OTHER, lines.size());
    }

    private boolean textLike(TextBox b, int height) {
        double longer = Math.max(b.width(), b.height());
        double shorter = Math.max(1e-9, Math.min(b.width(), b.height()));
        return longer / shorter >= settings.minElongation() && b.height() <= settings.maxLine() * height;
    }

    private boolean subtitleLine(Line l) {
        boolean inBand = l.y0() >= 1 - settings.band() || l.y1() <= settings.band();
        return inBand && Math.abs(l.centreX() - 0.5) <= settings.centred();
    }

    /** Boxes merged into lines (fractions of the frame): a box joins a line it overlaps over half its height. */
    static List<Line> lines(List<TextBox> boxes, int width, int height) {
        List<TextBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(b -> (b.y0() + b.y1()) / 2));
        List<Line> lines = new ArrayList<>();
        for (TextBox b : sorted) {
            Line box = new Line(b.x0() / width, b.y0() / height, b.x1() / width, b.y1() / height);
            int joined = -1;
            for (int i = 0; i < lines.size() && joined < 0; i++) {
                Line l = lines.get(i);
                double overlap = Math.min(l.y1(), box.y1()) - Math.max(l.y0(), box.y0());
                if (overlap >= 0.5 * Math.min(l.height(), box.height())) {
                    joined = i;
                }
            }
            if (joined < 0) {
                lines.add(box);
            } else {
                Line l = lines.get(joined);
                lines.set(joined, new Line(Math.min(l.x0(), box.x0()), Math.min(l.y0(), box.y0()),
                        Math.max(l.x1(), box.x1()), Math.max(l.y1(), box.y1())));
            }
        }
        return lines;
    }

    /**
     * How much detail the picture has outside the text: the mean absolute 4-neighbour Laplacian of
     * luma over the pixels outside every box (grown by a quarter of its height). Near 0 on a flat
     * card, low on a blurred background, higher on drawn scenes.
     *
     * @param boxes in the plane's pixels
     */
    static double backgroundDetail(LumaPlane plane, List<TextBox> boxes) {
        int w = plane.width();
        int h = plane.height();
        boolean[] text = new boolean[w * h];
        for (TextBox b : boxes) {
            double m = b.height() / 4;
            int x0 = (int) Math.max(0, Math.floor(b.x0() - m));
            int x1 = (int) Math.min(w, Math.ceil(b.x1() + m));
            int y0 = (int) Math.max(0, Math.floor(b.y0() - m));
            int y1 = (int) Math.min(h, Math.ceil(b.y1() + m));
            for (int y = y0; y < y1; y++) {
                java.util.Arrays.fill(text, y * w + x0, y * w + Math.max(x0, x1), true);
            }
        }
        int[] l = plane.luma();
        long sum = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (!text[i]) {
                    sum += Math.abs(l[i - 1] + l[i + 1] + l[i - w] + l[i + w] - 4 * l[i]);
                    n++;
                }
            }
        }
        return n == 0 ? 0 : (double) sum / n;
    }
}
