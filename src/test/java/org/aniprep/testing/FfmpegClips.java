package org.aniprep.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test videos made by the ffmpeg CLI from the shared anime art: scenes (a background filling the
 * frame with a character standing on it), each with its own filter (fade, drawtext, darkening,
 * a crop-animated camera move), cut together, then one filter over the whole clip (padding to
 * letterbox, squashing to an anamorphic size). H.264, 24 fps, yuv420p, each scene exactly
 * {@link #frames} frames long. Callers skip when the CLI
 * is absent ({@link FfmpegCliReference#available()}).
 */
public final class FfmpegClips {
    /**
     * One scene of {@code seconds}: {@code background} scaled to {@code width × height} (the picture
     * before any camera move; {@code "a.jpg+b.jpg"} puts backgrounds side by side, {@code "a.jpg/b.jpg"}
     * one above the other, each getting its share of the size), {@code sprite} (or null)
     * {@code spriteHeight} of the picture's height tall at {@code spriteX} (fraction of the width),
     * then {@code filter} (or null) applied to it (e.g. a crop window moving with {@code t}: a pan).
     */
    public record Scene(String background, String sprite, double spriteX, double spriteHeight, double seconds,
                        int width, int height, String filter) {
        public static Scene of(String background, String sprite, double seconds, int width, int height) {
            return new Scene(background, sprite, 0.5, 0.8, seconds, width, height, null);
        }

        public Scene with(String filterText) {
            return new Scene(background, sprite, spriteX, spriteHeight, seconds, width, height,
                    filter == null ? filterText : filter + "," + filterText);
        }
    }

    private FfmpegClips() {
    }

    public static Path art(String name) {
        return SceneClips.shared().resolve("testdata/anime").resolve(name);
    }

    /** Records the scenes back to back into {@code target}; {@code post} (or null) runs over the whole clip. */
    public static Path record(Path target, String post, Scene... scenes) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        StringBuilder graph = new StringBuilder();
        int input = 0;
        for (int i = 0; i < scenes.length; i++) {
            Scene s = scenes[i];
            boolean side = !s.background().contains("/");
            String[] parts = s.background().split(side ? "\\+" : "/");
            int pw = side ? s.width() / parts.length : s.width();
            int ph = side ? s.height() : s.height() / parts.length;
            for (int k = 0; k < parts.length; k++) {
                args.addAll(List.of("-loop", "1", "-framerate", "24", "-t", fmt(s.seconds() + 0.5), "-i", art(parts[k]).toString()));
                graph.append(String.format(Locale.ROOT, "[%d:v]scale=%d:%d,setsar=1,format=rgb24[p%d_%d];", input++, pw, ph, i, k));
            }
            for (int k = 0; k < parts.length; k++) {
                graph.append(String.format(Locale.ROOT, "[p%d_%d]", i, k));
            }
            graph.append(parts.length == 1 ? "null" : (side ? "hstack=inputs=" : "vstack=inputs=") + parts.length)
                    .append(String.format(Locale.ROOT, "[b%d];", i));
            String last = "b" + i;
            if (s.sprite() != null) {
                args.addAll(List.of("-i", art(s.sprite()).toString()));
                int sp = input++;
                int sh = (int) Math.round(s.height() * s.spriteHeight());
                graph.append(String.format(Locale.ROOT, "[%d:v]scale=-1:%d[s%d];[b%d][s%d]overlay=x=%d-overlay_w/2:y=%d-overlay_h[o%d];",
                        sp, sh, i, i, i, (int) Math.round(s.width() * s.spriteX()), s.height(), i));
                last = "o" + i;
            }
            graph.append('[').append(last).append(']').append(s.filter() == null ? "null" : s.filter())
                    .append(",fps=24,trim=end_frame=").append(frames(s)).append(",setpts=PTS-STARTPTS,format=yuv420p,setsar=1[v")
                    .append(i).append("];");
        }
        for (int i = 0; i < scenes.length; i++) {
            graph.append("[v").append(i).append(']');
        }
        graph.append("concat=n=").append(scenes.length).append(":v=1:a=0");
        if (post != null) {
            graph.append(',').append(post);
        }
        graph.append(",format=yuv420p[out]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "18", "-g", "48", target.toString()));
        FfmpegCliReference.run(args.toArray(String[]::new));
        return target;
    }

    /** The last {@code crop=w:h:x:y} of ffmpeg's cropdetect over every frame, accumulating (reset=0), or null. */
    public static String cropdetect(Path video, String options) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-i", video.toString(), "-vf",
                "cropdetect=" + options, "-f", "null", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("crop=(\\d+:\\d+:\\d+:\\d+)").matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** Frames a scene has in the clip: its seconds at 24 fps, rounded. */
    public static int frames(Scene s) {
        return (int) Math.round(s.seconds() * 24);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
