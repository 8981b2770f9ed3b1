package org.aniprep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.DecisionFrames.Decision;
import org.aniprep.sidecar.Json;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After any decision, a rerun's {@code dataset/} equals what a fresh run with the same inputs and decisions
 * makes: paths and bytes of images, captions, multiply.txt and the kohya TOML, and every sidecar section
 * (the {@code arrange} section's source path taken relative to its run folder).
 */
public class DatasetDecisionsTest {
    /** Sidecars compared as their content: a section written later comes later in the file, which no reader sees. */
    private static final ObjectMapper SORTED = Json.MAPPER.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    private Path newRun(String name) throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        Path root = dir.resolve(name);
        assertThat(Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--from", "balance", "-q")).isZero();
        return root;
    }

    private static int run(Path root) {
        return Main.run("run", "--src", root.getParent().resolve("videos").toString(), "--dst", root.toString(), "--from", "metadata",
                "--arrange.min-images-per-combination", "1", "-q");
    }

    @ParameterizedTest
    @EnumSource(Decision.class)
    void aRerunAfterADecisionMakesWhatAFreshRunMakes(Decision decision) throws Exception {
        Path rerun = newRun("rerun");
        DecisionFrames.episode(rerun.resolve("frames"), 1);
        assertThat(run(rerun)).isZero();
        Map<String, String> before = dataset(rerun);
        DecisionFrames.apply(rerun.resolve("frames"), 1, decision);
        assertThat(run(rerun)).isZero();

        Path fresh = newRun("fresh");
        DecisionFrames.episode(fresh.resolve("frames"), 1);
        DecisionFrames.apply(fresh.resolve("frames"), 1, decision);
        assertThat(run(fresh)).isZero();

        Map<String, String> after = dataset(rerun);
        assertThat(after).as("the decision changed the dataset").isNotEqualTo(before);
        assertSame(after, dataset(fresh));
    }

    @Test
    void everyDecisionThenThreeMoreEpisodesLosesNone() throws Exception {
        Path rerun = newRun("rerun");
        DecisionFrames.episode(rerun.resolve("frames"), 1);
        assertThat(run(rerun)).isZero();
        for (Decision d : Decision.values()) {
            DecisionFrames.apply(rerun.resolve("frames"), 1, d);
        }
        assertThat(run(rerun)).isZero();
        for (int ep = 2; ep <= 4; ep++) {
            DecisionFrames.episode(rerun.resolve("frames"), ep);
        }
        assertThat(run(rerun)).isZero();

        Path fresh = newRun("fresh");
        for (int ep = 1; ep <= 4; ep++) {
            DecisionFrames.episode(fresh.resolve("frames"), ep);
        }
        for (Decision d : Decision.values()) {
            DecisionFrames.apply(fresh.resolve("frames"), 1, d);
        }
        assertThat(run(fresh)).isZero();
        Map<String, String> got = dataset(rerun);
        assertSame(got, dataset(fresh));
        assertThat(got.keySet()).anyMatch(p -> p.contains("Cara")).noneMatch(p -> p.endsWith("EP01_f02.png") || p.endsWith("/f02.png") && p.contains("EP01"));
        assertThat(run(rerun)).isZero();
        assertThat(dataset(rerun)).as("and a further rerun changes nothing").isEqualTo(got);
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
