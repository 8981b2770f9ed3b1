package org.aniprep.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.aniprep.console.Problems;
import org.aniprep.dedup.ExtractDedupGate;
import org.aniprep.extract.EpisodePlan;
import org.aniprep.extract.ExtractStage;
import org.aniprep.extract.Extractor;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Setting;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Spark task needs to extract the i-th episode of a run (the run's layout and extract's
 * settings, as plain strings), and what it sends back. On the executor the stage is bound again from
 * the same settings, so its options are the driver's; the episodes are planned again from the same
 * videos, so the i-th is the driver's i-th.
 */
record EpisodeTask(String videos, String root, String refs, List<String> extras, List<List<String>> settings, SparkVersions driver)
        implements Serializable {

    /** One bad input, as the task saw it. */
    record Problem(String file, String message) implements Serializable {
    }

    /** A task's result: the episode's counts ({@link Extractor.Summary}'s), its bad inputs, where and how long it ran. */
    record Outcome(int episode, long[] counts, List<Problem> problems, String host, long millis) implements Serializable {
        static Outcome of(int episode, Extractor.Summary s, List<Problem> problems, String host, long millis) {
            return new Outcome(episode, new long[] {s.episodes(), s.extracted(), s.skipped(), s.failed(), s.frames(), s.decoded()},
                    problems, host, millis);
        }

        Extractor.Summary summary() {
            return new Extractor.Summary((int) counts[0], (int) counts[1], (int) counts[2], (int) counts[3], counts[4], counts[5]);
        }
    }

    static EpisodeTask of(RunLayout layout, List<Setting> settings, SparkVersions driver) {
        return new EpisodeTask(layout.videos().toString(), layout.root().toString(),
                layout.refs() == null ? null : layout.refs().toString(), List.copyOf(layout.extras()), flatten(settings), driver);
    }

    /** Settings as strings (section, key, JSON value, origin), for a task to bind the stage again. */
    static List<List<String>> flatten(List<Setting> settings) {
        List<List<String>> flat = new ArrayList<>();
        for (Setting s : settings) {
            flat.add(List.of(s.section(), s.key(), s.value().toString(), s.origin()));
        }
        return List.copyOf(flat);
    }

    Outcome extract(int index) throws IOException {
        long t0 = System.currentTimeMillis();
        String host = host();
        Optional<String> versions = SparkVersions.executorMismatch(driver, SparkVersions.here(), host);
        if (versions.isPresent()) {
            throw new IOException(versions.get());
        }
        Path src = Path.of(videos);
        if (!Files.exists(src)) {
            throw new IOException("--src " + src + " cannot be seen on executor host " + host
                    + " (inputs and the run folder must be on a path every executor sees, docs/spark.md)");
        }
        if (!Files.isDirectory(Path.of(root))) {
            throw new IOException("--dst " + root + " cannot be seen on executor host " + host
                    + " (inputs and the run folder must be on a path every executor sees, docs/spark.md)");
        }
        ExtractStage stage = new ExtractStage(ExtractDedupGate::streaming);
        ExtractStage.Options o = BoundStage.bind(stage, layout(), decodedSettings()).options();
        List<EpisodePlan> plans = ExtractStage.episodes(o, new Problems()); // the driver reported the planner's problems
        if (index >= plans.size()) {
            throw new IOException("episode " + index + " of " + src + " is gone on host " + host + " (" + plans.size()
                    + " episode(s) there): did --src change during the run?");
        }
        Problems problems = new Problems();
        Extractor.Summary summary = stage.extractEpisode(o, plans.get(index), problems);
        List<Problem> bad = problems.list().stream().map(p -> new Problem(p.file(), p.message())).toList();
        return Outcome.of(index, summary, new ArrayList<>(bad), host, System.currentTimeMillis() - t0);
    }

    private RunLayout layout() {
        return new RunLayout(Path.of(videos), Path.of(root), refs == null ? null : Path.of(refs), extras);
    }

    private List<Setting> decodedSettings() {
        return decode(settings);
    }

    static List<Setting> decode(List<List<String>> settings) {
        ObjectMapper json = new ObjectMapper();
        List<Setting> out = new ArrayList<>();
        for (List<String> s : settings) {
            try {
                out.add(new Setting(s.get(0), s.get(1), json.readTree(s.get(2)), s.get(3)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "(unknown host)";
        }
    }
}
