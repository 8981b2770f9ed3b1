package org.aniprep.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ffmpeg command-line tool as an independent reference (tests skip when it is absent). */
public final class FfmpegCliReference {
    private static final Pattern PTS = Pattern.compile("Parsed_showinfo.*?pts_time:\\s*([0-9.]+)");

    private FfmpegCliReference() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "ffmpeg");
            if (java.nio.file.Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("ffmpeg not on PATH");
    }

    /** Frame indices (time × fps, rounded) that {@code ffmpeg -vf <filter>} keeps. */
    public static List<Long> keptFrames(Path video, String filter, double fps) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-i", video.toString(), "-map", "0:v:0",
                "-vf", filter + ",showinfo", "-fps_mode", "passthrough", "-f", "null", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<Long> kept = new ArrayList<>();
        Matcher m = PTS.matcher(out);
        while (m.find()) {
            kept.add(Math.round(Double.parseDouble(m.group(1)) * fps));
        }
        return kept;
    }

    /** Runs ffmpeg with the given arguments and fails the test when it fails. */
    public static void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + out);
        }
    }
}
