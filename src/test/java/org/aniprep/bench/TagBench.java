package org.aniprep.bench;

import org.aniprep.cli.Main;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.tag.Wd14Preprocessor;
import org.aniprep.tag.Wd14StandIn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code aniprep tag} throughput against bare ONNX Runtime on the same stand-in model and batch
 * (tensors prepared beforehand, untimed), plus preprocessing cost per image. The stand-in has a small
 * convolutional branch so inference costs something; real WD14 backbones cost far more, which only
 * makes the overlap easier. Usage: TagBench SHARED_DIR [BATCH] [COPIES] [CHANNELS] [RUNS]
 */
public final class TagBench {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int channels = args.length > 3 ? Integer.parseInt(args[3]) : 48;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        Path work = Files.createTempDirectory("aniprep-tagbench");
        Path src = Files.createDirectories(work.resolve("images"));
        List<Path> pictures;
        try (Stream<Path> s = Files.list(shared.resolve("testdata/anime"))) {
            pictures = s.filter(p -> p.toString().matches(".*\\.(png|jpg)$")).sorted().toList();
        }
        for (int c = 0; c < copies; c++) {
            for (Path p : pictures) {
                Files.copy(p, src.resolve(c + "_" + p.getFileName()));
            }
        }
        List<Path> images;
        try (Stream<Path> s = Files.list(src)) {
            images = s.sorted().toList();
        }
        int n = images.size();
        Path model = new Wd14StandIn(42).writeHeavy(work.resolve("model"), channels);

        // preprocessing cost, single thread
        ImageLoader loader = new ImageLoader();
        double[] decodeMs = new double[n];
        double[] prepMs = new double[n];
        List<float[]> tensors = new ArrayList<>();
        for (int rep = 0; rep < 2; rep++) {
            tensors.clear();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                RgbImage img = loader.load(images.get(i));
                long t1 = System.nanoTime();
                tensors.add(Wd14Preprocessor.toTensor(img, 448));
                long t2 = System.nanoTime();
                decodeMs[i] = (t1 - t0) / 1e6;
                prepMs[i] = (t2 - t1) / 1e6;
            }
        }

        OnnxModel session = OnnxSessions.open(model, Device.CPU);
        long[] sampleShape = {448, 448, 3};
        BenchSupport.Task bare = () -> {
            for (int i = 0; i < n; i += batch) {
                session.runBatch(null, tensors.subList(i, Math.min(n, i + batch)), sampleShape, null);
            }
        };
        BenchSupport.Task tag = () -> {
            int rc = Main.run("tag", "--src", src.toString(), "--model", model.toString(), "--batch", String.valueOf(batch),
                    "--overwrite", "-q");
            if (rc != 0) {
                throw new IllegalStateException("aniprep tag exited " + rc);
            }
        };
        bare.run();
        tag.run();
        double[] bareMs = new double[runs];
        double[] tagMs = new double[runs];
        double[] bareCpu = new double[runs];
        double[] tagCpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            long c0 = cpuNanos();
            bareMs[r] = BenchSupport.medianMillis(0, 1, bare);
            long c1 = cpuNanos();
            tagMs[r] = BenchSupport.medianMillis(0, 1, tag);
            long c2 = cpuNanos();
            bareCpu[r] = (c1 - c0) / 1e6;
            tagCpu[r] = (c2 - c1) / 1e6;
        }
        double bareMed = median(bareMs);
        double tagMed = median(tagMs);
        System.out.printf("%d images (%d pictures x %d), batch %d, stand-in conv channels %d, %d cores, median of %d runs%n",
                n, pictures.size(), copies, batch, channels, OnnxSessions.defaultThreads(), runs);
        System.out.printf("  bare ONNX Runtime (tensors ready) : %7.2f img/s  (%.1f ms/img)%n", n * 1000 / bareMed, bareMed / n);
        System.out.printf("  aniprep tag (decode..sidecar)     : %7.2f img/s  (%.1f ms/img)%n", n * 1000 / tagMed, tagMed / n);
        System.out.printf("  ratio tag / bare                  : %7.1f %%%n", 100 * bareMed / tagMed);
        System.out.printf("  preprocessing, 1 thread, median   : decode %.1f ms/img, pad+resize+BGR %.1f ms/img%n",
                median(decodeMs), median(prepMs));
        System.out.printf("  process CPU time, median           : bare %.1f ms/img, tag %.1f ms/img (ratio %.1f %%)%n",
                median(bareCpu) / n, median(tagCpu) / n, 100 * median(bareCpu) / median(tagCpu));
        System.out.printf("  runs (ms): bare %s, tag %s; load average %.2f%n", Arrays.toString(round(bareMs)),
                Arrays.toString(round(tagMs)), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (Stream<Path> all = Files.walk(work)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }
}
