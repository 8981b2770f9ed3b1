package org.aniprep.testing;

import org.junit.jupiter.api.Assumptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}, installed by {@code .ci/run}) for checking report
 * pages as a browser renders them: the DOM after scripts and layout, and a screenshot. Tests that use
 * it skip when chromium is not on the PATH.
 */
public final class Chromium {
    private static final long TIMEOUT_S = 120;

    private Chromium() {
    }

    /** Skips the calling test unless chromium can be run. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "chromium is not installed (CI installs it: .ci/run)");
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "chromium"))) {
                return true;
            }
        }
        return false;
    }

    /** The page's DOM as chromium serialises it after loading. */
    public static String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("dom.html");
        run(work, out, "--dump-dom", page.toUri().toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A screenshot of the page's first {@code width} × {@code height} pixels, as PNG. */
    public static Path screenshot(Path page, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(work, work.resolve("screenshot.log"), "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot: " + Files.readString(work.resolve("screenshot.log")));
        }
        return png;
    }

    /** The standard deviation of the screenshot's luma: about 0 for a blank page. */
    public static double lumaStdDev(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        double sum = 0;
        double sq = 0;
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sq += l * l;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }

    private static void run(Path work, Path stdout, String... args) throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--allow-file-access-from-files",
                // a profile of its own: several tests (or users) may run chromium at once
                "--user-data-dir=" + work.resolve("profile").toAbsolutePath(),
                // lets lazy images in view load before the DOM is dumped or the picture taken
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(work.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in " + TIMEOUT_S + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(work.resolve("chromium.err")));
        }
    }
}
