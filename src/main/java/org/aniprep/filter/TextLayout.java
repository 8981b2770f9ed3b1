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
     * @param creditLines     this many rows of lines (stacked, not side by side) or more are credits ...
     * @param creditSpread    ... or one fewer, spread over at least this share of the frame height
     * @param titleLine       a line whose highest box is at least this high is title-card text
     * @param flatBackground  mean absolute Laplacian (grey levels, at the detector's ≤ 960 px) of the picture outside
     *                        the text under which the background counts as flat or blurred
     * @param band            subtitle bands: the bottom and top share of the frame height
     * @param centred         a subtitle line's centre lies within this of the frame's centre line (share of width)
     * @param subtitleLines   at most this many subtitle lines
     * @param minElongation   boxes less elongated than this (longer side ÷ shorter side, in pixels) are not taken
     *                        for text: the detector's rare blobs on blurred or busy pictures are roundish
     * @param maxLine         ... nor boxes higher than this share of the frame height
     * @param minCoverage     lines whose boxes cover less than this share of their extent are scattered boxes (rows of
     *                        windows, fences, tiles), not written text
     * @param gridAlign       boxes stacked in a column, starting within this share of the width of each other ...
     * @param gridWidth       ... three or more, whose widths vary by less than this share (coefficient of variation),
     *                        are a grid (windows), not text
     * @param minLineAspect   lines counted for credits and subtitles are at least this many times as wide as their text is high
     * @param minConfidence   a box counts as text only when the recogniser reads it with at least this mean confidence ...
     * @param minChars        ... as at least this many letters or digits ...
     * @param charsPerAspect  ... and at least this many characters per unit of the box's aspect (width ÷ height)
     */
    record Settings(double minLine, int creditLines, double creditSpread, double titleLine, double flatBackground,
                    double band, double centred, int subtitleLines, double minElongation, double maxLine, double minCoverage,
                    double gridAlign, double gridWidth, double minLineAspect, double minConfidence, int minChars,
                    double charsPerAspect) {
        static final Settings DEFAULT = new Settings(0.012, 4, 0.3, 0.085, 2.0, 0.3, 0.25, 3, 1.8, 0.3, 0.5, 0.012, 0.05, 4.0,
                0.75, 2, 0.25);
    }

    /** A layout and how many lines it was judged from. */
    record Layout(String name, int lines) {
    }

    /**
     * One line of text: the union of boxes that share most of their height, with the width its boxes
     * cover and the height of its highest box (the text size; the union grows with every box).
     */
    record Line(double x0, double y0, double x1, double y1, double covered, double textHeight) {
        double height() {
            return y1 - y0;
        }

        double centreX() {
            return (x0 + x1) / 2;
        }

        double width() {
            return x1 - x0;
        }

        /** Share of the line's extent its boxes cover: near 1 for written lines, low for scattered boxes. */
        double coverage() {
            return Math.min(1, covered / Math.max(1e-9, x1 - x0));
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

    /** The boxes that may be text by their shape (elongated, not too high, not in a grid of windows), by index. */
    List<Integer> candidates(List<TextBox> boxes, int width, int height) {
        List<TextBox> elongated = boxes.stream().filter(b -> textLike(b, height)).toList();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            TextBox b = boxes.get(i);
            if (textLike(b, height) && !inGrid(b, elongated, width)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Whether a recognised box reads as text: confident enough, with at least {@code minChars} letters or
     * digits, and as many characters as a line of that aspect holds at the least (a long box read as one or
     * two characters is a row of windows, a fence or a shelf, not a line of writing).
     */
    boolean readsAsText(String text, double confidence, TextBox box) {
        String t = text.strip();
        long alnum = t.codePoints().filter(Character::isLetterOrDigit).count();
        long chars = t.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        double aspect = box.width() / Math.max(1e-9, box.height());
        return confidence >= settings.minConfidence() && alnum >= settings.minChars() && chars >= settings.charsPerAspect() * aspect;
    }

    /** @param background {@link #backgroundDetail} of the frame */
    Layout classify(List<TextBox> boxes, int width, int height, double background) {
        List<Integer> idx = candidates(boxes, width, height);
        return classifyText(idx.stream().map(boxes::get).toList(), width, height, background);
    }

    /** The layout of boxes already taken for text (by shape, and when read, by what they read as). */
    Layout classifyText(List<TextBox> textLike, int width, int height, double background) {
        List<Line> lines = lines(textLike, width, height).stream()
                .filter(l -> l.textHeight() >= settings.minLine() && l.coverage() >= settings.minCoverage()).toList();
        if (lines.isEmpty()) {
            return new Layout(NONE, 0);
        }
        double top = lines.stream().mapToDouble(Line::y0).min().orElse(0);
        double bottom = lines.stream().mapToDouble(Line::y1).max().orElse(0);
        // credits and subtitles are written lines: longer than the rows of windows and tiles the detector also finds
        List<Line> written = lines.stream().filter(l -> l.width() * width >= settings.minLineAspect() * l.textHeight() * height).toList();
        int rows = rows(written);
        if (rows >= settings.creditLines() || (rows >= settings.creditLines() - 1 && bottom - top >= settings.creditSpread())) {
            return new Layout(CREDITS, lines.size());
        }
        List<Line> subtitle = written.stream().filter(this::subtitleLine).toList();
        boolean large = lines.stream().anyMatch(l -> l.textHeight() >= settings.titleLine());
        boolean onlySubtitles = subtitle.size() == lines.size();
        if (large || (background < settings.flatBackground() && !onlySubtitles)) {
            return new Layout(TITLE_CARD, lines.size());
        }
        if (!subtitle.isEmpty() && subtitle.size() <= settings.subtitleLines()) {
            return new Layout(SUBTITLES, lines.size());
        }
        return new Layout(OTHER, lines.size());
    }

    /** Lines stacked one above the other: lines whose heights overlap at all count as one row. */
    static int rows(List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(Line::y0));
        int rows = 0;
        double bottom = Double.NEGATIVE_INFINITY;
        for (Line l : sorted) {
            if (l.y0() >= bottom) {
                rows++;
            }
            bottom = Math.max(bottom, l.y1());
        }
        return rows;
    }

    /**
     * Rows of windows, tiles or shelves: the box and at least two others starting at the same x (within
     * {@code gridAlign} of the frame width), one above the other, all of nearly one width (coefficient
     * of variation under {@code gridWidth}). Lines of credits start aligned too, but names differ in length.
     */
    private boolean inGrid(TextBox b, List<TextBox> all, int width) {
        List<Double> widths = new ArrayList<>();
        for (TextBox o : all) {
            boolean stacked = o == b || o.y1() <= b.y0() || o.y0() >= b.y1();
            if (stacked && Math.abs(o.x0() - b.x0()) <= settings.gridAlign() * width) {
                widths.add(o.width());
            }
        }
        if (widths.size() < 3) {
            return false;
        }
        double mean = widths.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = widths.stream().mapToDouble(w -> (w - mean) * (w - mean)).sum() / widths.size();
        return Math.sqrt(var) < settings.gridWidth() * mean;
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
            Line box = new Line(b.x0() / width, b.y0() / height, b.x1() / width, b.y1() / height, b.width() / width,
                    b.height() / height);
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
                lines.set(joined, new Line(Math.min(l.x0(), box.x0()), Math.min(l.y0(), box.y0()), Math.max(l.x1(), box.x1()),
                        Math.max(l.y1(), box.y1()), l.covered() + box.covered(), Math.max(l.textHeight(), box.textHeight())));
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
