package org.aniprep.report;

import org.aniprep.detect.DetectReport;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many frames: pages are split with page links, the run's page shows capped samples, thumbnails are made once. */
class LargeFolderTest {
    static final int FRAMES = 450;

    @TempDir
    Path tmp;

    private List<DetectReport.Entry> frames(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<DetectReport.Entry> entries = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            BufferedImage img = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 64; x++) {
                    img.setRGB(x, y, (i * 2654435761L + x * 40503L + y * 9973L) % 0xffffff > 0x7fffff ? 0xffcc88 : 0x3355aa);
                }
            }
            Path f = dir.resolve(String.format("f%04d.png", i));
            ImageIO.write(img, "png", f.toFile());
            DetectInfo d = DetectSections.with(DetectInfo.empty().withSize(64, 36), "face", "test",
                    List.of(new Detection(10, 5, 30, 25, "face", 0.9f, Map.of())), 64, 36);
            SidecarStore.put(f, DetectInfo.SECTION, d);
            entries.add(new DetectReport.Entry(f, d));
        }
        return entries;
    }

    @Test
    void longPagesAreSplitAndThumbnailsAreMadeOnce() throws Exception {
        Path src = tmp.resolve("frames");
        List<DetectReport.Entry> entries = frames(src.resolve("EP01"));
        Path first = DetectReport.write(src, entries);
        String p1 = Files.readString(first);
        String p3 = Files.readString(first.resolveSibling("detect-3.html"));
        assertThat(count(p1, "<figure")).isEqualTo(200);
        assertThat(count(p3, "<figure")).isEqualTo(FRAMES - 400);
        assertThat(first.resolveSibling("detect-4.html")).doesNotExist();
        assertThat(p1).contains("Page 1 of 3", "href=\"detect-2.html\"", "href=\"detect-3.html\"");
        assertThat(p3).contains("href=\"detect.html\"", "href=\"detect-2.html\"").doesNotContain("next ›");

        Path thumbs = src.resolve("_report/thumbs");
        assertThat(jpegs(thumbs)).hasSize(FRAMES);
        Path one = jpegs(thumbs).get(0);
        FileTime made = Files.getLastModifiedTime(one);
        Files.setLastModifiedTime(one, FileTime.fromMillis(made.toMillis() - 60_000));
        FileTime backdated = Files.getLastModifiedTime(one);
        // a second page over the same frames reuses the JPEGs; an edited frame gets a new one
        Path edited = entries.get(7).image();
        Files.setLastModifiedTime(edited, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        DetectReport.write(src, entries.subList(0, 150));
        assertThat(Files.getLastModifiedTime(one)).isEqualTo(backdated);
        assertThat(jpegs(thumbs)).hasSize(FRAMES + 1);
        // pages of the longer report are gone
        assertThat(first.resolveSibling("detect-2.html")).doesNotExist();
    }

    @Test
    void theRunPageShowsCappedSamples() throws Exception {
        RunLayout layout = new RunLayout(tmp.resolve("videos"), tmp.resolve("run"), null, List.of());
        frames(layout.frames().resolve("EP01"));
        Path page = RunReport.write(layout.report(), new RunReportData(layout, List.of()));
        String html = Files.readString(page);
        assertThat(html).contains(FRAMES + " frames kept (" + FRAMES + " with faces)");
        assertThat(count(html, "<figure")).isEqualTo(RunScan.SAMPLE);
        // the sample spreads over the run instead of taking its first frames only
        java.util.regex.Matcher m = Pattern.compile("EP01/f(\\d{4})\\.png").matcher(html);
        int last = 0;
        while (m.find()) {
            last = Math.max(last, Integer.parseInt(m.group(1)));
        }
        assertThat(html).contains("EP01/f0000.png");
        assertThat(last).isGreaterThan(FRAMES * 3 / 4);
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    private static List<Path> jpegs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }
}
