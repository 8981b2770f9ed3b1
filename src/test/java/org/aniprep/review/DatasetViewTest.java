package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.DatasetDecisionsTest;
import org.aniprep.dataset.DecisionFrames;
import org.aniprep.io.FolderLock;
import org.aniprep.io.MediaFiles;
import org.aniprep.pipeline.StageLocks;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dataset view over HTTP: the dry run, Apply with its progress, and read-only while a run holds the folder. */
class DatasetViewTest {
    private static final Pattern ROW = Pattern.compile("<tr data-folder=\"([^\"]*)\"><td[^>]*>[^<]*</td><td>(\\d+)</td>");

    @TempDir
    Path tmp;
    ReviewServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A run folder of aniprep run whose frames are the review fixture's, with dataset/ as a run left it. */
    private Path run(String name, boolean arranged) throws IOException {
        Path videos = Files.createDirectories(tmp.resolve("videos"));
        Path root = tmp.resolve(name);
        assertThat(Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--from", "balance", "-q")).isZero();
        byte[] state = Files.readAllBytes(root.resolve(".aniprep/run.json"));
        ReviewFixture.runFolder(root);
        Files.write(root.resolve(".aniprep/run.json"), state);
        if (arranged) {
            rerun(root);
        }
        return root;
    }

    /** {@code aniprep run --from detect}; the fixture's corrupt record makes it exit 2, the rest is done. */
    private static void rerun(Path root) {
        assertThat(Main.run("run", "--src", root.getParent().resolve("videos").toString(), "--dst", root.toString(), "--from", "detect",
                "--classify.embedder", "offline", "--arrange.min-images-per-combination", "1", "-q")).isIn(0, 2);
    }

    private void start(Path root) throws IOException {
        server = ReviewServer.start(ReviewFolder.of(root), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
    }

    private RawHttp.Response get(String target) throws IOException {
        return RawHttp.send(server.port(), "GET", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token()), null);
    }

    private RawHttp.Response post(String target, String body) throws IOException {
        return RawHttp.send(server.port(), "POST", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token(),
                ReviewSecurity.HEADER, server.token(), "Origin", "http://127.0.0.1:" + server.port(), "Sec-Fetch-Site", "same-origin"), body);
    }

    /** Presses Apply and polls the status until it is no longer running; returns the last status. */
    private JsonNode apply() throws Exception {
        RawHttp.Response r = post("/api/dataset/apply", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        boolean sawRunning = Json.MAPPER.readTree(r.body()).get("state").asText().equals("running");
        assertThat(sawRunning).isTrue();
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode s = Json.MAPPER.readTree(get("/api/dataset/status").body());
            if (!s.get("state").asText().equals("running")) {
                return s;
            }
            assertThat(s.get("steps").asInt()).isEqualTo(7);
            Thread.sleep(100);
        }
        throw new AssertionError("Apply did not finish in 2 minutes");
    }

