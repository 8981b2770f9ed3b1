package org.aniprep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.DecisionFrames.Decision;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, "Decisions are data": after any decision, a rerun's {@code dataset/} equals what a fresh run
 * with the same inputs and decisions makes (paths and bytes of images, captions, multiply.txt, every
 * sidecar section with the {@code arrange} section's source path taken relative to its run folder), for
 * each kind of decision, made as the user makes it ({@link DecisionFrames}); the decision shows in the
 * dataset ({@link DecisionChecks}); and a further rerun changes nothing.
 */
public class DatasetDecisionsTest {
    /** Sidecars compared as their content: a section written later comes later in the file, which no reader sees. */
    private static final ObjectMapper SORTED = Json.MAPPER.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    @BeforeEach
    void offline() throws IOException {
        // only the bundled detector and the offline signature: no model is fetched or found elsewhere
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(DatasetFixture.SHARED.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", dir.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", dir.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
    }

    @AfterEach
    void clear() {
        for (String e : List.of("ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE")) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    /** An empty run folder, then episode 1's frames as the stages before detect's rerun leave them. */
    private Path newRun(String name, int episodes) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        DecisionFrames.refs(dir.resolve("refs"));
        Path root = dir.resolve(name);
        assertThat(Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--from", "balance", "-q")).isZero();
        for (int ep = 1; ep <= episodes; ep++) {
            DecisionFrames.episode(root.resolve("frames"), ep);
        }
        return root;
    }

    /** {@code aniprep run} from detect on: detect (which keeps the recorded boxes), classify, metadata, caption, arrange, balance. */
    private int run(Path root, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--src", dir.resolve("videos").toString(), "--dst", root.toString(),
                "--refs", dir.resolve("refs").toString(), "--from", "detect", "--offline", "--detect.face-model", "combined",
                "--arrange.min-images-per-combination", "1", "-q"));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new));
    }

    @Test
    void overwriteStillRewritesACaptionEditedElsewhere() throws Exception {
        Path root = newRun("rerun", 1);
        assertThat(run(root)).isZero();
        Map<String, String> before = dataset(root);
        DecisionFrames.apply(root, 1, Decision.CAPTION_EXTERNAL);
        assertThat(run(root)).isZero();
        DecisionChecks.holds(Decision.CAPTION_EXTERNAL, root, dataset(root));
        assertThat(run(root, "--caption.overwrite")).isZero();
        assertThat(dataset(root)).as("aniprep's caption again, recorded as before").isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Decision.class)
    void aRerunAfterADecisionMakesWhatAFreshRunMakes(Decision decision) throws Exception {
        Path rerun = newRun("rerun", 1);
        assertThat(run(rerun)).isZero();
        Map<String, String> before = dataset(rerun);
        DecisionFrames.apply(rerun, 1, decision);
        assertThat(run(rerun)).isZero();
        Map<String, String> after = dataset(rerun);

        Path fresh = newRun("fresh", 1);
        DecisionFrames.carry(rerun, fresh);
        assertThat(run(fresh)).isZero();

        assertThat(after).as("the decision changed the dataset").isNotEqualTo(before);
        assertSame(after, dataset(fresh));
        DecisionChecks.holds(decision, rerun, after);
        assertThat(run(rerun)).isZero();
        assertThat(dataset(rerun)).as("and a further rerun changes nothing").isEqualTo(after);
    }

    @Test
    void everyDecisionThenThreeMoreEpisodesLosesNone() throws Exception {
        Path rerun = newRun("rerun", 1);
        assertThat(run(rerun)).isZero();
        for (Decision d : Decision.values()) {
            DecisionFrames.apply(rerun, 1, d);
        }
        assertThat(run(rerun)).isZero();
        for (int ep = 2; ep <= 4; ep++) {
            DecisionFrames.episode(rerun.resolve("frames"), ep);
        }
        assertThat(run(rerun)).isZero();
        Map<String, String> got = dataset(rerun);
        for (Decision d : Decision.values()) {
            DecisionChecks.holds(d, rerun, got);
        }

        Path fresh = newRun("fresh", 4);
        DecisionFrames.carry(rerun, fresh);
        assertThat(run(fresh)).isZero();
        // unknown clusters keep the names their members had in the previous run (docs/classify.md, "names stay
        // put as frames are added"): that history is the one thing a fresh run cannot have, so it is left out here
        assertSame(withoutClusterNames(got), withoutClusterNames(dataset(fresh)));
        assertThat(run(rerun)).isZero();
        assertThat(dataset(rerun)).as("and a further rerun changes nothing").isEqualTo(got);
    }

    private static Map<String, String> withoutClusterNames(Map<String, String> dataset) {
        Map<String, String> out = new TreeMap<>(dataset);
        out.replaceAll((k, v) -> k.endsWith(".json") ? v.replaceAll("\"cluster\" : \"[^\"]*\"", "\"cluster\" : \"?\"") : v);
        return out;
    }

    private static void assertSame(Map<String, String> got, Map<String, String> want) {
        assertThat(got.keySet()).isEqualTo(want.keySet());
        for (String k : want.keySet()) {
            assertThat(got.get(k)).as(k).isEqualTo(want.get(k));
        }
    }

    /** dataset/ below {@code root}: relative path → SHA-256 of the file, sidecars as their sections with paths made relative. */
    public static Map<String, String> dataset(Path root) throws Exception {
        Path dataset = root.resolve("dataset");
        String prefix = root.toAbsolutePath().normalize().toString();
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dataset)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dataset.relativize(p).toString();
                if (rel.startsWith(".aniprep") || rel.startsWith("_report") || rel.endsWith(".lock")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                if (rel.endsWith(".json")) {
                    bytes = SORTED.writeValueAsBytes(Json.MAPPER.treeToValue(sections(bytes, prefix), Object.class));
                } else if (rel.endsWith(".toml") || rel.endsWith(".txt")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(prefix, "ROOT").getBytes(StandardCharsets.UTF_8);
                }
                // text as it is (a failure shows what differs), images as their SHA-256
                out.put(rel, rel.endsWith(".png") ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                        : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static JsonNode sections(byte[] json, String prefix) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json);
        JsonNode arrange = root.get("arrange");
        if (arrange != null && arrange.has("source")) {
            ((ObjectNode) arrange).put("source", arrange.get("source").asText().replace(prefix, "ROOT"));
        }
        return root;
    }
}
