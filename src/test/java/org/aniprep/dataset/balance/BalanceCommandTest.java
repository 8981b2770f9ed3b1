package org.aniprep.dataset.balance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.aniprep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceCommandTest {
    @TempDir
    Path tmp;

    void images(String folder, int n) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree").resolve(folder));
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve("i" + i + ".png"), "x");
            Files.writeString(dir.resolve("i" + i + ".txt"), "caption " + i);
        }
    }

    String multiply(String folder) throws Exception {
        return Files.readString(tmp.resolve("tree").resolve(folder).resolve("multiply.txt"));
    }

    @Test
    void siblingsGetTheirWeightedShareWhateverTheirCounts() throws Exception {
        images("1_character/Ann", 100);
        images("1_character/Bob", 10);
        images("others", 40);
        Path csv = tmp.resolve("w.csv");
        Files.writeString(csv, "folder,weight\n1_character,2\nothers,1\nnot_a_folder,3\n");
        Path toml = tmp.resolve("kohya.toml");
        assertThat(Main.run("balance", "--src", tmp.resolve("tree").toString(), "--weights", csv.toString(),
                "--kohya-toml", toml.toString(), "--kohya-folders")).isZero();
        // probabilities: Ann 1/3, Bob 1/3, others 1/3 → per image 1/300, 1/30, 1/120 → ÷ min
        assertThat(multiply("1_character/Ann")).isEqualTo("1.0");
        assertThat(multiply("1_character/Bob")).isEqualTo("10.0");
        assertThat(multiply("others")).isEqualTo("2.5");
        JsonNode config = new TomlMapper().readTree(toml.toFile());
        JsonNode subsets = config.get("datasets").get(0).get("subsets");
        assertThat(subsets).hasSize(3);
        assertThat(subsets.get(1).get("image_dir").asText()).endsWith("1_character/Bob");
        assertThat(subsets.get(1).get("num_repeats").asInt()).isEqualTo(10);
        assertThat(config.get("general").get("caption_extension").asText()).isEqualTo(".txt");
        Path kohya = tmp.resolve("tree_kohya");
        assertThat(kohya.resolve("10_1_character~Bob/i3.png")).exists();
        assertThat(kohya.resolve("10_1_character~Bob/i3.txt")).hasContent("caption 3");
        assertThat(tmp.resolve("tree/_report/dataset.html")).content().contains("×10.0");
    }

    @Test
    void minAndMaxMultiply() throws Exception {
        images("a", 1000);
        images("b", 1);
        assertThat(Main.run("balance", "--src", tmp.resolve("tree").toString(), "--min-multiply", "2", "--max-multiply", "50",
                "--no-report")).isZero();
        assertThat(multiply("a")).isEqualTo("2.0");
        assertThat(multiply("b")).isEqualTo("50.0");
    }

    @Test
    void aBadWeightsLineIsAUsageError() throws Exception {
        images("a", 1);
        Path csv = tmp.resolve("w.csv");
        Files.writeString(csv, "a,2\nb,heavy\n");
        assertThat(Main.run("balance", "--src", tmp.resolve("tree").toString(), "--weights", csv.toString())).isEqualTo(1);
        assertThat(tmp.resolve("tree/a/multiply.txt")).doesNotExist();
    }

    @Test
    void kohyaFoldersNeverReplaceSomeoneElsesFolder() throws Exception {
        images("a", 1);
        Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(tmp.resolve("mine/keep.png"), "x");
        assertThat(Main.run("balance", "--src", tmp.resolve("tree").toString(), "--kohya-folders", tmp.resolve("mine").toString()))
                .isEqualTo(1);
        assertThat(tmp.resolve("mine/keep.png")).exists();
    }

    @Test
    void globsMatchThePathBelowTheTree() {
        WeightTable t = WeightTable.empty().add("*/face_height_ratio_75-100", 0.3, "test").add("KuraueHinata+YukimuraAoi", 2, "test");
        assertThat(t.weightOf("face_height_ratio_75-100", "1_character/A/face_height_ratio_75-100", "/x")).isEqualTo(0.3);
        assertThat(t.weightOf("face_height_ratio_75-100", "face_height_ratio_75-100", "/x")).isEqualTo(1);
        assertThat(t.weightOf("KuraueHinata+YukimuraAoi", "2_characters/KuraueHinata+YukimuraAoi", "/x")).isEqualTo(2);
        assertThat(WeightTable.fnmatch("a[!b]?*")).isEqualTo("(?s)\\Qa\\E[^b]..*");
    }

    @Test
    void largestRemainderKeepsTheTotalClose() {
        int[] images = {100, 10, 40, 7};
        double[] m = {1.0, 10.0, 2.5, 1.49};
        int[] r = KohyaRepeats.of(images, m);
        double target = 100 + 100 + 100 + 7 * 1.49;
        long total = 0;
        for (int i = 0; i < r.length; i++) {
            total += (long) images[i] * r[i];
        }
        assertThat(Math.abs(total - target)).isLessThanOrEqualTo(20);
        assertThat(r).containsExactly(1, 10, 3, 1);
    }

    @Test
    void multiplyTextAsTheSuccessorWritesIt() {
        assertThat(MultiplyPlan.format(1)).isEqualTo("1.0");
        assertThat(MultiplyPlan.format(3.1707983)).isEqualTo("3.17");
        assertThat(MultiplyPlan.format(2.5)).isEqualTo("2.5");
        assertThat(MultiplyPlan.round2(2.675)).isEqualTo(2.67); // binary 2.67499…, as numpy.around
    }
}
