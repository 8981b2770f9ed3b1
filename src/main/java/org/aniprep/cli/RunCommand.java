package org.aniprep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.character.ClassifyStage;
import org.aniprep.dataset.arrange.ArrangeStage;
import org.aniprep.dataset.balance.BalanceStage;
import org.aniprep.dataset.caption.CaptionStage;
import org.aniprep.dataset.metadata.MetadataStage;
import org.aniprep.dedup.DedupStage;
import org.aniprep.dedup.ExtractDedupGate;
import org.aniprep.detect.DetectStage;
import org.aniprep.dataset.fanart.FanartStage;
import org.aniprep.extract.ExtractStage;
import org.aniprep.filter.FilterStage;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.report.RunReport;
import org.aniprep.report.RunReportData;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.pipeline.Engine;
import org.aniprep.pipeline.PipelineRunner;
import org.aniprep.pipeline.RunConfig;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.RunRequest;
import org.aniprep.pipeline.Setting;
import org.aniprep.pipeline.Stage;
import org.aniprep.tag.TagStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code aniprep run}: the whole pipeline, from episodes to a balanced dataset, from one command and one config. */
@Command(name = "run", description = {"Run the whole pipeline: extract (with streaming dedup), filter, dedup, detect, tag "
        + "(when the tagger is on the machine), classify, metadata, caption, arrange, balance.",
        "Under --dst: frames/ (working frames and their records), clusters/, dataset/ (the training tree), report.html.",
        "A rerun does only what is missing (new episodes, an interrupted stage). Stage options: --STAGE.OPTION VALUE "
                + "(e.g. --tag.general-threshold 0.4) or in --config; 'aniprep run --print-config' lists them all."})
public final class RunCommand implements Callable<Integer> {
    /** The stages in pipeline order. */
    static List<Stage<?>> stages() {
        return List.of(new ExtractStage(ExtractDedupGate::streaming), new FilterStage(), new DedupStage(), new FanartStage(), new DetectStage(),
                new TagStage(), new ClassifyStage(), new MetadataStage(), new CaptionStage(), new ArrangeStage(), new BalanceStage());
    }

    @Option(names = "--src", paramLabel = "VIDEOS", description = "Folder of episodes (or one video file).")
    Path src;

