package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A setting as the command-line arguments of its option, and picocli's complaints in the user's terms. */
final class SettingArgs {
    private SettingArgs() {
    }

    /** {@code --name value}, once per element for a list (repeatable option), {@code --name k=v} per entry of a map. */
    static List<String> of(Setting s, OptionSpec opt) {
        String name = "--" + s.optionName();
        JsonNode v = s.value();
        List<String> args = new ArrayList<>();
        if (v.isArray()) {
            if (!opt.isMultiValue()) {
                throw new BadOptions(s.where() + ": takes one value, not a list");
            }
            v.forEach(e -> {
                args.add(name);
                args.add(scalar(s, e));
            });
        } else if (v.isObject()) {
            if (!Map.class.isAssignableFrom(opt.type())) {
                throw new BadOptions(s.where() + ": takes " + expected(opt) + ", not a mapping");
            }
            v.fields().forEachRemaining(e -> {
                args.add(name);
                args.add(e.getKey() + "=" + scalar(s, e.getValue()));
            });
        } else {
            args.add(name);
            args.add(scalar(s, v));
        }
        return args;
    }

    private static String scalar(Setting s, JsonNode v) {
        if (v.isContainerNode()) {
            throw new BadOptions(s.where() + ": a " + RunConfig.kind(v) + " inside a " + RunConfig.kind(s.value()) + " is not allowed here");
        }
        return v.asText();
    }

    /** The setting a parse error is about, named with its key, origin and what the key takes. */
    static BadOptions explain(String stage, List<Setting> settings, Map<String, OptionSpec> keys, CommandLine.ParameterException e) {
        if (e.getArgSpec() instanceof OptionSpec opt) {
            String key = opt.longestName().replaceFirst("^-+", "");
            Setting s = settings.stream().filter(x -> x.optionName().equals(key)).reduce((a, b) -> b).orElse(null);
            String where = s != null ? s.where() : stage + "." + key;
            String value = s != null ? show(s.value()) : "";
            return new BadOptions(where + ": " + (value.isEmpty() ? "" : value + " is not ") + expected(opt)
                    + detail(e.getMessage()));
        }
        return new BadOptions(stage + ": " + e.getMessage());
    }

    /** What an option takes, in words. */
    static String expected(OptionSpec opt) {
        Class<?> t = opt.type();
        if (opt.isMultiValue() && opt.auxiliaryTypes().length > 0) {
            t = opt.auxiliaryTypes()[opt.auxiliaryTypes().length - 1];
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(t.getEnumConstants()).map(c -> c.toString().toLowerCase()).toList());
        }
        if (t == Path.class) {
            return "a path";
        }
        return opt.paramLabel().isEmpty() ? "a valid value" : "a valid " + opt.paramLabel();
    }

    /** picocli's own reason when it adds something (a custom converter's message), without its prefix. */
    private static String detail(String message) {
        int colon = message == null ? -1 : message.indexOf("': ");
        if (colon < 0) {
            return "";
        }
        String rest = message.substring(colon + 3);
        return rest.contains("Invalid value") || rest.contains("expected one of") || rest.matches("'.*' is not an? .*") ? ""
                : " (" + rest + ")";
    }

    static String show(JsonNode v) {
        return v.isTextual() ? "'" + v.asText() + "'" : v.toString();
    }
}
