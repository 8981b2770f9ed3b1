package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.DatasetDecisionsTest;
import org.aniprep.dataset.DecisionFrames;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames view's decisions reach the dataset: remove a frame, restore the one filter removed, tag
 * three frames, write a caption, then Apply; the dataset equals what {@code aniprep run} makes after
 * the same decisions, and it holds them (the removed frame is out, the tag and the caption are in).
 */
class FramesApplyTest {
    @TempDir
    Path tmp;
    ReviewServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A run folder with one episode of {@link DecisionFrames}, run once from detect. */
    private Path decisionRun(String name) throws Exception {
        Path videos = Files.createDirectories(tmp.resolve("videos"));
        Path root = tmp.resolve(name);
        assertThat(Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--from", "balance", "-q")).isZero();
        DecisionFrames.episode(root.resolve("frames"), 1);
        rerun(root);
        return root;
    }

    private static void rerun(Path root) {
        assertThat(Main.run("run", "--src", root.getParent().resolve("videos").toString(), "--dst", root.toString(), "--from", "detect",
                "--classify.embedder", "offline", "--arrange.min-images-per-combination", "1", "-q")).isIn(0, 2);
    }

    private JsonNode post(String target, String body) throws IOException {
        RawHttp.Response r = RawHttp.send(server.port(), "POST", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token(),
                ReviewSecurity.HEADER, server.token(), "Origin", "http://127.0.0.1:" + server.port(), "Sec-Fetch-Site", "same-origin"), body);
        assertThat(r.status()).as(target + " " + body + ": " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /** The frame filter took out ({@code _removed/EP01/...}), as the review names it. */
    private static String removedByFilter(Path root) throws IOException {
        Path removed = root.resolve("frames/_removed/EP01");
        try (var files = Files.list(removed)) {
            return "_removed/EP01/" + files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted()
                    .findFirst().orElseThrow(() -> new AssertionError("filter removed no frame of " + removed));
        }
    }

    /** The decisions, as the page sends them. */
    private void decide(String restore) throws IOException {
        post("/api/frames", "action=remove&frame=EP01%2Ff02.png");
        post("/api/frames", "action=restore&frame=" + java.net.URLEncoder.encode(restore, java.nio.charset.StandardCharsets.UTF_8));
        post("/api/frames", "action=tag&tag=red+hair&frame=EP01%2Ff01.png&frame=EP01%2Ff03.png&frame=EP01%2Ff04.png");
        post("/api/frames", "action=caption&caption=Bob+in+the+cave%2C+my+own+words&frame=EP01%2Ff05.png");
    }

    private void start(Path root) throws IOException {
        server = ReviewServer.start(ReviewFolder.of(root), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
    }

    private JsonNode apply() throws Exception {
        post("/api/dataset/apply", "");
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            RawHttp.Response r = RawHttp.send(server.port(), "GET", "/api/dataset/status",
                    Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token()), null);
            JsonNode s = Json.MAPPER.readTree(r.body());
            if (!s.get("state").asText().equals("running")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Apply did not finish in 2 minutes");
    }

    @Test
    void applyAfterFrameDecisionsMakesWhatARunWithTheSameDecisionsMakes() throws Exception {
        Path reviewed = decisionRun("reviewed");
        Map<String, String> before = DatasetDecisionsTest.dataset(reviewed);
        String restore = removedByFilter(reviewed);
        start(reviewed);
        decide(restore);
        assertThat(reviewed.resolve("frames/" + restore.substring("_removed/".length()))).as("restored").exists();
        assertThat(reviewed.resolve("frames/" + restore)).as("no longer removed").doesNotExist();
        JsonNode s = apply();
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("done");
        Map<String, String> after = DatasetDecisionsTest.dataset(reviewed);
        assertThat(after).isNotEqualTo(before);
        String captions = after.entrySet().stream().filter(e -> e.getKey().endsWith(".txt") && !e.getKey().endsWith("multiply.txt"))
                .map(Map.Entry::getValue).reduce("", (a, b) -> a + "\n" + b);
        assertThat(captions).contains("Bob in the cave, my own words").containsPattern("red[ _]hair");
        assertThat(after.values().stream().filter(v -> v.contains("\"f02.png\"") || v.contains("/f02.png\"")).toList())
                .as("the removed frame is in no record of the dataset").isEmpty();
        assertThat(after.values()).as("(as a kept one is)").anyMatch(v -> v.contains("\"f01.png\"") || v.contains("/f01.png\""));
        assertThat(after.keySet().stream().filter(k -> k.endsWith(".png")).count())
                .as("one frame out, one back in").isEqualTo(before.keySet().stream().filter(k -> k.endsWith(".png")).count());
        server.close();
        server = null;

        Path fresh = decisionRun("cli");
        assertThat(removedByFilter(fresh)).isEqualTo(restore);
        start(fresh);
        decide(restore);
        server.close();
        server = null;
        rerun(fresh);
        Map<String, String> want = DatasetDecisionsTest.dataset(fresh);
        assertThat(after.keySet()).isEqualTo(want.keySet());
        for (String k : want.keySet()) {
            assertThat(after.get(k)).as(k).isEqualTo(want.get(k));
        }
    }
}
