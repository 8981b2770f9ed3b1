package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stage with its options filled for a run: the layout's folders, then the stage's run defaults,
 * then the settings (config file, then command line; the last setting of a key wins). Every key is
 * checked against the stage's picocli options: unknown keys name the nearest valid ones, bad values
 * name the key and where it was set.
 */
public final class BoundStage<O> {
    /** Options that change how fast or where a stage runs, not what it produces (no redo when they change). */
    static final Set<String> RESULT_NEUTRAL = Set.of("jobs", "batch", "device", "offline", "hwaccel", "ffmpeg", "overwrite", "wait");

    private final Stage<O> stage;
    private final O options;
    private final Map<String, OptionSpec> keys;
    private final Map<String, Setting> settings;
    private final CommandLine parsed;

    private BoundStage(Stage<O> stage, CommandLine parsed, Map<String, OptionSpec> keys, Map<String, Setting> settings) {
        this.stage = stage;
        this.parsed = parsed;
        this.options = parsed.getCommand();
        this.keys = keys;
        this.settings = settings;
    }

    /** @param settings this stage's settings, in the order given */
    public static <O> BoundStage<O> bind(Stage<O> stage, RunLayout layout, List<Setting> settings) {
        List<String> layoutArgs = stage.layoutArgs(layout);
        Map<String, OptionSpec> keys = keys(stage, layoutArgs);
        Map<String, Setting> last = new LinkedHashMap<>();
        for (Setting s : settings) {
            OptionSpec opt = keys.get(s.optionName());
            if (opt == null) {
                throw unknown(stage, layoutArgs, keys, s);
            }
            if (s.value() == null || s.value().isNull()) {
                last.remove(s.optionName());
                continue;
            }
            last.remove(s.optionName());
            last.put(s.optionName(), s);
            parse(stage, layoutArgs, List.of(s), keys); // a bad value is named on its own
        }
        List<Setting> chosen = new ArrayList<>(last.values());
        return new BoundStage<>(stage, parse(stage, layoutArgs, chosen, keys), keys, last);
    }

    public Stage<O> stage() {
        return stage;
    }

    public String name() {
        return stage.name();
    }

    public O options() {
        return options;
    }

    /** The option keys the config may set (all but the layout's). */
    public Set<String> keys() {
        return keys.keySet();
    }

    /** Whether {@code key} is an on/off option. */
    public boolean isFlag(String key) {
        OptionSpec o = keys.get(key.replace('_', '-'));
        return o != null && isBoolean(o);
    }

    public boolean hasOption(String key) {
        return keys.containsKey(key);
    }

