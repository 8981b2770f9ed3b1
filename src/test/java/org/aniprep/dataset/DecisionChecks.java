package org.aniprep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.dataset.DecisionFrames.Decision;
import org.aniprep.review.FrameEntry;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.ReviewInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * That the decisions in a run folder's review sections show in its {@code dataset/} (as
 * {@link DatasetDecisionsTest#dataset} reads it): names and "not" names in the placed records, dropped
 * boxes, ignored faces, links as clusters, removed and restored frames, tag and caption edits in the
 * captions; plus the decisions that are no review section (a caption file edited elsewhere, a renamed
 * cluster folder).
 */
final class DecisionChecks {
    private DecisionChecks() {
    }

    /** The placed image's sidecar, by the frame's path below {@code frames/}; null when the frame is not in the dataset. */
    private static Map.Entry<String, JsonNode> placed(Map<String, String> dataset, String rel) {
        for (Map.Entry<String, String> e : dataset.entrySet()) {
            if (e.getKey().endsWith(".json")) {
                JsonNode n = read(e.getValue());
                if (n.path("arrange").path("source").asText().equals("ROOT/frames/" + rel)) {
                    return Map.entry(e.getKey(), n);
                }
            }
        }
        return null;
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String caption(Map<String, String> dataset, Map.Entry<String, JsonNode> placed) {
        return dataset.get(placed.getKey().replaceAll("\\.json$", ".txt"));
    }

    private static JsonNode face(JsonNode record, List<Integer> box) {
        for (JsonNode f : record.path("classify").path("faces")) {
            List<Integer> b = Json.MAPPER.convertValue(f.path("box"), new com.fasterxml.jackson.core.type.TypeReference<List<Integer>>() {
            });
            if (ReviewInfo.iou(b, box) >= ReviewInfo.SAME_BOX_IOU) {
                return f;
            }
        }
        return null;
    }

    static void holds(Decision d, Path root, Map<String, String> dataset) throws IOException {
        Map<String, String> linkCluster = new HashMap<>();
        Map<String, String> clusterLink = new HashMap<>();
        for (FrameEntry frame : DecisionFrames.index(root)) {
            ReviewInfo r = frame.review();
            String rel = frame.rel().startsWith("_removed/") ? frame.rel().substring("_removed/".length()) : frame.rel();
            Map.Entry<String, JsonNode> placed = placed(dataset, rel);
            if (r.removeFrame()) {
                assertThat(placed).as(rel + " was removed by the user").isNull();
                continue;
            }
            if (r.keepFrame()) {
                assertThat(frame.removed()).as(rel + " was restored by the user").isFalse();
                assertThat(placed).as(rel + " was restored by the user").isNotNull();
            }
            if (placed == null) {
                continue;
            }
            JsonNode record = placed.getValue();
            String caption = caption(dataset, placed);
            for (ReviewInfo.Face f : r.faces()) {
                JsonNode got = face(record, f.box());
                String what = rel + " " + f;
                if (f.isNotAFace()) {
                    assertThat(got).as(what).isNull();
                    for (JsonNode b : record.path("detect").path("faces").path("boxes")) {
                        List<Integer> box = Json.MAPPER.convertValue(b.path("box"), new com.fasterxml.jackson.core.type.TypeReference<List<Integer>>() {
                        });
                        assertThat(ReviewInfo.iou(box, f.box())).as(what).isLessThan(ReviewInfo.SAME_BOX_IOU);
                    }
                    continue;
                }
                assertThat(got).as(what + " in " + placed.getKey() + ": " + record.path("classify").path("faces")).isNotNull();
                if (f.character() != null) {
                    assertThat(got.path("character").asText()).as(what).isEqualTo(f.character());
                    assertThat(got.path("status").asText()).as(what).isEqualTo("confirmed");
                    assertThat(caption).as(what).contains(f.character());
                    assertThat(placed.getKey()).as(what).contains(f.character());
                }
                if (f.not() != null) {
                    assertThat(f.not()).as(what).doesNotContain(got.path("character").asText());
                }
                if (f.isIgnored()) {
                    assertThat(got.path("status").asText()).as(what).isEqualTo("ignored");
                    assertThat(got.has("cluster")).as(what).isFalse();
                }
                if (f.link() != null) {
                    String cluster = got.path("cluster").asText(null);
                    assertThat(cluster).as(what + " is in a cluster").isNotNull();
                    assertThat(linkCluster.computeIfAbsent(f.link(), k -> cluster)).as("one link, one cluster").isEqualTo(cluster);
                    assertThat(clusterLink.computeIfAbsent(cluster, k -> f.link())).as("two links, two clusters").isEqualTo(f.link());
                }
            }
            if (r.tags() != null) {
                for (String t : r.tags().add()) {
                    assertThat(record.path("tags").toString()).as(rel).contains("\"" + t + "\"");
                    assertThat(caption).as(rel).contains(t);
                }
                for (String t : r.tags().remove()) {
                    assertThat(record.path("tags").toString()).as(rel).doesNotContain("\"" + t + "\"");
                    assertThat(caption).as(rel).doesNotContain(t);
                }
            }
            if (r.caption() != null) {
                assertThat(caption).as(rel).isEqualTo(r.caption());
            }
        }
        if (d == Decision.CAPTION_EXTERNAL) {
            Map.Entry<String, JsonNode> placed = placed(dataset, DecisionFrames.rel(1, 3));
            assertThat(caption(dataset, placed)).endsWith(", edited elsewhere");
        }
        if (d == Decision.NAME) {
            // faces the user names become references: their look-alikes are proposed under the name (docs/classify.md);
            // named instead where a renamed cluster folder is a reference folder of that name too
            String status = java.nio.file.Files.isDirectory(root.resolve("clusters").resolve(DecisionFrames.FOUND)) ? "named" : "proposed";
            long proposed = dataset.entrySet().stream().filter(e -> e.getKey().endsWith(".json"))
                    .flatMap(e -> java.util.stream.StreamSupport.stream(read(e.getValue()).path("classify").path("faces").spliterator(), false))
                    .filter(f -> f.path("status").asText().equals(status) && f.path("character").asText().equals(DecisionFrames.FOUND)).count();
            assertThat(proposed).as("faces " + status + " as " + DecisionFrames.FOUND).isPositive();
        }
        if (d == Decision.CLUSTER_RENAME || d == Decision.NAME) {
            Set<String> folders = new TreeSet<>();
            dataset.keySet().forEach(k -> folders.add(k.contains("/") ? k.substring(0, k.lastIndexOf('/')) : ""));
            assertThat(folders).as("a folder of " + DecisionFrames.FOUND).anyMatch(f -> f.contains(DecisionFrames.FOUND));
        }
    }
}
