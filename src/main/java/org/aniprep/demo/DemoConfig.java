package org.aniprep.demo;

import org.aniprep.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The demo's {@code pipeline.yaml} for {@code aniprep run}, written afresh each time: what the demo
 * sets beyond the run's defaults, so a user can read it as an example config. Sections of stages this
 * build does not have are left out.
 */
final class DemoConfig {
    private DemoConfig() {
    }

    static Path write(DemoLayout layout, Set<String> stages) throws IOException {
        Path weights = layout.root().resolve("weights.csv");
        AtomicFiles.writeString(weights, "# the seed's example weights (concept_weights_example.csv)\n"
                + "1_character,2\n2_characters,2\n3_characters,1\ncharacter_others,0.8\nothers,0.4\n");
        StringBuilder b = new StringBuilder("""
                # aniprep demo: the settings it gives 'aniprep run' (see docs/run.md). The demo writes this
                # file each time it runs; copy it to start your own. 'aniprep run --print-config' lists every key.
                run:
                  refs: %s
                """.formatted(quoted(layout.refs())));
        section(b, stages, "filter", "action: move" + (FilterStep.textDetectorHere() ? "" : "\n  text: off"));
        section(b, stages, "dedup", "action: move");
        section(b, stages, "detect", "crop: faces");
        section(b, stages, "caption", "seed: 0");
        section(b, stages, "arrange", "include-crops: true\n  min-images-per-combination: 2");
        section(b, stages, "balance", "weights: " + quoted(weights) + "\n  kohya-toml: "
                + quoted(layout.root().resolve("kohya_dataset.toml")));
        Path file = layout.root().resolve("pipeline.yaml");
        AtomicFiles.writeString(file, b.toString());
        return file;
    }

    private static void section(StringBuilder b, Set<String> stages, String stage, String body) {
        if (stages.contains(stage)) {
            b.append(stage).append(":\n  ").append(body).append('\n');
        }
    }

    /** A path as a YAML string (JSON quoting is valid YAML). */
    private static String quoted(Path p) {
        return org.aniprep.sidecar.Json.MAPPER.valueToTree(p.toString()).toString();
    }

    static List<String> runArgs(DemoLayout layout, Path config) {
        return List.of("run", "--src", layout.input().toString(), "--dst", layout.run().toString(), "--config", config.toString(),
                "--offline");
    }
}
