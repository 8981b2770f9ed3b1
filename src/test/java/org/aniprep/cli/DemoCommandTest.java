package org.aniprep.cli;

import org.aniprep.extract.CompletionMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void drawsTheEpisodesRunsExtractAndRerunsWithoutRedoingAnything() throws IOException {
        Path demo = dir.resolve("my demo");
        String first = run("demo", "--dst", demo.toString(), "--seconds", "3", "--size", "320x180", "--quiet");

        assertThat(list(demo.resolve("input"))).hasSize(2).allMatch(p -> p.toString().endsWith(".mp4"));
        assertThat(demo.resolve("storyboard/cast.png")).isRegularFile();
        assertThat(list(demo.resolve("storyboard")).filter(p -> p.toString().endsWith(".json"))).hasSize(2);
        for (String ep : List.of("EP01", "EP02")) {
            Path folder = demo.resolve("frames").resolve(ep);
            CompletionMarker marker = CompletionMarker.read(folder);
            assertThat(marker).as(ep).isNotNull();
            long pngs = list(folder).filter(p -> p.toString().endsWith(".png")).count();
            // at least the opening's pan frames and one frame per shot survive mpdecimate
            assertThat(pngs).as(ep).isEqualTo(marker.frames()).isGreaterThan(5);
            assertThat(first).contains(ep + ": " + pngs + " of ");
        }
        assertThat(first).contains("distinct pictures").contains("Look at these:").contains("cast.png");
        String index = Files.readString(demo.resolve("index.html"));
        assertThat(index).contains("storyboard/cast.png").contains("<video").contains("frames/EP02/");

        List<Path> before = list(demo.resolve("frames/EP01")).toList();
        String second = run("demo", "--dst", demo.toString(), "--seconds", "3", "--size", "320x180", "--quiet");
        assertThat(second).contains("(already drawn)").doesNotContain("--overwrite");
        assertThat(list(demo.resolve("frames/EP01")).toList()).isEqualTo(before);
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
