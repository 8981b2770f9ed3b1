package org.aniprep.extract;

import org.aniprep.cli.Main;
import org.aniprep.console.Problems;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** End to end: real art → H.264 clips → {@code aniprep extract} → frames, sidecars, markers. */
class ExtractStageTest {
    @TempDir
    static Path clips;

    static SceneClips.Clip standard;

    @BeforeAll
    static void recordClips() throws IOException {
        standard = SceneClips.standard(clips.resolve("[Grp] Eileen Show - 01 [320p].mp4"), SceneClips.SMALL);
    }

    private static Path episodeFolder(Path src, String name) throws IOException {
        Path dir = Files.createDirectories(src);
        Files.copy(standard.video(), dir.resolve(name));
        return dir;
    }

    /** frame file name → its sidecar's source section, for one episode folder */
    private static Map<String, FrameSource> frames(Path folder) throws IOException {
        Map<String, FrameSource> out = new TreeMap<>(org.aniprep.io.NaturalOrder.INSTANCE);
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).toList()) {
                out.put(p.getFileName().toString(), SidecarStore.read(p).get(FrameSource.SECTION, FrameSource.class).orElseThrow());
            }
        }
        return out;
    }

    @Test
    void keepsTheSameFramesAsTheFfmpegCliAndNamesThemByEpisode(@TempDir Path work) throws Exception {
        Path src = episodeFolder(work.resolve("src"), "[Grp] Eileen Show - 01 [320p].mp4");
        Path dst = work.resolve("out");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "-q")).isZero();

        Map<String, FrameSource> frames = frames(dst.resolve("EP01"));
        assertThat(frames).isNotEmpty();
        int k = 1;
        for (String name : frames.keySet()) {
            assertThat(name).isEqualTo("Eileen_Show_EP01_" + k++ + ".png");
        }
        FrameSource first = frames.values().iterator().next();
        assertThat(first.episode()).isEqualTo(1);
        assertThat(first.frameIndex()).isZero();
        assertThat(first.video()).endsWith("[Grp] Eileen Show - 01 [320p].mp4");
        Sidecar side = SidecarStore.read(dst.resolve("EP01/Eileen_Show_EP01_1.png"));
        assertThat(side.get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(320, 180));
        List<Long> ours = frames.values().stream().map(FrameSource::frameIndex).toList();
        for (FrameSource f : frames.values()) {
            assertThat(f.time()).isCloseTo(f.frameIndex() / 24.0, org.assertj.core.data.Offset.offset(0.002));
        }
        // holds collapse: far fewer frames than the 82 of the clip, but every cut starts a kept frame
        assertThat(ours.size()).isLessThan(standard.script().frameCount() * 3 / 4);
        assertThat(ours).containsAll(standard.script().cuts().stream().map(Integer::longValue).toList());

        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        List<Long> cli = FfmpegCliReference.keptFrames(src.resolve("[Grp] Eileen Show - 01 [320p].mp4"),
                "mpdecimate=" + Selection.DEFAULT_MPDECIMATE, 24);
        assertThat(ours).isEqualTo(cli);

        // colours: the same frame as the CLI's own PNG (BT.601/709 handled by swscale, not OpenCV)
        Path cliPng = work.resolve("cli_first.png");
        FfmpegCliReference.run("-i", src.resolve("[Grp] Eileen Show - 01 [320p].mp4").toString(), "-frames:v", "1", cliPng.toString());
        org.aniprep.image.ImageLoader loader = new org.aniprep.image.ImageLoader();
        double diff = org.aniprep.testing.VideoFrames.meanAbsDiff(loader.load(cliPng),
                loader.load(dst.resolve("EP01/Eileen_Show_EP01_1.png")));
        assertThat(diff).isLessThan(1.0);
    }

    @Test
    void videoStoredInOtherPixelFormatsKeepsTheCliFramesAndColours(@TempDir Path work) throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        for (String pixFmt : List.of("yuv444p", "yuvj420p")) {
            Path src = Files.createDirectories(work.resolve(pixFmt));
            Path video = src.resolve("show_01.mp4");
            FfmpegCliReference.run("-i", standard.video().toString(), "-c:v", "libx264", "-pix_fmt", pixFmt, "-crf", "16", video.toString());
            Path dst = work.resolve(pixFmt + "_out");
            assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "-q")).isZero();
            List<Long> ours = frames(dst.resolve("EP01")).values().stream().map(FrameSource::frameIndex).toList();
            // mpdecimate sees the stored pictures, as in the CLI; the conversion to 4:2:0 comes after it
            assertThat(ours).as(pixFmt).isEqualTo(FfmpegCliReference.keptFrames(video, "mpdecimate=" + Selection.DEFAULT_MPDECIMATE, 24));
            Path cliPng = work.resolve(pixFmt + "_cli.png");
            FfmpegCliReference.run("-i", video.toString(), "-frames:v", "1", cliPng.toString());
            org.aniprep.image.ImageLoader loader = new org.aniprep.image.ImageLoader();
            double diff = org.aniprep.testing.VideoFrames.meanAbsDiff(loader.load(cliPng), loader.load(dst.resolve("EP01/show_EP01_1.png")));
            assertThat(diff).as(pixFmt).isLessThan(2.0);
        }
    }

    @Test
    void externalFfmpegSelectsTheSameFramesAsTheInProcessDecoder(@TempDir Path work) throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        Path src = episodeFolder(work.resolve("src"), "show_03.mp4");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", work.resolve("a").toString(), "-q")).isZero();
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", work.resolve("b").toString(), "-q",
                "--ffmpeg", FfmpegCliReference.binary().toString())).isZero();
        List<Long> a = frames(work.resolve("a/EP03")).values().stream().map(FrameSource::frameIndex).toList();
        List<Long> b = frames(work.resolve("b/EP03")).values().stream().map(FrameSource::frameIndex).toList();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void keyframesModeKeepsOnlyKeyFrames(@TempDir Path work) throws Exception {
        Path src = episodeFolder(work.resolve("src"), "show_01.mp4");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", work.resolve("out").toString(), "-q",
                "--keyframes", "--format", "jpg")).isZero();
        Map<String, FrameSource> frames = new TreeMap<>();
        try (Stream<Path> s = Files.list(work.resolve("out/EP01"))) {
            s.filter(p -> p.toString().endsWith(".jpg")).forEach(p ->
                    frames.put(p.getFileName().toString(), SidecarStore.read(p).get(FrameSource.SECTION, FrameSource.class).orElseThrow()));
        }
        List<Long> ours = frames.values().stream().map(FrameSource::frameIndex).sorted().toList();
        assertThat(ours).startsWith(0L).hasSizeLessThan(10);
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        assertThat(ours).isEqualTo(FfmpegCliReference.keptFrames(src.resolve("show_01.mp4"), "select=eq(pict_type\\,I)", 24));
    }

    @Test
    void rerunSkipsFinishedEpisodesAndRedoesUnfinishedOnesCleanly(@TempDir Path work) throws Exception {
        Path src = episodeFolder(work.resolve("src"), "show_01.mp4");
        Files.copy(standard.video(), src.resolve("show_02.mp4"));
        Path dst = work.resolve("out");
        String[] args = {"extract", "--src", src.toString(), "--dst", dst.toString(), "-q", "--jobs", "2"};
        assertThat(Main.run(args)).isZero();
        List<String> ep1 = List.copyOf(frames(dst.resolve("EP01")).keySet());
        Path kept = dst.resolve("EP01").resolve(ep1.get(0));
        FileTime before = Files.getLastModifiedTime(kept);

        // crash in the middle of EP02: marker never written, a frame missing, a temp file left behind
        Path ep2 = dst.resolve("EP02");
        List<String> ep2Names = List.copyOf(frames(ep2).keySet());
        Files.delete(ep2.resolve(CompletionMarker.FILE));
        Files.delete(ep2.resolve(ep2Names.get(ep2Names.size() - 1)));
        Files.writeString(ep2.resolve(".aniprep-tmp-123.png"), "half");
        Files.writeString(ep2.resolve("my_notes.txt"), "user file");

        assertThat(Main.run(args)).isZero();
        assertThat(Files.getLastModifiedTime(kept)).isEqualTo(before);
        assertThat(frames(dst.resolve("EP01")).keySet()).containsExactlyElementsOf(ep1);
        assertThat(frames(ep2).keySet()).containsExactlyElementsOf(ep2Names);
        try (Stream<Path> s = Files.list(ep2)) {
            List<String> all = s.map(p -> p.getFileName().toString()).toList();
            assertThat(all).contains("my_notes.txt", CompletionMarker.FILE).noneMatch(n -> n.startsWith(".aniprep-tmp"));
            assertThat(all).hasSize(ep2Names.size() * 2 + 2);
        }
    }

    @Test
    void badVideosAreReportedOneByOneAndTheRestIsExtracted(@TempDir Path work) throws Exception {
        Path src = episodeFolder(work.resolve("src dir"), "[Grp] Eileen Show - 01 [320p].mp4");
        Files.copy(standard.video(), src.resolve("[Grp] Eileen Show - 02 ダンス.mp4"));
        Files.createFile(src.resolve("[Grp] Eileen Show - 03.mp4"));
        Files.writeString(src.resolve("[Grp] Eileen Show - 04.mp4"), "not a video at all\n");
        byte[] bytes = Files.readAllBytes(standard.video());
        Files.write(src.resolve("[Grp] Eileen Show - 05.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path dst = src.resolve("out");

        ExtractOptions options = new ExtractOptions(src, dst, null, false, null, null,
                Selection.mpdecimate(null), FrameEncoder.PNG, 1, Hwaccel.NONE, null, false);
        Problems problems = new Problems();
        Extractor extractor = new Extractor(options, FrameGate.ALL);
        List<Path> videos = extractor.findVideos(problems);
        assertThat(videos).hasSize(5);
        Extractor.Summary summary = extractor.run(videos, problems);

        assertThat(summary.extracted()).isEqualTo(2);
        assertThat(frames(dst.resolve("EP01"))).isNotEmpty();
        assertThat(frames(dst.resolve("EP02"))).isNotEmpty().allSatisfy((n, f) -> assertThat(n).startsWith("Eileen_Show_EP02_"));
        assertThat(problems.list()).hasSize(3);
        assertThat(problems.list().get(0).file()).endsWith("- 03.mp4");
        assertThat(problems.list().get(0).message()).contains("empty");
        assertThat(problems.list().get(1).file()).endsWith("- 04.mp4");
        assertThat(problems.list().get(1).message()).contains("not a video");
        assertThat(problems.list().get(2).file()).endsWith("- 05.mp4");
        for (String ep : List.of("EP03", "EP04", "EP05")) {
            assertThat(dst.resolve(ep).resolve(CompletionMarker.FILE)).doesNotExist();
        }
        assertThat(problems.summarize("extract")).isEqualTo(2);
        // and through the command line: exit code 2, output inside --src not mistaken for input
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "-q")).isEqualTo(2);
    }

    @Test
    void audioOnlyFileIsReportedAsHavingNoVideo(@TempDir Path work) throws Exception {
        Path src = Files.createDirectories(work.resolve("src"));
        Path audio = src.resolve("show_09.mp4");
        try (org.bytedeco.javacv.FFmpegFrameRecorder rec = new org.bytedeco.javacv.FFmpegFrameRecorder(audio.toFile(), 1)) {
            rec.setFormat("mp4");
            rec.setSampleRate(44100);
            rec.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC);
            rec.start();
            short[] tone = new short[44100];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 44100));
            }
            rec.recordSamples(44100, 1, java.nio.ShortBuffer.wrap(tone));
            rec.stop();
        }
        Files.copy(standard.video(), src.resolve("show_10.mp4"));
        ExtractOptions options = new ExtractOptions(src, work.resolve("out"), null, false, null, null,
                Selection.mpdecimate(null), FrameEncoder.PNG, 1, Hwaccel.NONE, null, false);
        Problems problems = new Problems();
        Extractor extractor = new Extractor(options, FrameGate.ALL);
        Extractor.Summary summary = extractor.run(extractor.findVideos(problems), problems);
        assertThat(summary.extracted()).isEqualTo(1);
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("show_09.mp4");
            assertThat(p.message()).contains("no video stream");
        });
    }

    @Test
    void truncatedStreamNeverLooksComplete(@TempDir Path work) throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        Path src = Files.createDirectories(work.resolve("src"));
        Path mkv = work.resolve("full.mkv");
        FfmpegCliReference.run("-i", standard.video().toString(), "-c", "copy", mkv.toString());
        byte[] bytes = Files.readAllBytes(mkv);
        Files.write(src.resolve("show_07.mkv"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 5));
        Path dst = work.resolve("out");
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst.toString(), "-q")).isEqualTo(2);
        assertThat(dst.resolve("EP07").resolve(CompletionMarker.FILE)).doesNotExist();
    }

    @Test
    void missingSourceIsAUsageError(@TempDir Path work) {
        assertThat(Main.run("extract", "--src", work.resolve("nope").toString(), "--dst", work.toString())).isEqualTo(1);
        assertThat(Main.run("extract", "--src", work.toString(), "--dst", work.resolve("o").toString(), "--format", "gif")).isEqualTo(1);
    }
}
