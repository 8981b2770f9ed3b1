package org.aniprep.cli;

import org.aniprep.detect.CombinedFaceDetector;
import org.aniprep.extract.CompletionMarker;
import org.aniprep.model.Device;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.tag.Wd14Models;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.tag.Wd14StandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    private static final String MODEL_PATH_PROPERTY = "aniprep.env." + ModelSettings.MODEL_PATH_ENV;

    @TempDir
    Path dir;

    @Test
    void drawsTheEpisodesRunsEveryStageAndRerunsWithoutRedoingAnything() throws IOException {
        Path demo = dir.resolve("my demo");
        String first = run("demo", "--dst", demo.toString(), "--seconds", "3", "--size", "320x180", "--quiet");

        assertThat(list(demo.resolve("input"))).hasSize(2).allMatch(p -> p.toString().endsWith(".mp4"));
        assertThat(demo.resolve("storyboard/cast.png")).isRegularFile();
        assertThat(list(demo.resolve("storyboard")).filter(p -> p.toString().endsWith(".json"))).hasSize(2);
        for (String ep : List.of("EP01", "EP02")) {
            Path folder = demo.resolve("run/frames").resolve(ep);
            CompletionMarker marker = CompletionMarker.read(folder);
            assertThat(marker).as(ep).isNotNull();
            long pngs = pngs(folder) + pngs(demo.resolve("run/frames/_removed").resolve(ep));
            // mpdecimate and the run's streaming dedup keep at least one frame per new shot; episode 2's
            // opening repeats episode 1's and is dropped while it is extracted
            assertThat(pngs).as(ep).isEqualTo(marker.frames()).isGreaterThan(ep.equals("EP01") ? 5 : 0);
            assertThat(first).contains(ep + ": " + pngs + " of ");
        }
        assertDedupReport(demo, first);
        assertThat(first).contains("\nfilter:\n").containsPattern("\\d+ frames judged, \\d+ rejected").contains("frames/_report/filter.html");
        assertThat(first).contains("distinct pictures").contains("Look at these:").contains("cast.png");
        // it ends with the command that opens the review of its run folder
        assertThat(first.strip()).endsWith("aniprep review " + org.aniprep.demo.DemoRunner.reviewCommand(demo.resolve("run"))
                .substring("./aniprep review ".length()));
        assertDetectReport(demo, first);
        boolean taggerHere = new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU))
                .findLocal(ModelRegistry.require(Wd14Models.DEFAULT_ID)).isPresent();
        if (!taggerHere) {
            assertThat(first).contains("\ntag:\n  skipped: ").contains("aniprep models fetch wd-swinv2-tagger-v3");
        }
        assertMetadataAndCaptions(demo, first, taggerHere);
        String report = Files.readString(demo.resolve("run/report.html"));
        for (String stage : RunCommand.stages().stream().map(st -> st.name()).toList()) {
            assertThat(report).as(stage).contains(">" + stage + "<");
        }
        assertThat(report).contains("Dedup groups").contains("Faces");
        String index = Files.readString(demo.resolve("index.html"));
        assertThat(index).contains("storyboard/cast.png").contains("<video").contains("run/frames/EP02/")
                .contains("href=\"run/frames/_report/dedup.html\"")
                // the demo draws no text, black or flash frames: its close-ups must all stay (issue 19, part 2)
                .contains("frames judged, 0 rejected")
                .contains("href=\"run/frames/_report/detect.html\"").contains("run/frames/_crops/EP01/");
        if (!taggerHere) {
            assertThat(index).contains("skipped: the WD14 tagger").contains("aniprep models fetch");
        }
        assertIndexRenders(demo.resolve("index.html"));

        // a WD14 stand-in (the real signature) where the model lookup finds it: the rerun tags
        Path models = dir.resolve("models");
        new Wd14StandIn(3).write(models.resolve(Wd14Models.DEFAULT_ID), false);
        List<Path> before = list(demo.resolve("run/frames/EP01")).toList();
        String second;
        System.setProperty(MODEL_PATH_PROPERTY, models.toString());
        try {
            second = run("demo", "--dst", demo.toString(), "--seconds", "3", "--size", "320x180", "--quiet");
        } finally {
            System.clearProperty(MODEL_PATH_PROPERTY);
        }
        assertThat(second).contains("(already drawn)").doesNotContain("--overwrite").doesNotContain("demo: removed");
        assertThat(list(demo.resolve("run/frames/EP01")).toList()).isEqualTo(before);
        assertDedupReport(demo, second);
        assertDetectReport(demo, second);
        long frames = frameCount(demo);
        assertThat(second).contains("\ntag:\n").contains(frames + " frames tagged by " + Wd14Models.DEFAULT_ID)
                .containsPattern("ratings: [a-z]+ \\d+").containsPattern("most frequent tags \\(frames\\): [^,]+ \\d+, ");
        assertMetadataAndCaptions(demo, second, true);
    }

    @Test
    void episodesDrawnAnewClearWhatTheStagesMadeFromTheOldFrames() throws IOException {
        Path demo = dir.resolve("demo");
        run("demo", "--dst", demo.toString(), "--seconds", "2", "--size", "320x180", "--quiet");
        assertThat(demo.resolve("run/frames/_crops")).isDirectory();
        String again = run("demo", "--dst", demo.toString(), "--seconds", "3.5", "--size", "320x180", "--quiet");
        assertThat(again).contains("demo: removed demo/run/frames");
        assertDetectReport(demo, again);
    }

    /**
     * Dedup's counts add up to what is on disk. The shared opening's repeats in episode 2 are dropped by
     * the run's streaming dedup while episode 2 is extracted, so few (or no) groups span both episodes.
     */
    private static void assertDedupReport(Path demo, String out) throws IOException {
        assertThat(out).contains("\ndedup:\n").contains("frames/_report/dedup.html");
        Matcher m = Pattern.compile("(\\d+) frames -> (\\d+) kept, (\\d+) near-duplicates moved").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long removed;
        Files.createDirectories(demo.resolve("run/frames/_removed"));
        try (Stream<Path> s = Files.walk(demo.resolve("run/frames/_removed"))) {
            // dedup's only: the filter step moves the frames it rejects there too
            removed = s.filter(p -> p.toString().endsWith(".png"))
                    .filter(p -> SidecarStore.read(p).get(DedupInfo.SECTION, DedupInfo.class).map(d -> d.kept() != null).orElse(false))
                    .count();
        }
        assertThat(Long.parseLong(m.group(2))).isEqualTo(frameCount(demo));
        assertThat(Long.parseLong(m.group(3))).isEqualTo(removed);
        assertThat(out).containsPattern("(\\d+) of them span both episodes: (\\d+) frames repeat");
        assertThat(demo.resolve("run/frames/_report/dedup.html")).isRegularFile();
    }

    /** Every frame has the seed's keys and a caption; after tagging, the keys hold tags and the captions end with them. */
    private static void assertMetadataAndCaptions(Path demo, String out, boolean tagged) throws IOException {
        long frames = frameCount(demo);
        assertThat(out).contains("\nmetadata:\n").contains(frames + " frames with the seed's keys")
                .contains("\ncaption:\n").contains(frames + " captions (<frame>.txt beside each frame)");
        try (Stream<Path> s = Files.walk(demo.resolve("run/frames"))) {
            for (Path png : s.filter(p -> p.toString().endsWith(".png") && !p.toString().contains("/_")).toList()) {
                org.aniprep.sidecar.SeedKeys keys = org.aniprep.sidecar.SeedKeys.read(SidecarStore.read(png));
                assertThat(keys.general()).as(png.toString()).matches("anishot \\w*EP0[12]");
                assertThat(keys.tags() != null).as(png + " tags").isEqualTo(tagged);
                String caption = Files.readString(png.resolveSibling(png.getFileName().toString().replace(".png", ".txt")));
                assertThat(caption).contains(keys.general());
                if (tagged && !keys.tagList().isEmpty()) {
                    assertThat(caption).as(png.toString()).doesNotEndWith(keys.general());
                }
            }
        }
    }

    /** The detect step's counts add up to the frames on disk, and its report and crops exist. */
    private static void assertDetectReport(Path demo, String out) throws IOException {
        assertThat(out).contains("\ndetect:\n").contains("by " + CombinedFaceDetector.NAME).contains("faces per shot");
        Matcher m = Pattern.compile("frames with 0 / 1 / 2 / 3\\+ faces: (\\d+) / (\\d+) / (\\d+) / (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long sum = 0;
        for (int i = 1; i <= 4; i++) {
            sum += Long.parseLong(m.group(i));
        }
        assertThat(sum).isEqualTo(frameCount(demo));
        assertThat(demo.resolve("run/frames/_report/detect.html")).isRegularFile();
        assertThat(out).contains("frames/_report/detect.html");
        long crops;
        try (Stream<Path> s = Files.walk(demo.resolve("run/frames/_crops"))) {
            crops = s.filter(p -> p.toString().endsWith(".png")).count();
        }
        // the close-ups' faces fill the frame: even at 320x180 some faces are found
        assertThat(crops).isPositive();
        assertThat(out).contains(crops + " face crop");
    }

    /** The index as Chromium renders it: every stage's section with thumbnails from the shared store, not blank. */
    private void assertIndexRenders(Path index) throws IOException {
        if (!org.aniprep.testing.Chromium.available()) {
            return;
        }
        try {
            String dom = org.aniprep.testing.Chromium.dumpDom(index, dir.resolve("chromium"));
            assertThat(dom).contains("id=\"cast\"", "id=\"episodes\"", "id=\"dedup\"", "id=\"detect\"", "<video")
                    .containsPattern("src=\"(run/)?frames/_report/thumbs/");
            Path png = org.aniprep.testing.Chromium.screenshot(index, dir.resolve("index.png"), 1400, 1800, dir.resolve("chromium"));
            assertThat(org.aniprep.testing.Chromium.lumaStdDev(png)).isGreaterThan(8);
            Files.createDirectories(Path.of("target", "report-screenshots"));
            Files.copy(png, Path.of("target", "report-screenshots", "demo-index.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static long frameCount(Path demo) throws IOException {
        return pngs(demo.resolve("run/frames/EP01")) + pngs(demo.resolve("run/frames/EP02"));
    }

    private static long pngs(Path folder) throws IOException {
        return Files.isDirectory(folder) ? list(folder).filter(p -> p.toString().endsWith(".png")).count() : 0;
    }

    @Test
    void badSizeIsAUsageError() {
        assertThat(Main.run("demo", "--dst", dir.toString(), "--size", "321x180", "--quiet")).isEqualTo(1);
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        return out;
    }

    private static Stream<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList().stream();
        }
    }
}
