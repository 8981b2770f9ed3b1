package org.aniprep.dataset;

import org.aniprep.cli.Main;
import org.aniprep.dataset.balance.ImageTree;
import org.aniprep.dataset.balance.MultiplyPlan;
import org.aniprep.dataset.balance.WeightTable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random trees: arrange never loses or duplicates a file, --undo restores the source byte for byte, balance matches the weights. */
class DatasetPropertyTest {
    private static final String[] NAMES = {"Ann", "Bob", "Cy", "Dr. Who", "../up", "a/b", "Émile", "x+y"};
    private static final String[] MODES = {"--copy", "--move", "--link"};

    @TempDir
    Path tmp;

    Path randomTree(Random rnd) throws Exception {
        Path src = tmp.resolve("src");
        int n = 20 + rnd.nextInt(60);
        for (int i = 0; i < n; i++) {
            Path dir = src.resolve("EP0" + rnd.nextInt(3)).resolve(rnd.nextBoolean() ? "" : "sub" + rnd.nextInt(2));
            String name = "f" + rnd.nextInt(n / 2 + 1) + (rnd.nextInt(4) == 0 ? ".jpg" : ".png");
            String stem = DatasetFixture.stem(name);
            if (Files.exists(dir.resolve(stem + ".png")) || Files.exists(dir.resolve(stem + ".jpg"))) {
                continue; // a.png beside a.jpg is its own test (they would share a.json and a.txt)
            }
            List<String> chars = new ArrayList<>();
            for (int k = rnd.nextInt(4); k > 0; k--) {
                chars.add(NAMES[rnd.nextInt(NAMES.length)]);
            }
            Path img = DatasetFixture.image(dir, name, chars, rnd.nextDouble(), rnd.nextBoolean() ? "caption " + i : null);
            byte[] noise = new byte[rnd.nextInt(64)];
            rnd.nextBytes(noise);
            Files.write(img, noise, java.nio.file.StandardOpenOption.APPEND);
            if (rnd.nextInt(5) == 0) {
                Files.delete(DatasetFixture.stem(img.toString()).equals("") ? img : Path.of(DatasetFixture.stem(img.toString()) + ".json"));
            }
            if (rnd.nextInt(6) == 0) {
                Files.writeString(Path.of(img + ".tags"), "blush, smile");
            }
        }
        return src;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void arrangeThenUndoRestoresTheSourceAndLosesNothing(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path src = randomTree(rnd);
        Path dst = tmp.resolve("dst");
        String mode = MODES[(int) (seed % MODES.length)];
        Map<String, String> before = DatasetFixture.snapshot(src);
        int min = rnd.nextInt(3);
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", dst.toString(), mode, "--regularisation", "all",
                "--min-images-per-combination", String.valueOf(min), "--no-report")).isZero();
        Map<String, String> placed = DatasetFixture.snapshot(dst, ".aniprep", "_report");
        // every source file is in the tree exactly once (sidecars gain the arrange section, so compare the others by
        // content); every image has its sidecar
        assertThat(nonSidecarContents(placed)).isEqualTo(nonSidecarContents(before));
        assertThat(count(placed.keySet(), ".json")).isEqualTo(DatasetFixture.images(dst).size());
        if (mode.equals("--move")) {
            assertThat(DatasetFixture.snapshot(src)).isEmpty();
        } else {
            assertThat(DatasetFixture.snapshot(src)).isEqualTo(before);
        }
        assertThat(Main.run("arrange", "--undo", dst.toString())).isZero();
        assertThat(DatasetFixture.snapshot(src)).isEqualTo(before);
        assertThat(DatasetFixture.snapshot(dst, ".aniprep", "_report")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void balanceSharesMatchTheWeights(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path root = tmp.resolve("tree");
        WeightTable weights = WeightTable.empty();
        Map<String, Double> weightOf = new HashMap<>();
        List<String> leaves = new ArrayList<>();
        for (int a = 0; a < 2 + rnd.nextInt(3); a++) {
            String top = "t" + a;
            double w = 0.5 + rnd.nextInt(4);
            weights.add(top, w, "test");
            weightOf.put(top, w);
            for (int b = 0; b < 1 + rnd.nextInt(3); b++) {
                String leaf = top + "/l" + b;
                double lw = 0.5 + rnd.nextInt(3);
                weights.add(leaf, lw, "test");
                weightOf.put(leaf, lw);
                leaves.add(leaf);
                Path dir = Files.createDirectories(root.resolve(leaf));
                for (int i = 0; i < 1 + rnd.nextInt(50); i++) {
                    Files.writeString(dir.resolve(i + ".png"), "x");
                }
            }
        }
        MultiplyPlan plan = MultiplyPlan.compute(ImageTree.scan(root, (p, m) -> { }), weights, 1, 1e9);
        for (MultiplyPlan.Folder f : plan.folders()) {
            String leaf = f.node().rel();
            String top = leaf.substring(0, leaf.indexOf('/'));
            double topSum = weightOf.entrySet().stream().filter(e -> !e.getKey().contains("/")).mapToDouble(Map.Entry::getValue).sum();
            double leafSum = leaves.stream().filter(l -> l.startsWith(top + "/")).mapToDouble(weightOf::get).sum();
            double expected = weightOf.get(top) / topSum * weightOf.get(leaf) / leafSum;
            assertThat(f.probability()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            // 2-decimal multiplies of at least 1: each share is off by at most 0.005 / multiply relative
            assertThat(f.share()).isCloseTo(expected, org.assertj.core.data.Offset.offset(expected * 0.01 + 1e-9));
        }
    }

    private static long count(Collection<String> paths, String suffix) {
        return paths.stream().filter(p -> p.endsWith(suffix)).count();
    }

    /** Content hashes of every file that is not a sidecar, with their multiplicity. */
    private static Map<String, Integer> nonSidecarContents(Map<String, String> snapshot) {
        Map<String, Integer> out = new HashMap<>();
        snapshot.forEach((path, hash) -> {
            if (!path.endsWith(".json")) {
                out.merge(hash, 1, Integer::sum);
            }
        });
        return out;
    }
}
