package org.aniprep.filter;

import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Test episodes for the filter, made with the ffmpeg CLI from the shared anime art: stills composited
 * from backgrounds and sprites (640×360), held, faded in and out (ffmpeg's {@code fade}), darkened
 * into night scenes, flashed, panned ({@code crop} with an animated x), blurred, and with text drawn
 * by {@code drawtext} in DejaVu Sans (subtitles, credits, title cards, signs), plus colour sources.
 * Every segment knows which reasons are right for each of its frames, so a test can check each
 * decision by frame index.
 */
final class FilterClips {
    static final int FPS = 24;
    static final int W = 640;
    static final int H = 360;
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /**
     * @param input    ffmpeg input arguments
     * @param chain    filters applied to the input (after scaling to the frame size)
     * @param expected for frame k of the segment: what is right for it
     */
    record Segment(String name, int frames, List<String> input, String chain, IntFunction<Expect> expected) {
    }

    /**
     * The reasons that are right for a frame (empty: a clean frame that must be kept), the first being
     * the primary one; {@code mayKeep}: keeping it is right too (the last frames of a fade, less than 20 %
     * away from the clean picture).
     */
    record Expect(List<Reason> reasons, boolean mayKeep) {
        static final Expect CLEAN = new Expect(List.of(), true);

        static Expect of(Reason... r) {
            return new Expect(List.of(r), false);
        }

        Expect orKeep(boolean may) {
            return new Expect(reasons, may);
        }
    }

    /** A recorded episode: the video and, per frame index, the reasons that are right. */
    record Episode(Path video, List<Segment> segments) {
        Expect expected(long frameIndex) {
            long start = 0;
            for (Segment s : segments) {
                if (frameIndex < start + s.frames()) {
                    return s.expected().apply((int) (frameIndex - start));
                }
                start += s.frames();
            }
            throw new IllegalArgumentException("frame " + frameIndex + " is past the end");
        }

        String segmentOf(long frameIndex) {
            long start = 0;
            for (Segment s : segments) {
                if (frameIndex < start + s.frames()) {
                    return s.name();
                }
                start += s.frames();
            }
            return "?";
        }
    }

    private final Path stills;

    FilterClips(Path stills) {
        this.stills = stills;
    }

    static boolean fontAvailable() {
        return Files.isRegularFile(Path.of(FONT)) && Files.isRegularFile(Path.of(FONT_BOLD));
    }

    /** A still: background with characters (sprite stem, centre x in world pixels), written once. */
    Path still(String background, String... spritesAndX) throws IOException {
        String name = background.replaceAll("\\..*", "") + "_" + String.join("_", spritesAndX) + ".png";
        Path file = stills.resolve(name);
        if (!Files.exists(file)) {
            Actor[] actors = new Actor[spritesAndX.length / 2];
            for (int i = 0; i < actors.length; i++) {
                actors[i] = Actor.at(spritesAndX[2 * i], Integer.parseInt(spritesAndX[2 * i + 1]));
            }
            AnimeScenes.writePng(AnimeScenes.scene(background, 0, actors), file);
        }
        return file;
    }

    /** A whole picture of the shared art (e.g. a concert CG) scaled to the frame. */
    Path picture(String file) throws IOException {
        Path out = stills.resolve("pic_" + file.replaceAll("\\..*", "") + ".png");
        if (!Files.exists(out)) {
            AnimeScenes.writePng(AnimeScenes.picture(file), out);
        }
        return out;
    }

    /** A wide still (the world, 960×400) for pans. */
    Path wide(String background, String sprite, int x) throws IOException {
        Path file = stills.resolve("wide_" + background.replaceAll("\\..*", "") + "_" + sprite + ".png");
        if (!Files.exists(file)) {
            AnimeScenes.writePng(org.aniprep.image.ImageLoader.toRgb(AnimeScenes.world(background, Actor.at(sprite, x))), file);
        }
        return file;
    }

    static List<String> loop(Path still) {
        return List.of("-loop", "1", "-framerate", String.valueOf(FPS), "-i", still.toString());
    }

    static List<String> colour(String c) {
        return List.of("-f", "lavfi", "-i", "color=c=" + c + ":s=" + W + "x" + H + ":r=" + FPS);
    }

    static int frames(double seconds) {
        return (int) Math.round(seconds * FPS);
    }

    private static IntFunction<Expect> all(Reason... r) {
        Expect e = r.length == 0 ? Expect.CLEAN : Expect.of(r);
        return k -> e;
    }

    /** Frame k of a fade over n frames in, or out when {@code out}: the picture at factor k/n (ffmpeg's linear fade). */
    static Expect fading(int k, int n, Reason flat) {
        double factor = (double) k / n;
        return Expect.of(Reason.FADE, flat).orKeep(factor >= 0.8);
    }

    static Segment hold(String name, Path still, double seconds) {
        return new Segment(name, frames(seconds), loop(still), "null", all());
    }

    /** A night scene: the still darkened and flattened for the whole shot (no fade: it stays dark). */
    static Segment night(String name, Path still, double seconds) {
        return new Segment(name, frames(seconds), loop(still), "eq=brightness=-0.32:contrast=0.55:saturation=0.7", all());
    }

    /** Faded in from black over {@code fade} seconds, then held. */
    static Segment fadeIn(String name, Path still, double seconds, double fade, String extraChain) {
        int n = frames(fade);
        return new Segment(name, frames(seconds), loop(still), extraChain + ",fade=t=in:st=0:d=" + fmt(fade),
                k -> k < n ? fading(k, n, Reason.BLACK) : Expect.CLEAN);
    }

    /** Held, then faded out to {@code colour} (black or white) over the last {@code fade} seconds. */
    static Segment fadeOut(String name, Path still, double seconds, double fade, String colour) {
        int total = frames(seconds);
        int n = frames(fade);
        Reason flat = colour.equals("white") ? Reason.WHITE : Reason.BLACK;
        return new Segment(name, total, loop(still), "fade=t=out:st=" + fmt(seconds - fade) + ":d=" + fmt(fade) + ":color=" + colour,
                k -> k >= total - n ? fading(total - 1 - k, n, flat) : Expect.CLEAN);
    }

    static Segment flat(String name, String c, double seconds, Reason reason) {
        return new Segment(name, frames(seconds), colour(c), "null", all(reason));
    }

    /** Frames {@code from..from+len-1} much brighter (an impact flash). */
    static Segment flash(String name, Path still, double seconds, int from, int len, boolean night) {
        String base = night ? "eq=brightness=-0.32:contrast=0.55:saturation=0.7," : "";
        return new Segment(name, frames(seconds), loop(still), base + "eq=brightness=0.55:contrast=0.6:enable='between(n,"
                + from + "," + (from + len - 1) + ")'", k -> k >= from && k < from + len ? Expect.of(Reason.FLASH, Reason.WHITE) : Expect.CLEAN);
    }

    /** A pan over a wide still: the frame window moving {@code pixelsPerFrame} to the right. */
    static Segment pan(String name, Path wide, double seconds, double pixelsPerFrame) {
        return new Segment(name, frames(seconds), loop(wide), "crop=" + W + ":" + H + ":x='min(" + (960 - W) + ",n*" + fmt(pixelsPerFrame)
                + ")':y=20", all());
    }

    static Segment blurred(String name, Path still, double seconds, double sigma) {
        return new Segment(name, frames(seconds), loop(still), "gblur=sigma=" + fmt(sigma), all(Reason.BLUR));
    }

    /** Motion blur: a horizontal box blur {@code length} pixels long, as a fast camera move smears. */
    static Segment motionBlurred(String name, Path still, double seconds, int length) {
        return new Segment(name, frames(seconds), loop(still), "avgblur=sizeX=" + length + ":sizeY=1", all(Reason.BLUR));
    }

    /** A burned-in subtitle, one or two lines ({@code \n}), at the bottom or the top. */
    static Segment subtitled(String name, Path still, double seconds, String text, boolean top, int size) {
        String y = top ? "24" : "h-th-24";
        return new Segment(name, frames(seconds), loop(still), drawText(text, FONT, size, "white", "(w-tw)/2", y, 2, "black"),
                all(Reason.SUBTITLES));
    }

    /** Text in the scene (a sign in a corner): kept. */
    static Segment sign(String name, Path still, double seconds, String text) {
        return new Segment(name, frames(seconds), loop(still), "drawbox=x=30:y=50:w=" + (text.length() * 13 + 20)
                + ":h=40:color=0xe0d0b0@0.8:t=fill," + drawText(text, FONT_BOLD, 18, "0x302010", "40", "60", 0, "black"), all());
    }

    /** A title card: large text on a flat colour ({@code background} a colour) or on a blurred still. */
    static Segment title(String name, Object background, double seconds, String text, int size) {
        List<String> in = background instanceof Path p ? loop(p) : colour((String) background);
        String pre = background instanceof Path ? "gblur=sigma=12," : "";
        return new Segment(name, frames(seconds), in, pre + drawText(text, FONT_BOLD, size, "white", "(w-tw)/2", "(h-th)/2", 2, "black"),
                all(Reason.TITLE_CARD));
    }

    /** Credits scrolling up over a dimmed still or a flat colour, {@code lines} lines. */
    static Segment credits(String name, Object background, double seconds, String[] lines, double pixelsPerFrame) {
        List<String> in = background instanceof Path p ? loop(p) : colour((String) background);
        StringBuilder chain = new StringBuilder(background instanceof Path ? "eq=brightness=-0.15" : "null");
        for (int i = 0; i < lines.length; i++) {
            chain.append(',').append(drawText(lines[i], FONT, 18, "white", "w*0.55", "h*0.35+" + (i * 34) + "-n*" + fmt(pixelsPerFrame), 1, "black"));
        }
        return new Segment(name, frames(seconds), in, chain.toString(), all(Reason.CREDITS));
    }

    private static String drawText(String text, String font, int size, String colour, String x, String y, int border, String borderColour) {
        String t = text.replace("\\", "\\\\").replace(":", "\\:").replace("'", "\u2019").replace("\n", "\r");
        return "drawtext=fontfile=" + font + ":text='" + t + "':fontsize=" + size + ":fontcolor=" + colour + ":x=" + x + ":y=" + y
                + (border > 0 ? ":borderw=" + border + ":bordercolor=" + borderColour : "") + ":line_spacing=6";
    }

    /** Records the segments into {@code video} (H.264, yuv420p, 24 fps). */
    static Episode record(Path video, List<Segment> segments) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            cmd.addAll(s.input());
            graph.append('[').append(i).append(":v]scale=").append(s.chain().startsWith("crop") ? "-1:400" : W + ":" + H)
                    .append(",setsar=1,format=yuv420p,").append(s.chain()).append(",trim=end_frame=").append(s.frames())
                    .append(",setpts=PTS-STARTPTS[s").append(i).append("];");
        }
        for (int i = 0; i < segments.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("concat=n=").append(segments.size()).append(":v=1[v]");
        Files.createDirectories(video.toAbsolutePath().getParent());
        cmd.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "18", "-pix_fmt", "yuv420p", "-r", String.valueOf(FPS), video.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + out);
        }
        return new Episode(video, List.copyOf(segments));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

}
