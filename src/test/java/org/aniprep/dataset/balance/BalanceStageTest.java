package org.aniprep.dataset.balance;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.pipeline.StageRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The balance stage through its contract alone, as {@code aniprep run} uses it. */
class BalanceStageTest {
    @TempDir
    Path tmp;

    private final StringWriter table = new StringWriter();
    private final BalanceStage stage = new BalanceStage(new PrintWriter(table));

    private BalanceStage.Options options(String... args) {
        BalanceStage.Options o = stage.newOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private Path tree() throws Exception {
        Path root = tmp.resolve("dataset");
        for (String folder : List.of("1_character/Ann", "others")) {
            Path dir = Files.createDirectories(root.resolve(folder));
            for (int i = 0; i < (folder.equals("others") ? 8 : 2); i++) {
                Files.writeString(dir.resolve("i" + i + ".png"), "x");
            }
        }
        return root;
    }

    @Test
    void runsAloneThenARerunChangesNothing() throws Exception {
        Path root = tree();
        BalanceStage.Options o = options("--src", root.toString(), "--no-report");
        assertThat(StageRunner.alone(stage, o, "aniprep test", false)).isZero();
        assertThat(root.resolve("1_character/Ann/multiply.txt")).hasContent("4.0");
        assertThat(root.resolve("others/multiply.txt")).hasContent("1.0");
        assertThat(table.toString()).contains("1_character/Ann", "10 image(s) in 2 folder(s)");

        StageResult again = stage.run(o, new StageContext(new Problems()));
        assertThat(again.counts()).containsEntry("folders", 2L).containsEntry("images", 10L).containsEntry("changed", 0L);
        assertThat(again.lines()).containsExactly("multiply.txt in 2 folder(s) (0 changed), multiply 1.0 to 4.0");
    }

    @Test
    void badOptionsAndTheFoldersItWrites() throws Exception {
        Path root = tree();
        assertThatThrownBy(() -> stage.check(options("--src", root.toString(), "--min-multiply", "0"))).isInstanceOf(BadOptions.class);
        assertThat(stage.writes(options("--src", root.toString(), "--kohya-folders")))
                .containsExactly(root, root.toAbsolutePath().resolveSibling("dataset_kohya"));
    }

    @Test
    void aRunBalancesItsDatasetWithoutAReportInsideIt() {
        RunLayout layout = new RunLayout(tmp.resolve("videos"), tmp.resolve("run"), null, List.of());
        assertThat(stage.layoutArgs(layout)).containsExactly("--src", layout.dataset().toString());
        assertThat(stage.runDefaults()).containsExactly("--no-report");
    }
}
