package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.FfmpegClips;
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
 * Issue 19, part 3: a shot shown first with burned-in two-line subtitles (changing every 2 s), then
 * clean for 2 s, the character's body reaching down into the bottom band (where the band measure of
 * {@link BestMember} cannot tell subtitles from her detail). Whatever order the stages run in, a
 * clean frame of the shot must reach the dataset: filter removes the subtitled ones.
 */
class SubtitledShotTest {
    @TempDir
    static Path dir;
    static Path clip;
    static int shotFrames;

    @BeforeAll
    static void record() throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        assumeTrue(Files.isRegularFile(Path.of(KeepBestTest.FONT)), "fonts-dejavu-core not installed");
        // her dress a fine check (2 px, dark and light): body detail as sharp as the subtitles' edges fills the bottom band
        String check = "if(gt(Y,H*0.45)*lt(mod(floor(X/2)+floor(Y/2),2),1),0.1,1)";
        String subtitles = String.join(",", line("Where were you last night?", 0, 2, 50), line("I waited for hours.", 0, 2, 18),
                line("At the station, of course.", 2, 4, 50), line("You never came.", 2, 4, 18));
        shotFrames = 144;
        clip = dir.resolve("ep.mp4");
        FfmpegCliReference.run("-loop", "1", "-framerate", "24", "-t", "7.5", "-i", FfmpegClips.art("bg_washington.jpg").toString(),
                "-i", FfmpegClips.art("eileen_happy.png").toString(), "-loop", "1", "-framerate", "24", "-t", "1.5", "-i",
                FfmpegClips.art("bg_cave.jpg").toString(), "-filter_complex",
                "[0:v]scale=640:360,setsar=1,format=rgb24[b];[1:v]scale=-1:420,format=rgba,geq=r='r(X,Y)*" + check + "':g='g(X,Y)*"
                        + check + "':b='b(X,Y)*" + check + "':a='alpha(X,Y)'[s];[b][s]overlay=x=320-overlay_w/2:y=360-overlay_h,"
                        + subtitles + ",fps=24,trim=end_frame=" + shotFrames + ",setpts=PTS-STARTPTS,format=yuv420p[v0];"
                        + "[2:v]scale=640:360,setsar=1,fps=24,trim=end_frame=24,setpts=PTS-STARTPTS,format=yuv420p[v1];"
                        + "[v0][v1]concat=n=2:v=1:a=0,format=yuv420p[out]",
                "-map", "[out]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-g", "48", clip.toString());
    }

    /** One subtitle line (DejaVu Sans Bold 26 px, white, black border), {@code fromBottom} px above the bottom edge. */
    private static String line(String text, double from, double to, int fromBottom) {
        return "drawtext=fontfile=" + KeepBestTest.FONT + ":text='" + text + "':fontsize=26:fontcolor=white:borderw=3"
                + ":bordercolor=black:x=(w-tw)/2:y=h-th-" + fromBottom + ":enable='between(t," + from + "," + to + "-0.001)'";
    }

    private static Path extract(Path work, boolean dedup) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Files.copy(clip, src.resolve("show_01.mp4"));
        Path dst = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("extract", "--src", src.toString(), "--dst", dst.toString(), "-q"));
        if (dedup) {
            args.add("--dedup");
        }
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
        return dst;
    }

    private static void stage(String... args) {
        assertThat(Main.run(args)).isZero();
    }

    private static List<Long> shotFramesLeft(Path dst) throws IOException {
        try (Stream<Path> s = Files.list(dst.resolve("EP01"))) {
            List<Long> kept = s.filter(p -> p.toString().endsWith(".png"))
                    .map(p -> SidecarStore.read(p).get(FrameSource.SECTION, FrameSource.class).orElseThrow().frameIndex())
                    .sorted().toList();
            System.out.println("frames left: " + kept + " (the shot's clean part starts at " + shotFrames * 2 / 3 + ")");
            return kept.stream().filter(f -> f < shotFrames).toList();
        }
    }

    @Test
    void extractDedupThenFilterKeepsTheShot(@TempDir Path work) throws IOException {
        Path dst = extract(work, true);
        stage("filter", "--src", dst.toString(), "-q");
        assertThat(shotFramesLeft(dst)).as("a clean frame of the subtitled shot").isNotEmpty();
    }

    @Test
    void extractDedupThenDedupThenFilterKeepsTheShot(@TempDir Path work) throws IOException {
        Path dst = extract(work, true);
        stage("dedup", "--src", dst.toString(), "--no-report", "-q");
        stage("filter", "--src", dst.toString(), "-q");
        assertThat(shotFramesLeft(dst)).as("a clean frame of the subtitled shot").isNotEmpty();
    }

    @Test
    void extractThenDedupThenFilterKeepsTheShot(@TempDir Path work) throws IOException {
        Path dst = extract(work, false);
        stage("dedup", "--src", dst.toString(), "--no-report", "-q");
        stage("filter", "--src", dst.toString(), "-q");
        assertThat(shotFramesLeft(dst)).as("a clean frame of the subtitled shot").isNotEmpty();
    }
}
