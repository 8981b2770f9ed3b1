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
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** How the runner treats a step's outcome: problems, usage errors, missing models, unbuilt stages. */
class DemoRunnerTest {
    @TempDir
    Path dir;

    private final List<String> ran = new ArrayList<>();
    private final StringWriter out = new StringWriter();

    @Test
    void aStepWithProblemsIsReportedAndSetsTheExitCodeButLaterStepsStillRun() throws IOException {
        int exit = run(Map.of("first", 2, "third", 0), step("first"), unavailable("second"), step("third"));

        assertThat(exit).isEqualTo(2);
        assertThat(ran).containsExactly("first", "third");
        assertThat(out.toString()).contains("first: finished with problems, exit 2").contains("the ERROR lines above")
                .contains("demo: second skipped: no model here").contains("third: exit 0");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("aniprep second  (skipped)")
                .contains("no model here").contains("href=\"#first\"");
    }

    @Test
    void aSkippedStepIsNoFailure() throws IOException {
        assertThat(run(Map.of("first", 0), step("first"), unavailable("second"))).isZero();
        assertThat(out.toString()).contains("demo: second skipped");
    }

    @Test
    void aUsageErrorStopsTheDemoAndUnbuiltStagesAreLeftOut() throws IOException {
        int exit = run(Map.of("first", 1, "third", 0), step("unbuilt"), step("first"), step("third"));

        assertThat(exit).isEqualTo(1);
        assertThat(ran).containsExactly("first");
        assertThat(out.toString()).contains("first: failed, exit 1").contains("later stages skipped").doesNotContain("unbuilt");
    }

    private int run(Map<String, Integer> codes, DemoStep... steps) throws IOException {
        ToIntFunction<String[]> cli = args -> {
            ran.add(args[0]);
            return codes.get(args[0]);
        };
        DemoRunner runner = new DemoRunner(new DemoLayout(dir), ClipRecorder.Settings.of(160, 90), 1, cli,
                name -> !name.equals("unbuilt"), new PrintWriter(out));
        return runner.run(List.of(steps));
    }

    private static DemoStep step(String name) {
        return new DemoStep(name, c -> List.of(name), c -> new DemoStep.Report(List.of(name + " did it"), List.of()));
    }

    private static DemoStep unavailable(String name) {
        return new DemoStep(name, c -> List.of(name), c -> new DemoStep.Report(List.of(), List.of()),
                c -> Optional.of("no model here"));
    }
}
