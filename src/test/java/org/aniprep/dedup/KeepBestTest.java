package org.aniprep.dedup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.FfmpegClips;
import org.aniprep.testing.FfmpegClips.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reproduction: an episode whose first scene fades in from black and whose second
 * starts with a burned-in subtitle (DejaVu Sans Bold, as a fansub would), made by the ffmpeg CLI
 * from the shared art. {@code extract --dedup} then {@code dedup} must keep a clean frame of each.
 */
class KeepBestTest {
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    @TempDir
    static Path dir;
    static Path clip;
    static int fadeEnd;
    static int subtitleEnd;
    static int secondStart;

    @BeforeAll
    static void record() throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        assumeTrue(Files.isRegularFile(Path.of(FONT)), "fonts-dejavu-core not installed");
        Scene fading = new Scene("bg_washington.jpg", "eileen_happy.png", 0.5, 0.85, 2.5, 640, 360, null)
                .with("fade=t=in:st=0:d=1");
        Scene subtitled = new Scene("bg_cave.jpg", "lucy_happy.png", 0.5, 0.85, 3, 640, 360, null)
                .with("drawtext=fontfile=" + FONT + ":text='I never said that.':fontsize=30:fontcolor=white:borderw=3"
                        + ":bordercolor=black:x=(w-tw)/2:y=h-th-24:enable='lt(t,1.5)'");
        Scene plain = new Scene("bg_whitehouse.jpg", "lucy_mad.png", 0.5, 0.85, 1, 640, 360, null);
        clip = FfmpegClips.record(dir.resolve("ep.mp4"), null, fading, subtitled, plain);
        fadeEnd = 24;
        secondStart = FfmpegClips.frames(fading);
        subtitleEnd = secondStart + 36;
    }

    private static Path run(Path work, String... extra) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Files.copy(clip, src.resolve("show_01.mp4"));
        Path dst = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("extract", "--src", src.toString(), "--dst", dst.toString(), "--dedup", "-q"));
        args.addAll(List.of(extra));
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
        assertThat(Main.run("dedup", "--src", dst.toString(), "--no-report", "-q")).isZero();
        return dst;
    }

    private static List<Long> keptFrames(Path dst) throws IOException {
        try (Stream<Path> s = Files.list(dst.resolve("EP01"))) {
            return s.filter(p -> p.toString().endsWith(".png"))
                    .map(p -> SidecarStore.read(p).get(FrameSource.SECTION, FrameSource.class).orElseThrow().frameIndex())
                    .sorted().toList();
        }
    }

    @Test
    void extractDedupThenDedupKeepsACleanFrameOfTheFadedAndTheSubtitledScene(@TempDir Path work) throws IOException {
        List<Long> kept = keptFrames(run(work));
        List<Long> first = kept.stream().filter(f -> f < secondStart).toList();
        List<Long> second = kept.stream().filter(f -> f >= secondStart && f < secondStart + 72).toList();
        System.out.println("kept frames: " + kept + " (fade ends at " + fadeEnd + ", subtitle at " + subtitleEnd + ")");
        assertThat(first).as("the faded-in scene has a frame after the fade").anyMatch(f -> f >= fadeEnd);
        assertThat(second).as("the subtitled scene has a frame without the subtitle").anyMatch(f -> f >= subtitleEnd);
    }

    @Test
    void keepBestPrefersAMemberTheFilterPassedOverASharperOneItDrops(@TempDir Path work) throws IOException {
        ImageLoader loader = new ImageLoader();
        Path folder = Files.createDirectories(work.resolve("frames"));
        RgbImage sharp = loader.load(FfmpegClips.art("bg_cave.jpg"));
        RgbImage softer = DedupCommandTest.boxBlur(sharp);
        org.aniprep.testing.AnimeScenes.writePng(sharp, folder.resolve("a_1.png"));
        org.aniprep.testing.AnimeScenes.writePng(softer, folder.resolve("a_2.png"));
        // a hand-made filter section as aniprep filter writes it: the sharper frame has a subtitle
        SidecarStore.update(folder.resolve("a_1.png"), s -> withFilter(s, "drop", "subtitles"));
        SidecarStore.update(folder.resolve("a_2.png"), s -> withFilter(s, "keep", null));
        assertThat(Main.run("dedup", "--src", folder.toString(), "--no-report", "-q")).isZero();
        assertThat(folder.resolve("a_2.png")).exists();
        assertThat(folder.resolve("a_1.png")).doesNotExist();
        DedupInfo info = SidecarStore.read(folder.resolve("a_2.png")).get(DedupInfo.SECTION, DedupInfo.class).orElseThrow();
        assertThat(info.groupSize()).isEqualTo(2);
        // without verdicts the sharper one wins
        Path plain = Files.createDirectories(work.resolve("plain"));
        org.aniprep.testing.AnimeScenes.writePng(sharp, plain.resolve("a_1.png"));
        org.aniprep.testing.AnimeScenes.writePng(softer, plain.resolve("a_2.png"));
        assertThat(Main.run("dedup", "--src", plain.toString(), "--no-report", "-q")).isZero();
        assertThat(plain.resolve("a_1.png")).exists();
        assertThat(plain.resolve("a_2.png")).doesNotExist();
    }

    private static Sidecar withFilter(Sidecar s, String verdict, String hit) {
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("method", "filter-v1");
        f.put("verdict", verdict);
        if (hit != null) {
            f.put("reason", hit);
            f.putArray("hits").add(hit);
        } else {
            f.putArray("hits");
        }
        f.putObject("scores").put("luma_mean", 80.0);
        return s.put("filter", f);
    }
}