    /** Every key with its effective value (set, or default), as the config file would write it. */
    public ObjectNode effective() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        keys.forEach((key, opt) -> out.set(key, valueOf(key, parsed.getCommandSpec().findOption("--" + key))));
        return out;
    }

    /** {@link #effective} without the options that do not change what the stage produces. */
    public ObjectNode resultOptions() {
        ObjectNode out = effective().deepCopy();
        out.remove(RESULT_NEUTRAL);
        try { // as it reads back from run.json (3 is an int there, a long here), so the two compare equal
            return (ObjectNode) org.aniprep.sidecar.Json.MAPPER.readTree(out.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key's help text (first line), for --print-config. */
    public String description(String key) {
        String[] d = keys.get(key).description();
        return d.length == 0 ? "" : d[0].replace("${DEFAULT-VALUE}", String.valueOf(keys.get(key).defaultValue()));
    }

    public void check() {
        stage.check(options);
    }

    /** The settings it was bound with (the last one for each option), e.g. to bind it again on another JVM. */
    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    public Optional<String> unavailable() {
        return stage.unavailable(options);
    }

    public List<Path> writes() {
        return stage.writes(options);
    }

    public StageResult run(StageContext context) throws IOException {
        return stage.run(options, context);
    }

    private static <O> Map<String, OptionSpec> keys(Stage<O> stage, List<String> layoutArgs) {
        Set<String> layout = new LinkedHashSet<>();
        layoutArgs.stream().filter(a -> a.startsWith("--")).forEach(a -> layout.add(a.substring(2)));
        layout.addAll(stage.layoutOptions());
        Map<String, OptionSpec> keys = new LinkedHashMap<>();
        for (OptionSpec o : commandLine(stage.newOptions()).getCommandSpec().options()) {
            String key = o.longestName().replaceFirst("^-+", "");
            if (!layout.contains(key) && !o.usageHelp() && !o.versionHelp()) {
                keys.put(key, o);
            }
        }
        return keys;
    }

    private static CommandLine commandLine(Object options) {
        CommandLine cl = new CommandLine(options);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }

    /** Fills a fresh options object from the layout, the run defaults and {@code settings}. */
    private static <O> CommandLine parse(Stage<O> stage, List<String> layoutArgs, List<Setting> settings, Map<String, OptionSpec> keys) {
        O options = stage.newOptions();
        CommandLine cl = commandLine(options);
        List<String> args = new ArrayList<>(layoutArgs);
        Set<String> set = new LinkedHashSet<>();
        settings.forEach(s -> set.add(s.optionName()));
        args.addAll(withoutKeys(stage.runDefaults(), set));
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (Setting s : settings) {
            OptionSpec opt = keys.get(s.optionName());
            if (isBoolean(opt)) {
                flags.put(s.optionName(), flag(s));
            } else {
                args.addAll(SettingArgs.of(s, opt));
            }
        }
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw SettingArgs.explain(stage.name(), settings, keys, e);
        }
        flags.forEach((name, value) -> cl.getCommandSpec().findOption("--" + name).setValue(value));
        return cl;
    }

    /** Run defaults minus those a setting overrides ({@code --dedup}, or {@code --format png}). */
    private static List<String> withoutKeys(List<String> args, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.startsWith("--") ? a.substring(2).split("=", 2)[0] : null;
            boolean hasValue = name != null && !a.contains("=") && i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            if (name != null && keys.contains(name)) {
                if (hasValue) {
                    i++;
                }
                continue;
            }
            out.add(a);
        }
        return out;
    }

    static boolean isBoolean(OptionSpec o) {
        return (o.type() == boolean.class || o.type() == Boolean.class) && o.arity().max() == 0;
    }

    private static boolean flag(Setting s) {
        JsonNode v = s.value();
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String t = v.asText().trim().toLowerCase();
        if (v.isTextual() && (t.equals("true") || t.equals("false"))) {
            return t.equals("true");
        }
        throw new BadOptions(s.where() + ": takes true or false, not " + SettingArgs.show(v));
    }

    /** An option's value as the config file would write it (custom types as they were given, or their default text). */
    private JsonNode valueOf(String key, OptionSpec o) {
        Object v;
        try {
            v = o.getValue();
        } catch (RuntimeException e) { // an option inside an argument group that was not given
            v = null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode simple = simple(v);
        if (simple != null) {
            return simple;
        }
        if (v instanceof java.util.Collection<?> c) {
            var arr = f.arrayNode();
            c.forEach(e -> arr.add(simple(e) != null ? simple(e) : f.textNode(String.valueOf(e))));
            return arr;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode obj = f.objectNode();
            m.forEach((k, e) -> obj.set(String.valueOf(k), simple(e) != null ? simple(e) : f.textNode(String.valueOf(e))));
            return obj;
        }
        if (settings.containsKey(key)) {
            return settings.get(key).value();
        }
        if (v == null) {
            return o.defaultValue() == null ? f.nullNode() : f.textNode(o.defaultValue());
        }
        return o.defaultValue() != null ? f.textNode(o.defaultValue()) : f.textNode(v.toString());
    }

    private static JsonNode simple(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return f.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        if (v instanceof Enum<?> e) {
            return f.textNode(e.name().toLowerCase());
        }
        if (v instanceof String || v instanceof Path) {
            return f.textNode(v.toString());
        }
        return null;
    }

    private static <O> BadOptions unknown(Stage<O> stage, List<String> layoutArgs, Map<String, OptionSpec> keys, Setting s) {
        String name = s.optionName();
        if (layoutArgs.contains("--" + name)) {
            return new BadOptions(s.where() + ": set by aniprep run from its folders (--src, --dst, --refs, --extra); "
                    + "it cannot be set here");
        }
        List<String> near = NearestKeys.of(name, keys.keySet(), 3);
        return new BadOptions(s.where() + ": " + stage.name() + " has no such option"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near.stream().map(k -> stage.name() + "." + k).toList()) + "?")
                + " ('aniprep run --print-config' lists them all)");
    }
}