    /** The dry run's folders with their image counts, as the page shows them. */
    private Map<String, Integer> shownTree() throws IOException {
        RawHttp.Response page = get("/dataset");
        assertThat(page.status()).isEqualTo(200);
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = ROW.matcher(page.body());
        while (m.find()) {
            out.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return out;
    }

    /** The image folders of dataset/ on disk with their image counts. */
    private static Map<String, Integer> diskTree(Path root) throws IOException {
        Path dataset = root.resolve("dataset");
        Map<String, Integer> out = new TreeMap<>();
        for (String rel : files(root).keySet()) {
            if (MediaFiles.isImage(Path.of(rel))) {
                String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
                out.merge(folder, 1, Integer::sum);
            }
        }
        assertThat(dataset).isDirectory();
        return out;
    }

    /** dataset/'s files (aniprep's own state aside): path → the caption's text for captions, "" for the rest. */
    private static Map<String, String> files(Path root) throws IOException {
        Path dataset = root.resolve("dataset");
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dataset)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dataset.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".aniprep") || rel.startsWith("_report") || rel.endsWith(".lock")) {
                    continue;
                }
                out.put(rel, rel.endsWith(".txt") ? Files.readString(p) : "");
            }
        }
        return out;
    }

    @Test
    void theDryRunShowsTheTreeArrangeThenWritesAndApplyMakesIt() throws Exception {
        Path root = run("run", true);
        try (Stream<Path> s = Files.list(root.resolve("dataset"))) { // an empty tree, so that Apply has all to place
            for (Path p : s.filter(p -> !p.getFileName().toString().equals(".aniprep.lock")).toList()) {
                try (Stream<Path> w = Files.walk(p)) {
                    for (Path q : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
        start(root);
        Map<String, Integer> dry = shownTree();
        assertThat(dry).isNotEmpty();
        assertThat(files(root)).as("the dry run writes nothing").isEmpty();
        JsonNode s = apply();
        assertThat(s.get("message").asText()).contains("applied");
        assertThat(s.get("changes").get("added").asInt()).isEqualTo(dry.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(diskTree(root)).isEqualTo(dry);
        assertThat(shownTree()).as("and the dry run now shows what is there").isEqualTo(dry);
        assertThat(get("/dataset").body()).contains("Changed by the last Apply");
    }

    /** A run folder with one episode of {@link DecisionFrames} (real art, records as the stages before detect leave them). */
    private Path decisionRun(String name, boolean ran) throws Exception {
        Path videos = Files.createDirectories(tmp.resolve("videos"));
        Path root = tmp.resolve(name);
        assertThat(Main.run("run", "--src", videos.toString(), "--dst", root.toString(), "--from", "balance", "-q")).isZero();
        DecisionFrames.episode(root.resolve("frames"), 1);
        if (ran) {
            rerun(root);
        }
        return root;
    }

    @Test
    void applyAfterADecisionMakesWhatARunWithTheSameDecisionMakes() throws Exception {
        String faces = Stream.of("EP01/f06.png#face0", "EP01/f07.png#face0", "EP01/f08.png#face0")
                .map(f -> "face=" + URLEncoder.encode(f, StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElseThrow();
        Path reviewed = decisionRun("reviewed", true);
        Map<String, String> before = DatasetDecisionsTest.dataset(reviewed);
        start(reviewed);
        RawHttp.Response named = post("/api/faces", "action=name&name=Cara&" + faces);
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        JsonNode s = apply();
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("done");
        Map<String, String> after = DatasetDecisionsTest.dataset(reviewed);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.keySet()).anyMatch(p -> p.contains("Cara"));
        assertThat(s.get("changes").get("moved").asInt() + s.get("changes").get("captions").asInt()).isPositive();
        server.close();
        server = null;

        // the same folder and decision, then `aniprep run` instead of Apply
        Path fresh = decisionRun("cli", true);
        start(fresh);
        assertThat(post("/api/faces", "action=name&name=Cara&" + faces).status()).isEqualTo(200);
        server.close();
        server = null;
        rerun(fresh);
        Map<String, String> want = DatasetDecisionsTest.dataset(fresh);
        assertThat(after.keySet()).isEqualTo(want.keySet());
        for (String k : want.keySet()) {
            assertThat(after.get(k)).as(k).isEqualTo(want.get(k));
        }
    }

    @Test
    void whileARunHoldsTheFolderThePageSaysReadOnlyAndApplyIsRefused() throws Exception {
        Path root = run("run", true);
        try (FolderLock lock = StageLocks.lock(root.resolve("frames"), "aniprep run", false)) {
            start(root);
            String page = get("/dataset").body();
            assertThat(page).contains("Read-only while another aniprep works on the folder");
            assertThat(page).containsPattern("<button type=\"button\" id=\"apply\"[^>]* disabled");
            RawHttp.Response r = post("/api/dataset/apply", "");
            assertThat(r.status()).isEqualTo(423);
            assertThat(r.body()).contains("read-only");
            assertThat(Json.MAPPER.readTree(get("/api/dataset/status").body()).get("state").asText()).isEqualTo("idle");
        }
    }

    @Test
    void aFramesFolderHasNoDatasetToApply() throws Exception {
        Path root = ReviewFixture.runFolder(tmp.resolve("r"));
        start(ReviewFolder.of(root.resolve("frames")).root());
        String page = get("/dataset").body();
        assertThat(page).contains("frames folder, not a run folder");
        assertThat(post("/api/dataset/apply", "").status()).isEqualTo(409);
    }
}
