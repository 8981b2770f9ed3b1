package org.aniprep.cli;

import org.aniprep.character.CcipModels;
import org.aniprep.character.CcipStandIn;
import org.aniprep.character.OfflineSignature;
import org.aniprep.detect.YoloModels;
import org.aniprep.detect.YoloStandIn;
import org.aniprep.model.FakeHub;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without --offline, {@code aniprep run} fetches the YOLO face detector and CCIP when they are missing
 * (from a local stand-in of the hub, into the HF cache layout), and falls back to the offline detector
 * and signature with one line each when the hub cannot be reached; report.html names the models per stage.
 */
class RunDefaultModelsTest {
    private static final List<String> ENV = List.of("ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_ENDPOINT", "HF_HUB_OFFLINE");
    private static final String FACE_FILE = YoloModels.FACE + "/model.onnx";

    @TempDir
    Path work;
    Path videos;
    Path refs;

    @BeforeEach
    void setUp() throws Exception {
        videos = Files.createDirectories(work.resolve("videos"));
        SceneClips.standard(videos.resolve("Eileen Show - 01.mp4"), SceneClips.SMALL);
        refs = Files.createDirectories(work.resolve("refs"));
        Files.copy(SceneClips.shared().resolve("testdata/anime/eileen_vhappy.png"),
                Files.createDirectories(refs.resolve("Eileen")).resolve("eileen_vhappy.png"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", SceneClips.shared().resolve("models").toAbsolutePath().toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", work.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", work.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "0");
    }

    @AfterEach
    void tearDown() {
        ENV.forEach(e -> System.clearProperty("aniprep.env." + e));
    }

    record Result(int code, String err) {
    }

    private Result run(String... extra) {
        String[] base = {"run", "--src", videos.toString(), "--dst", work.resolve("run").toString(), "--refs", refs.toString(),
                "--to", "classify"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    private static byte[] bytes(Path p) throws Exception {
        return Files.readAllBytes(p);
    }

    @Test
    void missingModelsAreFetchedIntoTheHubCacheAndNamedInTheReport() throws Exception {
        Path made = work.resolve("made");
        Path yolo = YoloStandIn.ultralytics(made.resolve("yolo/model.onnx"), 1, List.of(new float[]{320, 200, 100, 120, 0.9f}), -1,
                YoloStandIn.meta("{0: 'face'}"));
        Path ccip = CcipStandIn.write(made, CcipModels.DEFAULT_ID, 0.05);
        try (FakeHub hub = new FakeHub()) {
            hub.put("deepghs/anime_face_detection", FACE_FILE, bytes(yolo));
            for (String f : List.of("model_feat.onnx", "model_metrics.onnx", "metrics.json")) {
                hub.put("deepghs/ccip_onnx", CcipModels.DEFAULT_ID + "/" + f, bytes(ccip.resolve(f)));
            }
            System.setProperty("aniprep.env.HF_ENDPOINT", hub.endpoint());

            Result r = run();
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(hub.requests).anyMatch(q -> q.method().equals("GET") && q.path().endsWith(FACE_FILE))
                    .anyMatch(q -> q.method().equals("GET") && q.path().endsWith(CcipModels.DEFAULT_ID + "/model_feat.onnx"));
            // the tagger is not on this hub: tag is skipped, the rest ran with the fetched models
            assertThat(work.resolve("hub/models--deepghs--anime_face_detection/snapshots/" + FakeHub.COMMIT + "/" + FACE_FILE)).isRegularFile();
            assertThat(work.resolve("hub/models--deepghs--ccip_onnx/snapshots/" + FakeHub.COMMIT + "/" + CcipModels.DEFAULT_ID
                    + "/model_feat.onnx")).isRegularFile();
            assertThat(r.err()).contains("downloading deepghs/anime_face_detection/" + FACE_FILE + " (")
                    .doesNotContain("could not be downloaded");
            Path frame = firstFrame();
            assertThat(SidecarStore.read(frame).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow().faces().detector()).isEqualTo(YoloModels.FACE);
            assertThat(SidecarStore.read(frame).get(ClassifyInfo.SECTION, ClassifyInfo.class).orElseThrow().embedder())
                    .isEqualTo(CcipModels.DEFAULT_ID);
            String report = Files.readString(work.resolve("run/report.html"));
            assertThat(report).contains("<th>models</th>", "face detector: " + YoloModels.FACE, "embedder: " + CcipModels.DEFAULT_ID,
                    "text detector: ");

            // a rerun finds them in the cache: nothing is fetched again
            int before = hub.requests.size();
            assertThat(run("--overwrite").code()).isZero();
            assertThat(hub.requests.subList(before, hub.requests.size())).noneMatch(q -> q.method().equals("GET")
                    && (q.path().endsWith(FACE_FILE) || q.path().endsWith("model_feat.onnx")));
        }
    }

    @Test
    void anUnreachableHubFallsBackToTheOfflineModelsWithOneLineEach() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("aniprep.env.HF_ENDPOINT", "http://127.0.0.1:" + port);
        Result r = run();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("YOLO face model " + YoloModels.FACE + " could not be downloaded"))).hasSize(1);
        assertThat(r.err().lines().filter(l -> l.contains("CCIP " + CcipModels.DEFAULT_ID + " could not be downloaded"))).hasSize(1);
        assertThat(r.err()).contains("using the offline face detector", "using the offline embedder");
        Path frame = firstFrame();
        assertThat(SidecarStore.read(frame).get(ClassifyInfo.SECTION, ClassifyInfo.class).orElseThrow().embedder())
                .isEqualTo(OfflineSignature.ID);
        String report = Files.readString(work.resolve("run/report.html"));
        assertThat(report).contains("face detector: ", "could not be downloaded", "embedder: " + OfflineSignature.ID);
    }

    @Test
    void offlineNeverAsksTheHub() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            System.setProperty("aniprep.env.HF_ENDPOINT", hub.endpoint());
            Result r = run("--offline");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(hub.requests).isEmpty();
            assertThat(Files.readString(work.resolve("run/report.html"))).contains("is not on this machine (offline)");
        }
    }

    private Path firstFrame() throws Exception {
        try (Stream<Path> s = Files.walk(work.resolve("run/frames/EP01"))) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
    }
}
