package org.aniprep.bench;

import org.aniprep.cli.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * arrange + balance on a large tree of tiny images (a few bytes each, with a sidecar carrying the
 * seed's keys and a caption): the bookkeeping cost of the dataset stages, not image I/O. Baseline:
 * a plain recursive copy of the same files in the same process. Usage: DatasetBench [images] [runs] [quick]
 * ({@code quick}: copy, balance and rerun only, without --link and --move/--undo).
 */
public final class DatasetBench {
    private static final String[] NAMES = {"KuraueHinata", "AobaKokona", "YukimuraAoi", "KuraueMai", "AobaMai", "KurosakiHonoka",
            "Frieren", "Fern", "Stark", "Himmel", "Eileen", "Lucy", "Kraft", "Aura", "Heiter", "Eisen"};

    private DatasetBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean quick = args.length > 2 && args[2].equals("quick");
        Path work = Files.createTempDirectory("aniprep-dataset-bench");
        try {
            Path src = work.resolve("src");
            long t0 = System.nanoTime();
            build(src, n, new Random(7));
            System.out.printf("%d images (+ sidecar + caption each) built in %.1f s; %d run(s) each, median%n", n,
                    (System.nanoTime() - t0) / 1e9, runs);
            double copy = BenchTimer.medianSeconds(runs, () -> {
                Path d = work.resolve("plain");
                plainCopy(src, d);
                delete(d);
            });
            BenchTimer.row("plain recursive copy (baseline)", copy, copy, "");
            double arrange = BenchTimer.medianSeconds(runs, () -> {
                Path d = work.resolve("dst");
                check(Main.run("arrange", "--src", src.toString(), "--dst", d.toString(), "--no-report", "--quiet"));
                delete(d);
            });
            BenchTimer.row("arrange --copy", arrange, copy, "of the plain copy");
            if (!quick) {
                moves(work, src, runs, copy);
            }
            Path tree = work.resolve("tree");
            check(Main.run("arrange", "--src", src.toString(), "--dst", tree.toString(), "--link", "--no-report", "--quiet"));
            double balance = BenchTimer.medianSeconds(runs, () ->
                    check(Main.run("balance", "--src", tree.toString(), "--no-report", "--quiet")));
            BenchTimer.row("balance (multiply.txt, unchanged after run 1)", balance, copy, "of the plain copy");
            double rerun = BenchTimer.medianSeconds(runs, () ->
                    check(Main.run("arrange", "--src", src.toString(), "--dst", tree.toString(), "--link", "--no-report", "--quiet")));
            BenchTimer.row("arrange rerun (everything in place)", rerun, copy, "of the plain copy");
            System.out.printf("arrange --copy + balance: %.1f s for %d images (%.0f images/s)%n", arrange + balance, n,
                    n / (arrange + balance));
        } finally {
            delete(work);
        }
    }

    private static void moves(Path work, Path src, int runs, double copy) throws Exception {
        double link = BenchTimer.medianSeconds(runs, () -> {
            Path d = work.resolve("dst");
            check(Main.run("arrange", "--src", src.toString(), "--dst", d.toString(), "--link", "--no-report", "--quiet"));
            delete(d);
        });
        BenchTimer.row("arrange --link", link, copy, "of the plain copy");
        double[] undo = {0};
        double move = BenchTimer.medianSeconds(runs, () -> {
            Path d = work.resolve("dst");
            check(Main.run("arrange", "--src", src.toString(), "--dst", d.toString(), "--move", "--no-report", "--quiet"));
            long u = System.nanoTime();
            check(Main.run("arrange", "--undo", d.toString(), "--quiet"));
            undo[0] = (System.nanoTime() - u) / 1e9;
            delete(d);
        });
        BenchTimer.row("arrange --move + --undo", move, copy, "of the plain copy");
        BenchTimer.row("  of which --undo (last run)", undo[0], copy, "of the plain copy");
    }

    private static void check(int code) {
        if (code != 0) {
            throw new IllegalStateException("aniprep exited " + code);
        }
    }

    static void build(Path src, int n, Random rnd) throws IOException {
        for (int i = 0; i < n; i++) {
            Path dir = src.resolve("EP" + (i % 50 + 1));
            if (i < 50) {
                Files.createDirectories(dir);
            }
            String stem = "show_EP" + (i % 50 + 1) + "_" + i;
            int k = rnd.nextInt(10) < 2 ? 0 : 1 + (rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(3));
            StringBuilder chars = new StringBuilder();
            StringBuilder pos = new StringBuilder();
            for (int c = 0; c < k; c++) {
                chars.append(c == 0 ? "" : ",").append('"').append(NAMES[rnd.nextInt(NAMES.length)]).append('"');
                pos.append(c == 0 ? "" : ",").append("\"fvp 10 ").append(20 + rnd.nextInt(70)).append(" fhp 10 30\"");
            }
            Files.writeString(dir.resolve(stem + ".png"), "px" + i);
            Files.writeString(dir.resolve(stem + ".json"), "{\"schema\":2,\"file\":\"" + stem + ".png\",\"count\":\"" + k
                    + "\",\"characters\":[" + chars + "],\"general\":\"anishot showEP" + (i % 50 + 1) + "\",\"facepos\":[" + pos
                    + "],\"tags\":[\"long_hair\",\"smile\"]}");
            Files.writeString(dir.resolve(stem + ".txt"), "caption " + i);
        }
    }

    private static void plainCopy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
