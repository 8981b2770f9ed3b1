package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineRunnerTest {
    @TempDir
    Path dir;

    final FakeStage a = new FakeStage("alpha");
    final FakeStage b = new FakeStage("beta");
    final FakeStage c = new FakeStage("gamma", "model x (org/x) not found. Run 'aniprep models fetch x' where the network is reachable");
    final List<List<StageRecord>> reports = new ArrayList<>();
    final PipelineRunner runner = new PipelineRunner(List.of(a, b, c), (layout, records) -> reports.add(records));

    private RunLayout layout() {
        return new RunLayout(dir.resolve("videos"), dir.resolve("run"), null, List.of());
    }

    private RunRequest request(List<Setting> settings, String from, String to, boolean overwrite, Set<String> required) {
        return new RunRequest(layout(), settings, from, to, overwrite, false, required);
    }

    @Test
    void theRunRecordNamesTheInputsSoApplyRunsLikeTheRun() throws IOException {
        RunLayout given = new RunLayout(dir.resolve("videos"), dir.resolve("run"), dir.resolve("my refs"), List.of(dir + "/fan art:2"));
        assertThat(runner.run(new RunRequest(given, List.of(), null, null, false, false, Set.of()))).isZero();
        RunLayout read = RunState.load(layout()).recordedLayout(dir.resolve("run"));
        assertThat(read).isEqualTo(given);
        // a folder made before the inputs were recorded: no references, no fan art
        RunLayout old = RunState.load(new RunLayout(dir.resolve("v"), dir.resolve("old"), null, List.of())).recordedLayout(dir.resolve("old"));
        assertThat(old.refs()).isNull();
        assertThat(old.extras()).isEmpty();
    }

    @Test
    void runsTheStagesInOrderSkipsAMissingModelAndReports() throws IOException {
        assertThat(runner.run(request(List.of(), null, null, false, Set.of()))).isZero();
        assertThat(a.runs).hasSize(1);
        assertThat(b.runs).hasSize(1);
        assertThat(c.runs).isEmpty();
        List<StageRecord> records = reports.get(0);
        assertThat(records).extracting(StageRecord::status)
                .containsExactly(StageRecord.Status.RAN, StageRecord.Status.RAN, StageRecord.Status.SKIPPED);
        assertThat(records.get(2).note()).contains("aniprep models fetch x");
        assertThat(Files.readString(RunState.fileOf(layout()))).contains("\"alpha\"", "\"beta\"").doesNotContain("gamma");
    }

    @Test
    void aRequiredStageWithoutItsModelStopsTheRun() {
        assertThatThrownBy(() -> runner.run(request(List.of(), null, null, false, Set.of("gamma"))))
                .isInstanceOf(BadOptions.class).hasMessageContaining("gamma is required").hasMessageContaining("aniprep models fetch x");
    }

    @Test
    void fromAndToChooseTheStages() throws IOException {
        runner.run(request(List.of(), "beta", "beta", false, Set.of()));
        assertThat(a.runs).isEmpty();
        assertThat(b.runs).hasSize(1);
        assertThat(reports.get(0)).extracting(StageRecord::status)
                .containsExactly(StageRecord.Status.NOT_RUN, StageRecord.Status.RAN, StageRecord.Status.NOT_RUN);
        assertThatThrownBy(() -> runner.run(request(List.of(), "gamma", "alpha", false, Set.of())))
                .hasMessageStartingWith("--from gamma comes after --to alpha");
        assertThatThrownBy(() -> runner.run(request(List.of(), "btea", null, false, Set.of())))
                .hasMessageStartingWith("--from btea: no such stage; did you mean beta?");
    }

    @Test
    void anUnknownSectionNamesTheNearestStage() {
        List<Setting> s = List.of(new Setting("alpah", "count", TextNode.valueOf("3"), "pipeline.yaml"));
        assertThatThrownBy(() -> runner.run(request(s, null, null, false, Set.of())))
                .hasMessageStartingWith("pipeline.yaml: alpah is not a stage; did you mean alpha?");
    }

    @Test
    void changedOptionsAskForOverwriteThenRedoThatStageAndTheLaterOnes() throws IOException {
        runner.run(request(List.of(), null, null, false, Set.of()));
        List<Setting> changed = List.of(new Setting("beta", "threshold", TextNode.valueOf("0.8"), "pipeline.yaml"));
        assertThatThrownBy(() -> runner.run(request(changed, null, null, false, Set.of())))
                .isInstanceOf(BadOptions.class)
                .hasMessageContaining("beta (threshold 0.5 → 0.8)").hasMessageContaining("--overwrite");
        assertThat(b.runs).hasSize(1);
        List<Setting> faster = List.of(new Setting("beta", "jobs", TextNode.valueOf("8"), "pipeline.yaml"));
        runner.run(request(faster, null, null, false, Set.of())); // speed options redo nothing
        assertThat(b.runs.get(1).overwrite).isFalse();
        runner.run(request(changed, null, null, true, Set.of()));
        assertThat(a.runs.get(2).overwrite).isFalse();
        assertThat(b.runs.get(2).overwrite).isTrue();
        assertThat(b.runs.get(2).threshold).isEqualTo(0.8);
        runner.run(request(changed, null, null, false, Set.of()));
        assertThat(b.runs.get(3).overwrite).isFalse();
    }

    @Test
    void aFolderOfSomethingElseOrFromANewerAniprepIsRefused() throws IOException {
        Files.createDirectories(layout().root());
        Files.writeString(layout().root().resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> runner.run(request(List.of(), null, null, false, Set.of())))
                .hasMessageContaining("holds other things (notes.txt)");
        Files.delete(layout().root().resolve("notes.txt"));
        Files.createDirectories(layout().state());
        Files.writeString(RunState.fileOf(layout()), "{\"format\": 7, \"aniprep\": \"3.2.0\", \"stages\": {}}");
        assertThatThrownBy(() -> runner.run(request(List.of(), null, null, false, Set.of())))
                .hasMessageContaining("written by aniprep 3.2.0 (run folder format 7)");
        assertThat(a.runs).isEmpty();
    }
}
