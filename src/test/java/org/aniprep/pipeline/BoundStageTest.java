package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundStageTest {
    @TempDir
    Path dir;

    private RunLayout layout() {
        return new RunLayout(dir.resolve("videos"), dir.resolve("run"), null, List.of());
    }

    private List<Setting> yaml(String text) throws IOException {
        Path f = dir.resolve("pipeline.yaml");
        Files.writeString(f, text);
        return RunConfig.read(f);
    }

    @Test
    void configValuesReachTheOptionsAndTheCommandLineWins() throws IOException {
        List<Setting> s = new java.util.ArrayList<>(yaml("""
                fake:
                  threshold: 0.7
                  mode: careful
                  flag: true
                  names: [a, b]
                """));
        s.addAll(RunConfig.fromArgs(List.of("--fake.threshold", "0.9", "--set", "fake.count=5"), k -> false));
        BoundStage<FakeStage.Options> b = BoundStage.bind(new FakeStage("fake"), layout(), s);
        FakeStage.Options o = b.options();
        assertThat(o.threshold).isEqualTo(0.9);
        assertThat(o.count).isEqualTo(5);
        assertThat(o.mode).isEqualTo(FakeStage.Mode.CAREFUL);
        assertThat(o.flag).isTrue();
        assertThat(o.names).containsExactly("a", "b");
        assertThat(o.src).isEqualTo(layout().frames());
        assertThat(b.effective().toString()).isEqualTo(
                "{\"threshold\":0.9,\"count\":5,\"mode\":\"careful\",\"flag\":true,\"names\":[\"a\",\"b\"],\"overwrite\":false,\"jobs\":2}");
        assertThat(b.resultOptions().has("jobs")).isFalse();
    }

    @Test
    void defaultsAreEffectiveWithoutSettings() {
        BoundStage<FakeStage.Options> b = BoundStage.bind(new FakeStage("fake"), layout(), List.of());
        assertThat(b.effective().get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(b.effective().get("mode").asText()).isEqualTo("fast");
        assertThat(b.keys()).doesNotContain("src");
        assertThat(b.description("threshold")).isEqualTo("Keep above this. Default: 0.5.");
    }

    @Test
    void aTypoNamesTheNearestKeys() throws IOException {
        List<Setting> s = yaml("fake:\n  treshold: 0.7\n");
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(), s))
                .isInstanceOf(BadOptions.class)
                .hasMessageContaining("pipeline.yaml: fake.treshold: fake has no such option; did you mean fake.threshold?");
    }

    @Test
    void aWrongTypeNamesTheKeyAndWhereItWasSet() throws IOException {
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(), yaml("fake:\n  count: many\n")))
                .hasMessage("pipeline.yaml: fake.count: 'many' is not a whole number");
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(), yaml("fake:\n  mode: quick\n")))
                .hasMessageStartingWith("pipeline.yaml: fake.mode: 'quick' is not one of fast, careful");
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(), yaml("fake:\n  flag: 3\n")))
                .hasMessage("pipeline.yaml: fake.flag: takes true or false, not 3");
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(), yaml("fake:\n  threshold: [1, 2]\n")))
                .hasMessage("pipeline.yaml: fake.threshold: takes one value, not a list");
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(),
                List.of(new Setting("fake", "threshold", TextNode.valueOf("high"), RunConfig.COMMAND_LINE))))
                .hasMessage("command line: fake.threshold: 'high' is not a number");
    }

    @Test
    void folderOptionsBelongToTheRun() {
        assertThatThrownBy(() -> BoundStage.bind(new FakeStage("fake"), layout(),
                List.of(new Setting("fake", "src", TextNode.valueOf("/elsewhere"), "pipeline.yaml"))))
                .hasMessageContaining("fake.src: set by aniprep run from its folders");
    }

    @Test
    void snakeCaseKeysAndFalseFlagsWork() {
        BoundStage<FakeStage.Options> b = BoundStage.bind(new FakeStage("fake"), layout(),
                List.of(new Setting("fake", "flag", BooleanNode.TRUE, "a"), new Setting("fake", "flag", TextNode.valueOf("false"), "b")));
        assertThat(b.options().flag).isFalse();
    }
}
