package org.aniprep.bench;

import org.aniprep.cli.Main;
import org.aniprep.console.Progress;
import org.aniprep.dedup.BitHash;
import org.aniprep.dedup.DedupOptions;
import org.aniprep.dedup.GreedyGrouper;
import org.aniprep.dedup.HammingIndex;
import org.aniprep.dedup.NeighbourIndex;
import org.aniprep.demo.Shot;
import org.aniprep.dedup.VectorIndex;
import org.aniprep.testing.PlantedEmbeddings;
import org.aniprep.testing.PlantedHashes;
import org.aniprep.testing.SceneClips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Dedup figures from one process: (1) global greedy grouping of 10 000 and 100 000 colour-pHash
 * hashes (192 bits, threshold 20), multi-index hashing vs exhaustive scan, time and index memory;
 * goal 100 000 in < 10 s; 768-d embeddings, Lucene HNSW vs exhaustive, time and recall (goal ≥ 0.99). (2) {@code extract --dedup} vs {@code extract} then {@code dedup} on a
 * generated 1080p clip with recurring shots, time and bytes written; goal extract --dedup ≤ 2.5×
 * decode+mpdecimate.
 */
public final class DedupBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        String part = args.length > 2 ? args[2] : "all";
        Progress.setQuiet(true);
        System.out.printf("%d cores, %d runs each (median)%n", Runtime.getRuntime().availableProcessors(), runs);
        if (!part.equals("extraction")) {
            grouping(runs, new int[]{10_000, 100_000});
        }
        if (!part.equals("extraction")) {
            embeddings(runs);
        }
        if (!part.equals("grouping")) {
            extraction(runs, seconds);
        }
    }

    private static void grouping(int runs, int[] sizes) throws Exception {
        int bits = 192;
        int t = DedupOptions.DEFAULT_HASH_THRESHOLD;
        System.out.printf("%n== grouping: %d-bit hashes, threshold %d ==%n", bits, t);
        for (double distinct : new double[]{0.1, 1.0}) {
            for (int n : sizes) {
                List<BitHash> hashes = PlantedHashes.generate(n, bits, t, distinct, 7L * n);
                int[][] result = new int[2][];
                double indexed = BenchTimer.medianSeconds(runs, () -> result[0] = GreedyGrouper.group(hashes, new HammingIndex(bits, t)));
                double exhaustive = BenchTimer.medianSeconds(n > 20_000 ? 1 : runs,
                        () -> result[1] = GreedyGrouper.group(hashes, new HammingIndex.Exhaustive(t)));
                long groups = Arrays.stream(result[0]).filter(new java.util.function.IntPredicate() {
                    int i;
                    public boolean test(int r) {
                        return r == i++;
                    }
                }).count();
                String label = distinct < 1
                        ? String.format("%,d hashes, %.0f%% near-duplicates of %,d planted centres + %.0f%% random (%,d groups)",
                                n, (1 - distinct) * 100, n / 20, distinct * 100, groups)
                        : String.format("%,d hashes, all random (%,d groups)", n, groups);
                System.out.println(label + (Arrays.equals(result[0], result[1]) ? ", identical groups" : ", GROUPS DIFFER"));
                BenchTimer.row("  exhaustive scan", exhaustive, exhaustive, "of exhaustive");
                BenchTimer.row("  multi-index hashing", indexed, exhaustive, "of exhaustive");
                System.out.printf("  index memory: multi-index %.1f MB, exhaustive list %.1f MB%n",
                        retainedMb(() -> fill(new HammingIndex(bits, t), hashes)),
                        retainedMb(() -> fill(new HammingIndex.Exhaustive(t), hashes)));
                if (n == 100_000) {
                    System.out.printf("  GOAL 100 000 hashes grouped in < 10 s: %.2f s -> %s%n", indexed, indexed < 10 ? "met" : "NOT met");
                }
            }
        }
    }

    /** HNSW (Lucene) vs exhaustive greedy grouping of 768-d unit embeddings: time and recall. */
    private static void embeddings(int runs) throws Exception {
        double t = 0.95;
        System.out.printf("%n== grouping: 768-d embeddings, cosine >= %.2f (HNSW M=16, beam 100, %d candidates) ==%n",
                t, VectorIndex.DEFAULT_CANDIDATES);
        for (int n : new int[]{10_000, 20_000}) {
            List<float[]> vectors = PlantedEmbeddings.generate(n, 768, 0.2, 0.006, 5L * n);
            int[][] r = new int[2][];
            double ann = BenchTimer.medianSeconds(runs, () -> r[0] = GreedyGrouper.group(vectors, new VectorIndex(t)));
            double exact = BenchTimer.medianSeconds(1, () -> r[1] = GreedyGrouper.group(vectors, new VectorIndex.Exhaustive(t)));
            int same = 0;
            long groups = 0;
            for (int i = 0; i < n; i++) {
                same += r[0][i] == r[1][i] ? 1 : 0;
                groups += r[1][i] == i ? 1 : 0;
            }
            System.out.printf("%,d embeddings (%,d groups exhaustive): recall (same representative) %.4f (goal >= 0.99)%n",
                    n, groups, same / (double) n);
            BenchTimer.row("  exhaustive scan", exact, exact, "of exhaustive");
            BenchTimer.row("  HNSW", ann, exact, "of exhaustive");
        }
    }

    private static Object fill(NeighbourIndex<BitHash> index, List<BitHash> hashes) {
        GreedyGrouper<BitHash> g = new GreedyGrouper<>(index);
        hashes.forEach(g::offer);
        return g;
    }

    /** Heap still used while the built structure is alive, beyond what was used before building it. */
    private static double retainedMb(Supplier<Object> build) {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Object kept = build.get();
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (kept.hashCode() == 42) {
            System.out.print("");
        }
        return (after - before) / 1e6;
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static void extraction(int runs, int seconds) throws Exception {
        Path work = Files.createTempDirectory("aniprep-bench-dedup");
        Path src = Files.createDirectories(work.resolve("src"));
        makeClip(src.resolve("bench_01.mp4"), seconds);
        System.out.printf("%n== extraction: bench_01.mp4, 1920x1080, %d s at 24 fps, shots recur (cut-backs) ==%n", seconds);
        long[] kept = new long[1];
        double decimate = BenchTimer.medianSeconds(runs, () -> kept[0] = ExtractBench.decodeAndDecimate(src.resolve("bench_01.mp4")));
        int[] run = {0};
        double extract = BenchTimer.medianSeconds(runs, () -> check(Main.run("extract", "--src", src.toString(),
                "--dst", work.resolve("plain" + run[0]++).toString(), "-q")));
        double dedupOnly = BenchTimer.medianSeconds(runs, () -> {
            Path out = work.resolve("then" + run[0]++);
            check(Main.run("extract", "--src", src.toString(), "--dst", out.toString(), "-q"));
            long t0 = System.nanoTime();
            check(Main.run("dedup", "--src", out.toString(), "--keep", "first", "--no-report", "-q"));
            dedupSeconds.add((System.nanoTime() - t0) / 1e9);
        });
        double streamed = BenchTimer.medianSeconds(runs, () -> check(Main.run("extract", "--src", src.toString(),
                "--dst", work.resolve("streamed" + run[0]++).toString(), "--dedup", "-q")));
        Path then = lastFolder(work, "then");
        Path stream = lastFolder(work, "streamed");
        System.out.printf("frames after mpdecimate: %d; after dedup: %d (extract+dedup) / %d (extract --dedup)%n",
                kept[0], count(then, false), count(stream, false));
        BenchTimer.row("decode + mpdecimate (JavaCV)", decimate, decimate, "of decode+mpdecimate");
        BenchTimer.row("aniprep extract (PNG, no dedup)", extract, decimate, "of decode+mpdecimate");
        BenchTimer.row("aniprep extract, then dedup --keep first", dedupOnly, decimate, "of decode+mpdecimate");
        dedupSeconds.sort(null);
        System.out.printf("  (of which dedup: %.2f s median)%n", dedupSeconds.get(dedupSeconds.size() / 2));
        BenchTimer.row("aniprep extract --dedup", streamed, decimate, "of decode+mpdecimate");
        System.out.printf("bytes written: extract then dedup %.1f MB (%d images), extract --dedup %.1f MB (%d images): %.2fx%n",
                bytes(then) / 1e6, count(then, true), bytes(stream) / 1e6, count(stream, true), bytes(stream) / (double) bytes(then));
        System.out.printf("RATIO extract --dedup / extract-then-dedup = %.2f%n", streamed / dedupOnly);
        System.out.printf("GOAL extract --dedup <= 2.5x decode+mpdecimate: %.2fx -> %s%n", streamed / decimate,
                streamed / decimate <= 2.5 ? "met" : "NOT met");
    }

    private static final List<Double> dedupSeconds = new ArrayList<>();

    private static void check(int exit) {
        if (exit != 0) {
            throw new IllegalStateException("command failed with exit " + exit);
        }
    }

    private static Path lastFolder(Path work, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).max(Path::compareTo).orElseThrow();
        }
    }

    private static long bytes(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long count(Path dir, boolean includingRemoved) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".png"))
                    .filter(p -> includingRemoved || !p.toString().contains("_removed")).count();
        }
    }

    /** Shots that come back again and again (as in an episode cutting between two speakers). */
    private static void makeClip(Path target, int seconds) throws Exception {
        Shot[] base = {
                SceneClips.held("a", 24, "bg_washington.jpg", SceneClips.sprite("eileen_happy.png", 0.5)),
                SceneClips.flap("b", 36, 3, "bg_whitehouse.jpg", SceneClips.sprite("lucy_happy.png", 0.4),
                        SceneClips.sprite("lucy_mad.png", 0.4)),
                SceneClips.flap("c", 24, 4, "bg_washington.jpg", SceneClips.sprite("eileen_happy.png", 0.5),
                        SceneClips.sprite("eileen_vhappy.png", 0.5)),
                SceneClips.slide("d", 24, "bg_cave.jpg", "eileen_vhappy.png", 0.2, 40),
                SceneClips.held("e", 30, "bg_cave.jpg", SceneClips.sprite("lucy_mad.png", 0.3),
                        SceneClips.sprite("eileen_concerned.png", 0.72)),
        };
        List<Shot> shots = new ArrayList<>();
        int frames = 0;
        for (int i = 0; frames < seconds * 24; i++) {
            shots.add(base[i % base.length]);
            frames += base[i % base.length].frames();
        }
        SceneClips.record(target, SceneClips.FULL_HD, shots.toArray(Shot[]::new));
    }
}
