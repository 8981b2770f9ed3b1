package org.aniprep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.sidecar.Json;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code aniprep run --print-config}: the effective configuration as a commented pipeline.yaml. */
final class ConfigPrinter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_ ./:+-]*");
    private static final List<String> RESERVED = List.of("true", "false", "null", "yes", "no", "on", "off", "~");

    private ConfigPrinter() {
    }

    static String yaml(Map<String, Object> run, List<BoundStage<?>> stages) {
        StringBuilder b = new StringBuilder();
        b.append("# aniprep run: the effective configuration (defaults, then --config, then the command line).\n");
        b.append("# Save as pipeline.yaml and pass --config pipeline.yaml; any key also works as --STAGE.KEY VALUE.\n");
        b.append("# null: not set; the stage then uses the built-in default its comment names.\n");
        b.append("run:\n");
        run.forEach((k, v) -> b.append("  ").append(k).append(": ").append(scalar(Json.MAPPER.valueToTree(v))).append('\n'));
        for (BoundStage<?> s : stages) {
            b.append('\n').append(s.name()).append(":\n");
            ObjectNode values = s.effective();
            for (String key : s.keys()) {
                String help = s.description(key);
                if (!help.isBlank()) {
                    b.append("  # ").append(help.replace('\n', ' ')).append('\n');
                }
                b.append("  ").append(key).append(": ").append(scalar(values.get(key))).append('\n');
            }
        }
        return b.toString();
    }

    /** A YAML value: plain where unambiguous, JSON (which YAML reads) otherwise. */
    static String scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String t = v.asText();
            boolean plain = PLAIN.matcher(t).matches() && !RESERVED.contains(t.toLowerCase()) && !t.endsWith(" ");
            return plain ? t : v.toString();
        }
        return v.toString();
    }
}
