package org.aniprep.filter;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.FfmpegCliReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code aniprep filter} on an episode made with ffmpeg from the shared art (fade in, subtitles, a
 * night scene with a flash, a pan, a fade out to white, white and black frames, a title card,
 * scrolling credits, a blurred shot), extracted by {@code aniprep extract}: every frame's verdict is
 * checked against the segment it came from.
 */
class FilterCommandTest {
    @TempDir
    static Path work;
    static FilterClips.Episode episode;
    static Path extracted;

    @BeforeAll
    static void recordAndExtract() throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        assumeTrue(FilterClips.fontAvailable(), "fonts-dejavu-core not installed");
        episode = FilterEpisodes.first(new FilterClips(work.resolve("stills")), work.resolve("videos/Filter Show - 01.mp4"));
        extracted = work.resolve("frames");
        assertThat(Main.run("extract", "--src", work.resolve("videos").toString(), "--dst", extracted.toString(), "--quiet"))
                .isZero();
    }

    private static Path copyOfFrames(Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(extracted)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(extracted.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }

    @Test
    void everyFrameGetsTheVerdictOfItsSegment(@TempDir Path dir) throws IOException {
        Path frames = copyOfFrames(dir.resolve("frames"));
        assertThat(Main.run("filter", "--src", frames.toString(), "--quiet")).isZero();
        FilterEval eval = new FilterEval();
        eval.add(episode, frames, 1);
        System.out.println(eval.table());
        assertThat(eval.wrong()).as(eval.table()).isEmpty();
        assertThat(eval.outcomes()).extracting(FilterEval.Outcome::said).contains(Reason.FADE, Reason.SUBTITLES,
                Reason.FLASH, Reason.BLACK, Reason.TITLE_CARD, Reason.CREDITS);
        // rejected frames moved with their sidecars, the rest stayed
        for (FilterEval.Outcome o : eval.outcomes()) {
            assertThat(o.file().startsWith("_removed")).as(o.toString()).isEqualTo(o.dropped());
        }
        assertThat(Files.readString(frames.resolve("_report/filter.html"))).contains("Rejected: fades", "_removed/EP01/");
    }

    @Test
    void aRerunMovesNothingMoreAndReportOnlyMovesNothing(@TempDir Path dir) throws IOException {
        Path frames = copyOfFrames(dir.resolve("frames"));
        assertThat(Main.run("filter", "--src", frames.toString(), "--action", "report", "--quiet")).isZero();
        assertThat(frames.resolve("_removed")).doesNotExist();
        long dropped = count(frames, true);
        assertThat(dropped).isPositive();
        assertThat(Main.run("filter", "--src", frames.toString(), "--quiet")).isZero();
        assertThat(images(frames.resolve("_removed"))).hasSize((int) dropped);
        assertThat(Main.run("filter", "--src", frames.toString(), "--quiet")).isZero();
        assertThat(images(frames.resolve("_removed"))).hasSize((int) dropped);
        assertThat(count(frames, true)).isZero();
    }

    /**
     * A run resumed after filter's moves (a kill before the run recorded filter as finished) judges the
     * episode again: with the frames filter set aside in {@code _removed/} as context, every section is the
     * same as after one run (before, the episode's reference sharpness, shots and fades came from the
     * frames left, so {@code sharpness_ratio} changed).
     */
    @Test
    void aRejudgedEpisodeGetsTheSameSectionsAsTheFirstJudgement(@TempDir Path dir) throws IOException {
        Path once = copyOfFrames(dir.resolve("once"));
        assertThat(Main.run("filter", "--src", once.toString(), "--quiet")).isZero();
        Path twice = copyOfFrames(dir.resolve("twice"));
        assertThat(Main.run("filter", "--src", twice.toString(), "--quiet")).isZero();
        assertThat(images(twice.resolve("_removed"))).isNotEmpty();
        assertThat(Main.run("filter", "--src", twice.toString(), "--quiet")).isZero();
        assertThat(sections(twice)).isEqualTo(sections(once));
    }

    private static java.util.Map<String, String> sections(Path frames) throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (Path p : images(frames)) {
            out.put(frames.relativize(p).toString(), String.valueOf(SidecarStore.read(p).get(FilterInfo.SECTION, FilterInfo.class).orElse(null)));
        }
        return out;
    }

    private static long count(Path frames, boolean dropped) throws IOException {
        return images(frames).stream().filter(p -> !p.startsWith(frames.resolve("_removed")))
                .filter(p -> SidecarStore.read(p).get(FilterInfo.SECTION, FilterInfo.class).map(FilterInfo::dropped).orElse(false) == dropped)
                .count();
    }

    private static List<Path> images(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).toList();
        }
    }
}
