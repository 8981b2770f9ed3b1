package org.aniprep.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.aniprep.io.IoErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The settings of a run: from a config file ({@code pipeline.yaml}/{@code .yml} or {@code .toml}: one
 * section per stage, plus {@code run}) and from the command line ({@code --tag.general-threshold 0.4},
 * {@code --tag.mcut}, {@code --set tag.general-threshold=0.4}); later settings win.
 */
public final class RunConfig {
    public static final String COMMAND_LINE = "command line";

    private RunConfig() {
    }

    /** The settings of a config file, in file order. */
    public static List<Setting> read(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper mapper = name.endsWith(".toml") ? new TomlMapper()
                : name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : null;
        if (mapper == null) {
            throw new BadOptions("--config " + file + ": give a .yaml, .yml or .toml file");
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new BadOptions("--config " + file + ": not valid " + (mapper instanceof TomlMapper ? "TOML" : "YAML")
                    + " (" + e.getOriginalMessage() + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new BadOptions("--config " + file + ": " + IoErrors.describe(e));
        }
        String origin = file.getFileName().toString();
        List<Setting> settings = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new BadOptions(origin + ": expected sections (extract:, tag:, ...) at the top, found a " + kind(root));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            JsonNode body = section.getValue();
            if (body == null || body.isNull()) {
                continue;
            }
            if (!body.isObject()) {
                throw new BadOptions(origin + ": " + section.getKey() + " must hold options (key: value lines), found a " + kind(body));
            }
            body.fields().forEachRemaining(e -> settings.add(new Setting(section.getKey(), e.getKey(), e.getValue(), origin)));
        }
        return settings;
    }

    /**
     * The settings given on the command line: {@code --SECTION.KEY=VALUE}, {@code --SECTION.KEY VALUE},
     * {@code --SECTION.KEY} (a flag; true) and {@code --set SECTION.KEY=VALUE}.
     *
     * @param isFlag whether {@code section.key} names an on/off option (then a following word is not its value)
     */
    public static List<Setting> fromArgs(List<String> args, Predicate<String> isFlag) {
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String body;
            if (arg.equals("--set")) {
                if (i + 1 >= args.size() || !args.get(i + 1).contains("=")) {
                    throw new BadOptions("--set needs SECTION.KEY=VALUE, e.g. --set tag.general-threshold=0.4");
                }
                body = args.get(++i);
            } else if (arg.startsWith("--") && arg.indexOf('.') > 2) {
                body = arg.substring(2);
            } else {
                throw new BadOptions("unknown option " + arg + " (stage options are written --STAGE.OPTION VALUE, "
                        + "e.g. --tag.general-threshold 0.4; 'aniprep run --print-config' lists them)");
            }
            int eq = body.indexOf('=');
            String dotted = eq < 0 ? body : body.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (isFlag.test(dotted) || i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                value = "true";
            } else {
                value = args.get(++i);
            }
            int dot = dotted.indexOf('.');
            if (dot <= 0 || dot == dotted.length() - 1) {
                throw new BadOptions("'" + arg + "': write SECTION.KEY, e.g. tag.general-threshold");
            }
            settings.add(new Setting(dotted.substring(0, dot), dotted.substring(dot + 1), TextNode.valueOf(value), COMMAND_LINE));
        }
        return settings;
    }

    static String kind(JsonNode n) {
        return n.isArray() ? "list" : n.isObject() ? "mapping" : n.isTextual() ? "text" : n.isNumber() ? "number"
                : n.isBoolean() ? "true/false" : n.getNodeType().name().toLowerCase();
    }

    static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }
}
