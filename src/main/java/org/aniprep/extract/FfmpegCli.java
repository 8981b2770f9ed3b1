package org.aniprep.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Facts about an external ffmpeg binary, asked once per binary. */
final class FfmpegCli {
    private static final Map<Path, Boolean> CUDA = new ConcurrentHashMap<>();

    private FfmpegCli() {
    }

    static boolean supportsCuda(Path ffmpeg) {
        return CUDA.computeIfAbsent(ffmpeg, FfmpegCli::asksForCuda);
    }

    private static boolean asksForCuda(Path ffmpeg) {
        try {
            Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-hwaccels").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().anyMatch(l -> l.strip().equals("cuda"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Checks that the path runs as ffmpeg; returns its version line. */
    static String version(Path ffmpeg) throws IOException {
        try {
            Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("ffmpeg")) {
                throw new IOException(ffmpeg + " does not run as ffmpeg");
            }
            return out.lines().findFirst().orElse("ffmpeg");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
