package org.aniprep.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunConfigTest {
    @TempDir
    Path dir;

    private static String show(List<Setting> settings) {
        return String.join(" ", settings.stream().map(s -> s.section() + "." + s.key() + "=" + s.value().asText()).toList());
    }

    @Test
    void yamlAndTomlGiveTheSameSettings() throws IOException {
        Path yaml = dir.resolve("pipeline.yaml");
        Files.writeString(yaml, "tag:\n  general_threshold: 0.4\n  mcut: true\nrun:\n  refs: refs\n");
        Path toml = dir.resolve("pipeline.toml");
        Files.writeString(toml, "[tag]\ngeneral_threshold = 0.4\nmcut = true\n[run]\nrefs = \"refs\"\n");
        assertThat(show(RunConfig.read(yaml))).isEqualTo("tag.general_threshold=0.4 tag.mcut=true run.refs=refs");
        assertThat(show(RunConfig.read(toml))).isEqualTo(show(RunConfig.read(yaml)));
        assertThat(RunConfig.read(yaml).get(0).optionName()).isEqualTo("general-threshold");
    }

    @Test
    void brokenFilesAreNamedWithTheLine() throws IOException {
        Path yaml = dir.resolve("pipeline.yaml");
        Files.writeString(yaml, "tag:\n  a: 1\n b: [\n");
        assertThatThrownBy(() -> RunConfig.read(yaml)).isInstanceOf(BadOptions.class).hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
        Files.writeString(yaml, "- tag\n- dedup\n");
        assertThatThrownBy(() -> RunConfig.read(yaml)).hasMessageContaining("expected sections");
        Files.writeString(yaml, "tag: 3\n");
        assertThatThrownBy(() -> RunConfig.read(yaml)).hasMessageContaining("tag must hold options");
        assertThatThrownBy(() -> RunConfig.read(dir.resolve("p.json"))).hasMessageContaining("give a .yaml, .yml or .toml file");
    }

    @Test
    void commandLineForms() {
        List<Setting> s = RunConfig.fromArgs(List.of("--tag.general-threshold=0.4", "--tag.mcut", "--dedup.threshold", "12",
                "--set", "caption.extension=caption", "--tag.tags-file", "--detect.crop", "faces"), k -> k.equals("tag.tags-file"));
        assertThat(show(s)).isEqualTo("tag.general-threshold=0.4 tag.mcut=true dedup.threshold=12 caption.extension=caption "
                + "tag.tags-file=true detect.crop=faces");
        assertThatThrownBy(() -> RunConfig.fromArgs(List.of("--bogus"), k -> false)).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> RunConfig.fromArgs(List.of("--set", "x"), k -> false)).hasMessageContaining("--set needs");
    }
}
