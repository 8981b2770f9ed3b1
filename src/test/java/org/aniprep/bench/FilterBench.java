package org.aniprep.bench;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.filter.FilterOptions;
import org.aniprep.filter.FilterRun;
import org.aniprep.filter.FrameChecks;
import org.aniprep.filter.TextDetector;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.testing.SceneClips;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Filter throughput on 1080p PNG frames of the shared art: {@code aniprep filter --text off} and with
 * the PP-OCRv4 text detector, against decoding the same PNGs alone (the floor), and the parts in
 * memory (measures, preprocessing, detector). Arguments: shared folder, frames (24), runs (3).
 */
public final class FilterBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Progress.setQuiet(true);
        Path dir = Files.createTempDirectory("filter-bench");
        String[] sprites = {"eileen_happy.png", "lucy_mad.png", "eileen_concerned.png", "lucy_happy.png"};
        for (int i = 0; i < n; i++) {
            // shots of 4 frames, a character sliding a little in each
            int shot = i / 4;
            double x = 0.3 + 0.1 * (shot % 3) + 0.01 * (i % 4);
            BufferedImage img = new BufferedImage(1920, 1080, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            SceneClips.scene(SceneClips.BACKGROUNDS[shot % 3], SceneClips.sprite(sprites[shot % sprites.length], x)).paint(g, 1920, 1080);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(String.format("frame_%03d.png", i)).toFile());
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        ImageLoader loader = new ImageLoader();
        TextDetector detector = TextDetector.open(new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)));
        System.out.printf("%d 1080p PNG frames, %d runs, medians; %d cores (machine shared with other builds: ±20%%)%n",
                n, runs, Runtime.getRuntime().availableProcessors());
        double decode = BenchTimer.medianSeconds(runs, () -> {
            for (Path f : files) {
                loader.load(f);
            }
        });
        RgbImage one = loader.load(files.get(0));
        for (int i = 0; i < 3; i++) {
            FrameChecks.measure(one); // warm up the JIT before timing parts of a millisecond
            detector.prepare(one);
        }
        double measure = BenchTimer.medianSeconds(runs, () -> FrameChecks.measure(one)) * 1000;
        double prepare = BenchTimer.medianSeconds(runs, () -> detector.prepare(one)) * 1000;
        TextDetector.Input in = detector.prepare(one);
        detector.detect(List.of(in));
        double detect = BenchTimer.medianSeconds(runs, () -> detector.detect(List.of(in, in, in, in))) * 1000 / 4;
        double textOff = BenchTimer.medianSeconds(runs, () -> run(dir, FilterOptions.TextMode.off, null));
        double textOn = BenchTimer.medianSeconds(runs, () -> {
            clearText(files);
            run(dir, FilterOptions.TextMode.drop, detector);
        });
        BenchTimer.row("decode the PNGs only (ImageLoader)", decode, decode, "decode");
        BenchTimer.row("aniprep filter --text off", textOff, decode, "decode");
        BenchTimer.row("aniprep filter (text detector)", textOn, decode, "decode");
        System.out.printf("frames/s: decode %.1f, filter --text off %.1f, filter with text %.1f (%.2fx the time of --text off)%n",
                n / decode, n / textOff, n / textOn, textOn / textOff);
        System.out.printf("in memory per frame: measures %.1f ms, detector preprocessing %.1f ms, detector (960x544, batch 4) %.0f ms%n",
                measure, prepare, detect);
    }

    private static void run(Path dir, FilterOptions.TextMode text, TextDetector detector) throws Exception {
        Problems problems = new Problems();
        new FilterRun(new FilterOptions(dir, text, FilterOptions.BlurMode.keep, FilterOptions.Action.report, null), detector, problems).run();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.list().toString());
        }
    }

    /** Drops the recorded text boxes, so each timed run detects again. */
    private static void clearText(List<Path> files) {
        for (Path f : files) {
            org.aniprep.sidecar.SidecarStore.update(f, s -> s.remove(org.aniprep.sidecar.FilterInfo.SECTION));
        }
    }
}
