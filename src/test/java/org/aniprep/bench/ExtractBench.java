package org.aniprep.bench;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.demo.Shot;
import org.aniprep.extract.DecodedFrame;
import org.aniprep.extract.ExtractOptions;
import org.aniprep.extract.Extractor;
import org.aniprep.extract.FrameEncoder;
import org.aniprep.extract.FrameGate;
import org.aniprep.extract.Hwaccel;
import org.aniprep.extract.JavacvDecoder;
import org.aniprep.extract.Selection;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.SceneClips;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extraction speed on a generated 1080p anime-style clip, every figure from this one process:
 * decode only, decode + mpdecimate, {@code aniprep extract} to PNG, and the ffmpeg CLI doing the
 * same (decode + mpdecimate to null, and writing PNGs). Goal: extract ≤ 1.5× the CLI writing PNGs.
 */
public final class ExtractBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Progress.setQuiet(true);
        Path work = Files.createTempDirectory("aniprep-bench-extract");
        Path clip = makeClip(work.resolve("src/bench_01.mp4"), seconds);
        System.out.printf("clip: %s, 1920x1080, %d s at 24 fps, %d cores, %d runs each (median)%n",
                clip.getFileName(), seconds, Runtime.getRuntime().availableProcessors(), runs);

        double decode = BenchTimer.medianSeconds(runs, () -> decodeOnly(clip));
        long[] kept = new long[1];
        double decimate = BenchTimer.medianSeconds(runs, () -> kept[0] = decodeAndDecimate(clip));
        int[] run = {0};
        double extract = BenchTimer.medianSeconds(runs, () -> extract(clip.getParent(), work.resolve("out" + run[0]++)));
        long pngBytes = folderBytes(work.resolve("out0/EP01"));

        System.out.printf("frames kept by mpdecimate: %d; aniprep PNG output %.1f MB%n", kept[0], pngBytes / 1e6);
        BenchTimer.row("decode only (JavaCV)", decode, decode, "of decode");
        BenchTimer.row("decode + mpdecimate (JavaCV)", decimate, decode, "of decode");
        BenchTimer.row("aniprep extract (PNG)", extract, decimate, "of decode+mpdecimate");
        if (FfmpegCliReference.available()) {
            String vf = "mpdecimate=" + Selection.DEFAULT_MPDECIMATE;
            double cliNull = BenchTimer.medianSeconds(runs, () -> FfmpegCliReference.run("-i", clip.toString(),
                    "-vf", vf, "-fps_mode", "passthrough", "-f", "null", "-"));
            Path cliOut = Files.createDirectories(work.resolve("cli"));
            double cliPng = BenchTimer.medianSeconds(runs, () -> FfmpegCliReference.run("-i", clip.toString(),
                    "-vf", vf, "-fps_mode", "passthrough", cliOut.resolve("f_%d.png").toString()));
            BenchTimer.row("ffmpeg CLI decode + mpdecimate (-f null)", cliNull, decode, "of decode");
            BenchTimer.row("ffmpeg CLI writing PNGs", cliPng, cliNull, "of CLI -f null");
            System.out.printf("ffmpeg CLI PNG output %.1f MB%n", folderBytes(cliOut) / 1e6);
            System.out.printf("RATIO aniprep extract / ffmpeg CLI PNG = %.2f (goal <= 1.5)%n", extract / cliPng);
        } else {
            System.out.println("ffmpeg CLI not installed: CLI rows skipped (apt-get install ffmpeg)");
        }
    }

    private static Path makeClip(Path target, int seconds) throws Exception {
        List<Shot> shots = new ArrayList<>();
        int frames = 0;
        Shot[] base = {
                SceneClips.held("a", 24, "bg_washington.jpg", SceneClips.sprite("eileen_happy.png", 0.5)),
                SceneClips.flap("b", 36, 3, "bg_whitehouse.jpg", SceneClips.sprite("lucy_happy.png", 0.4),
                        SceneClips.sprite("lucy_mad.png", 0.4)),
                SceneClips.pan("c", 48, 24, "bg_cave.jpg", "bg_washington.jpg", "bg_whitehouse.jpg"),
                SceneClips.slide("d", 24, "bg_cave.jpg", "eileen_vhappy.png", 0.2, 40),
                SceneClips.held("e", 30, "bg_cave.jpg", SceneClips.sprite("lucy_mad.png", 0.3),
                        SceneClips.sprite("eileen_concerned.png", 0.72)),
        };
        int i = 0;
        while (frames < seconds * 24) {
            Shot s = base[i++ % base.length];
            shots.add(s);
            frames += s.frames();
        }
        return SceneClips.record(target, SceneClips.FULL_HD, shots.toArray(Shot[]::new)).video();
    }

    private static void decodeOnly(Path clip) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.setVideoOption("threads", "auto");
            g.start();
            while (g.grabImage() != null) {
                // decoding is the work being timed
            }
            g.stop();
        }
    }

    /** Decodes a clip through mpdecimate without converting or writing frames; returns the frames kept. */
    static long decodeAndDecimate(Path clip) throws Exception {
        long n = 0;
        try (JavacvDecoder d = new JavacvDecoder(clip, Selection.mpdecimate(null), Hwaccel.NONE)) {
            DecodedFrame f;
            while ((f = d.next()) != null) {
                f.close();
                n++;
            }
        }
        return n;
    }

    private static void extract(Path src, Path dst) throws Exception {
        ExtractOptions o = new ExtractOptions(src, dst, null, false, null, null, Selection.mpdecimate(null),
                FrameEncoder.PNG, 1, Hwaccel.NONE, null, false);
        Extractor e = new Extractor(o, FrameGate.ALL);
        Problems problems = new Problems();
        e.run(e.findVideos(problems), problems);
    }

    private static long folderBytes(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