    @Option(names = "--dst", paramLabel = "DIR", description = "The run folder (new, empty, or an earlier run's).")
    Path dst;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings: pipeline.yaml (.yml) or .toml, one section per stage "
            + "plus 'run' (src, dst, refs, extra, required).")
    Path config;

    @Option(names = "--from", paramLabel = "STAGE", description = "Start at this stage (the earlier ones are taken as done).")
    String from;

    @Option(names = "--to", paramLabel = "STAGE", description = "Stop after this stage.")
    String to;

    @Option(names = "--refs", paramLabel = "DIR", description = "Reference images of the characters, one folder per character (classify).")
    Path refs;

    @Option(names = "--extra", paramLabel = "DIR[:WEIGHT]", description = "Fan art or other images to add to the dataset (arrange); repeatable.")
    List<String> extras = new ArrayList<>();

    @Option(names = "--overwrite", description = "Redo the stages whose options changed since they finished, and the stages after them.")
    boolean overwrite;

    @Option(names = "--print-config", description = "Print the effective configuration (defaults, config file, command line) as YAML and stop.")
    boolean printConfig;

    @Option(names = "--offline", description = "Never download models; stages whose model is not on the machine are skipped "
            + "(sets offline for every stage that loads a model).")
    boolean offline;

    @Option(names = "--device", paramLabel = "cpu|cuda", description = "Where models run, for every stage that loads one (default cpu).")
    String device;

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", description = "Where the work runs: "
            + "this JVM, or Apache Spark (--master; the per-episode stages as tasks, the global ones here; docs/spark.md). "
            + "Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master (local[N], "
            + "spark://host:7077, ...; default: the spark-submit one, else local[*]).")
    String master;

    @Mixin
    LockOptions locking;

    @Unmatched
    List<String> stageArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new BadOptions("--engine is local or spark, not '" + engine + "'");
        }
        if (master != null && engine.equals("local")) {
            throw new BadOptions("--master " + master + " needs --engine spark");
        }
        PipelineRunner runner = runner(Engine.LOCAL);
        List<Setting> settings = new ArrayList<>(config == null ? List.of() : readConfig(config));
        RunSettings run = RunSettings.of(settings);
        List<BoundStage<?>> probe = runner.bind(layout(run, true), settings);
        settings.addAll(runWide(probe));
        settings.addAll(RunConfig.fromArgs(stageArgs, dotted -> isFlag(probe, dotted)));
        run = RunSettings.of(settings);
        List<Setting> stageSettings = settings.stream().filter(s -> !s.section().equals(PipelineRunner.RUN_SECTION)).toList();
        if (printConfig) {
            RunLayout layout = layout(run, true);
            System.out.print(ConfigPrinter.yaml(run.values(src, dst, refs, extras), runner.bind(layout, stageSettings)));
            System.out.flush();
            return 0;
        }
        RunLayout layout = layout(run, false);
        if (!Files.exists(layout.videos())) {
            throw new BadOptions("--src " + layout.videos() + ": no such file or folder");
        }
        Set<String> required = new LinkedHashSet<>(run.required());
        RunRequest request = new RunRequest(layout, stageSettings, from, to, overwrite, locking.waits(), required);
        if (engine.equals("local")) {
            return runner.run(request);
        }
        try (Engine spark = EngineLoader.open(engine, master, layout)) {
            return runner(spark).run(request);
        }
    }

    private static PipelineRunner runner(Engine engine) {
        return new PipelineRunner(stages(), (layout, records) -> RunReport.write(layout.report(), RunReportData.of(layout, records)),
                engine);
    }

    /** --offline and --device as settings of each stage that has them (a stage's own setting after them wins). */
    private List<Setting> runWide(List<BoundStage<?>> stages) {
        List<Setting> out = new ArrayList<>();
        for (BoundStage<?> s : stages) {
            if (offline && s.hasOption("offline")) {
                out.add(new Setting(s.name(), "offline", com.fasterxml.jackson.databind.node.BooleanNode.TRUE, "--offline"));
            }
            if (device != null && s.hasOption("device")) {
                out.add(new Setting(s.name(), "device", com.fasterxml.jackson.databind.node.TextNode.valueOf(device), "--device"));
            }
        }
        return out;
    }

    private static List<Setting> readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadOptions("--config " + file + ": no such file");
        }
        return RunConfig.read(file);
    }

    private RunLayout layout(RunSettings run, boolean placeholders) {
        Path videos = src != null ? src : run.path("src");
        Path root = dst != null ? dst : run.path("dst");
        if (!placeholders && (videos == null || root == null)) {
            throw new BadOptions("give --src VIDEOS and --dst DIR (or run.src and run.dst in --config)");
        }
        Path r = refs != null ? refs : run.path("refs");
        List<String> ex = !extras.isEmpty() ? extras : run.extras();
        return new RunLayout(videos != null ? videos : Path.of("VIDEOS"), root != null ? root : Path.of("DIR"), r, ex);
    }

    private static boolean isFlag(List<BoundStage<?>> stages, String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String section = dotted.substring(0, dot);
        String key = dotted.substring(dot + 1);
        return stages.stream().filter(s -> s.name().equals(section)).anyMatch(s -> s.isFlag(key));
    }

    /** The config's own {@code run} section: src, dst, refs, extra, required. */
    record RunSettings(List<Setting> settings) {
        static final List<String> KEYS = List.of("src", "dst", "refs", "extra", "required");

        static RunSettings of(List<Setting> all) {
            List<Setting> mine = all.stream().filter(s -> s.section().equals(PipelineRunner.RUN_SECTION)).toList();
            for (Setting s : mine) {
                if (!KEYS.contains(s.key())) {
                    List<String> near = org.aniprep.pipeline.NearestKeys.of(s.key(), KEYS, 2);
                    throw new BadOptions(s.where() + ": run has no such key" + (near.isEmpty() ? "" : "; did you mean run."
                            + String.join(", run.", near) + "?") + " (run's keys: " + String.join(", ", KEYS) + ")");
                }
            }
            return new RunSettings(mine);
        }

        JsonNode last(String key) {
            return settings.stream().filter(s -> s.key().equals(key)).map(Setting::value).reduce((a, b) -> b).orElse(null);
        }

        Path path(String key) {
            JsonNode v = last(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new BadOptions("run." + key + ": takes a path, not " + v);
            }
            return Path.of(v.asText());
        }

        List<String> list(String key) {
            JsonNode v = last(key);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (v.isArray()) {
                v.forEach(e -> out.add(e.asText()));
            } else {
                out.add(v.asText());
            }
            return out;
        }

        List<String> extras() {
            return list("extra");
        }

        List<String> required() {
            return list("required");
        }

        java.util.Map<String, Object> values(Path src, Path dst, Path refs, List<String> extras) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("src", src != null ? src.toString() : path("src") == null ? null : path("src").toString());
            m.put("dst", dst != null ? dst.toString() : path("dst") == null ? null : path("dst").toString());
            m.put("refs", refs != null ? refs.toString() : path("refs") == null ? null : path("refs").toString());
            m.put("extra", !extras.isEmpty() ? extras : extras());
            m.put("required", required());
            return m;
        }
    }
}
