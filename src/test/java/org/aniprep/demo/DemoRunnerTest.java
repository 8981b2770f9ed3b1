package org.aniprep.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo runs 'aniprep run' once with its config, then tells what each stage this build has did. */
class DemoRunnerTest {
    @TempDir
    Path dir;

    private final List<List<String>> ran = new ArrayList<>();
    private final StringWriter out = new StringWriter();

    @Test
    void oneRunWithTheDemoConfigThenEachStagesReport() throws IOException {
        int exit = run(2, step("first"), step("unbuilt"), step("third"));

        assertThat(exit).isEqualTo(2);
        assertThat(ran).hasSize(1);
        List<String> args = ran.get(0);
        assertThat(args.subList(0, 5)).containsExactly("run", "--src", dir.resolve("input").toString(), "--dst",
                dir.resolve("run").toString());
        assertThat(args).contains("--config", dir.resolve("pipeline.yaml").toString(), "--offline");
        assertThat(Files.readString(dir.resolve("pipeline.yaml"))).contains("run:\n  refs: ");
        assertThat(out.toString()).contains("run: finished with problems, exit 2").contains("the ERROR lines above")
                .contains("first did it").contains("third did it").doesNotContain("unbuilt");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("href=\"#first\"").contains("first did it");
    }

    @Test
    void aUsageErrorIsPassedOnWithoutReports() throws IOException {
        assertThat(run(1, step("first"))).isEqualTo(1);
        assertThat(out.toString()).contains("run: failed, exit 1").doesNotContain("first did it");
    }

    private int run(int code, DemoStep... steps) throws IOException {
        ToIntFunction<String[]> cli = args -> {
            ran.add(List.of(args));
            return code;
        };
        DemoRunner runner = new DemoRunner(new DemoLayout(dir), ClipRecorder.Settings.of(160, 90), 1, cli,
                name -> !name.equals("unbuilt"), new PrintWriter(out));
        return runner.run(List.of(steps));
    }

    private static DemoStep step(String name) {
        return new DemoStep(name, c -> new DemoStep.Report(List.of(name + " did it"), List.of()));
    }
}
