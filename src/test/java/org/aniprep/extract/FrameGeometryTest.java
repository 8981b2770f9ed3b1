package org.aniprep.extract;

import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FrameGeometry;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.FfmpegClips;
import org.aniprep.testing.FfmpegClips.Scene;
import org.aniprep.testing.VideoFrames;
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
 * Frame geometry on clips the ffmpeg CLI made from the shared art: anamorphic DVD video written with
 * square pixels, letterbox and pillarbox bars found and cut (a dark scene does not shrink the crop),
 * the result checked against the CLI's own cropdetect, crop and scale filters.
 */
class FrameGeometryTest {
    private static final ImageLoader LOADER = new ImageLoader();

    @BeforeAll
    static void needsTheCli() {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
    }

    /** A scene with a character, and a slow camera move so that mpdecimate keeps several frames. */
    private static Scene moving(String bg, String sprite, double seconds, int w, int h) {
        return new Scene(bg, sprite, 0.45, 0.8, seconds, w + 48, h, null).with("crop=" + w + ":" + h + ":x='t*60':y=0");
    }

    private static Path extract(Path work, Path video, String... extra) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Files.move(video, src.resolve("show_01.mp4"));
        Path dst = work.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("extract", "--src", src.toString(), "--dst", dst.toString(), "-q"));
        args.addAll(List.of(extra));
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
        return dst.resolve("EP01");
    }

    private static List<Path> frames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted(org.aniprep.io.NaturalOrder.PATHS).toList();
        }
    }

    private static FrameSource source(Path frame) {
        return SidecarStore.read(frame).get(FrameSource.SECTION, FrameSource.class).orElseThrow();
    }

    /** The CLI's rendering of the video's first frame through {@code vf}. */
    private static RgbImage cliFirstFrame(Path video, String vf, Path out) throws Exception {
        FfmpegCliReference.run("-i", video.toString(), "-vf", vf, "-frames:v", "1", out.toString());
        return LOADER.load(out);
    }

    @Test
    void anamorphicDvdVideoIsWrittenWithSquarePixelsAtItsDisplayAspect(@TempDir Path work) throws Exception {
        // an 854x480 scene stored as a DVD stores 16:9: squashed to 720x480, sample aspect 32:27
        Path clip = FfmpegClips.record(work.resolve("dvd.mp4"), "scale=720:480,setsar=32/27",
                moving("bg_washington.jpg", "eileen_happy.png", 1.5, 854, 480));
        Path reference = work.resolve("ref.png");
        RgbImage cli = cliFirstFrame(clip, "scale=854:480:flags=bicubic,setsar=1", reference);
        Path ep = extract(work, clip);

        List<Path> frames = frames(ep);
        assertThat(frames).hasSizeGreaterThan(3);
        for (Path f : frames) {
            assertThat(SidecarStore.read(f).get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(854, 480));
            assertThat(source(f).geometry()).isEqualTo(new FrameGeometry(720, 480, "32:27", "16:9", null));
        }
        RgbImage first = LOADER.load(frames.get(0));
        assertThat(first.width()).isEqualTo(854);
        // the CLI scales in YUV, we scale while converting to RGB: a little rounding apart, no more
        assertThat(VideoFrames.meanAbsDiff(cli, first)).isLessThan(2.0);
    }

    @Test
    void pillarboxBarsOf43ContentInA169FrameAreCut(@TempDir Path work) throws Exception {
        Path clip = FfmpegClips.record(work.resolve("tv.mp4"), "pad=640:360:80:0:black",
                moving("bg_whitehouse.jpg", "lucy_happy.png", 1.5, 480, 360));
        assertThat(FfmpegClips.cropdetect(clip, "limit=24:round=2:reset=0:skip=0")).isEqualTo("480:360:80:0");
        RgbImage cli = cliFirstFrame(clip, "crop=480:360:80:0", work.resolve("ref.png"));
        Path ep = extract(work, clip);

        for (Path f : frames(ep)) {
            assertThat(SidecarStore.read(f).get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(480, 360));
            assertThat(source(f).geometry()).isEqualTo(new FrameGeometry(640, 360, "1:1", "16:9",
                    new FrameGeometry.Crop(480, 360, 80, 0, "auto")));
        }
        assertThat(VideoFrames.meanAbsDiff(cli, LOADER.load(frames(ep).get(0)))).isLessThan(1.0);
    }

    @Test
    void aCropToAWidthSwscaleDoesNotWorkInWholeBlocksOfIsConvertedWithoutOverrunningTheFrame(@TempDir Path work) throws Exception {
        // 4-pixel bars leave 316 columns: swscale's SIMD writes past the end of such a row (it crashed the JVM
        // with "malloc(): invalid size" before the frame buffer had rows to spare)
        Path clip = FfmpegClips.record(work.resolve("narrow.mp4"), "pad=320:240:2:0:black",
                moving("bg_whitehouse.jpg", "lucy_happy.png", 1.0, 316, 240));
        RgbImage cli = cliFirstFrame(clip, "crop=316:240:2:0", work.resolve("ref.png"));
        Path ep = extract(work, clip, "--dedup");

        List<Path> frames = frames(ep);
        assertThat(frames).isNotEmpty();
        for (Path f : frames) {
            assertThat(SidecarStore.read(f).get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(316, 240));
        }
        assertThat(VideoFrames.meanAbsDiff(cli, LOADER.load(frames.get(0)))).isLessThan(1.0);
    }

    @Test
    void letterboxBarsOfScopeContentAreCutAndADarkSceneDoesNotShrinkTheCrop(@TempDir Path work) throws Exception {
        // a night scene (darkened, a black sky over its top 40 %) first, then daylight, then the night again
        Scene night = moving("bg_cave.jpg", "eileen_concerned.png", 1.5, 640, 268)
                .with("lutrgb=r=val*0.25:g=val*0.25:b=val*0.25,drawbox=x=0:y=0:w=iw:h=ih*0.4:color=black:t=fill");
        Scene day = moving("bg_washington.jpg", "lucy_happy.png", 1.5, 640, 268);
        String letterbox = "pad=640:360:0:46:black";
        Path clip = FfmpegClips.record(work.resolve("film.mp4"), letterbox, night, day, night);
        Path nightOnly = FfmpegClips.record(work.resolve("night.mp4"), letterbox, night);
        String nightCrop = FfmpegClips.cropdetect(nightOnly, "limit=24:round=2:reset=0:skip=0");
        assertThat(Integer.parseInt(nightCrop.split(":")[1])).as("the night scene alone would shrink the crop").isLessThan(268);
        assertThat(FfmpegClips.cropdetect(clip, "limit=24:round=2:reset=0:skip=0")).isEqualTo("640:268:0:46");

        Path ep = extract(work, clip);
        List<Path> frames = frames(ep);
        assertThat(frames.stream().map(f -> source(f).time()).filter(t -> t < 1.5)).as("night frames written").isNotEmpty();
        for (Path f : frames) {
            assertThat(SidecarStore.read(f).get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(640, 268));
            assertThat(source(f).geometry().crop()).isEqualTo(new FrameGeometry.Crop(640, 268, 0, 46, "auto"));
        }
    }

    @Test
    void cropAndScalingComeAfterMpdecimateSoItsDecisionsStayTheCliS(@TempDir Path work) throws Exception {
        Path clip = FfmpegClips.record(work.resolve("dvd.mp4"), "pad=iw:ih+64:0:32:black,scale=720:480,setsar=32/27",
                moving("bg_whitehouse.jpg", "eileen_vhappy.png", 1.0, 854, 416),
                Scene.of("bg_cave.jpg", "lucy_mad.png", 0.5, 854, 416),
                moving("bg_washington.jpg", null, 1.0, 854, 416));
        List<Long> cli = FfmpegCliReference.keptFrames(clip, "mpdecimate=" + Selection.DEFAULT_MPDECIMATE, 24);
        Path copy = work.resolve("copy.mp4");
        Files.copy(clip, copy);
        Path cropped = extract(work.resolve("auto"), clip);
        Path whole = extract(work.resolve("none"), copy, "--crop", "none");

        List<Long> auto = frames(cropped).stream().map(f -> source(f).frameIndex()).toList();
        List<Long> none = frames(whole).stream().map(f -> source(f).frameIndex()).toList();
        assertThat(auto).isEqualTo(cli).isEqualTo(none);
        FrameSource first = source(frames(cropped).get(0));
        assertThat(first.geometry().crop()).isNotNull();
        assertThat(first.geometry().crop().height()).isBetween(410, 422);
        assertThat(SidecarStore.read(frames(whole).get(0)).get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(854, 480));
    }

    @Test
    void aManualCropIsCutFromEveryEpisodeAndTheExternalFfmpegCutsTheSame(@TempDir Path work) throws Exception {
        Path clip = FfmpegClips.record(work.resolve("dvd.mp4"), "scale=720:480,setsar=32/27",
                moving("bg_washington.jpg", "lucy_happy.png", 1.0, 854, 480));
        Path copy = work.resolve("copy.mp4");
        Files.copy(clip, copy);
        Path ours = extract(work.resolve("a"), clip, "--crop", "640:480:40:0");
        Path ext = extract(work.resolve("b"), copy, "--crop", "640:480:40:0", "--ffmpeg", FfmpegCliReference.binary().toString());
        FrameSource s = source(frames(ours).get(0));
        assertThat(s.geometry()).isEqualTo(new FrameGeometry(720, 480, "32:27", "16:9",
                new FrameGeometry.Crop(640, 480, 40, 0, "manual")));
        // 640 stored columns at 32:27 are 758.5 square pixels: rounded to an even 758
        assertThat(LOADER.load(frames(ours).get(0)).width()).isEqualTo(758);
        assertThat(frames(ext).stream().map(f -> source(f).frameIndex()).toList())
                .isEqualTo(frames(ours).stream().map(f -> source(f).frameIndex()).toList());
        assertThat(VideoFrames.meanAbsDiff(LOADER.load(frames(ours).get(0)), LOADER.load(frames(ext).get(0)))).isLessThan(1.5);
    }

    @Test
    void aCropThatDoesNotFitIsOneProblemAndABadOneAUsageError(@TempDir Path work) throws Exception {
        Path clip = FfmpegClips.record(work.resolve("a.mp4"), null, Scene.of("bg_cave.jpg", null, 0.5, 320, 180));
        Path src = Files.createDirectories(work.resolve("src"));
        Files.move(clip, src.resolve("show_01.mp4"));
        String dst = work.resolve("out").toString();
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst, "-q", "--crop", "400:180:0:0")).isEqualTo(2);
        assertThat(work.resolve("out/EP01").resolve(CompletionMarker.FILE)).doesNotExist();
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst, "-q", "--crop", "wide")).isEqualTo(1);
        assertThat(Main.run("extract", "--src", src.toString(), "--dst", dst, "-q", "--crop", "none")).isZero();
        Sidecar side = SidecarStore.read(work.resolve("out/EP01/show_EP01_1.png"));
        assertThat(side.get(FrameSource.SECTION, FrameSource.class).orElseThrow().geometry())
                .isEqualTo(new FrameGeometry(320, 180, "1:1", "16:9", null));
    }
}
