package org.aniprep.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubDownloaderTest {
    @TempDir
    Path tmp;
    FakeHub hub;
    byte[] model;
    Path cache;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        model = new byte[300_000];
        new Random(7).nextBytes(model);
        hub.put(TestSpecs.REPO, "model.onnx", model);
        hub.put(TestSpecs.REPO, "selected_tags.csv", "tag_id,name,category,count\n".getBytes());
        cache = tmp.resolve("hub");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelResolver resolver(boolean offline, String token) {
        return new ModelResolver(TestSpecs.settings(List.of(), cache, offline, hub.endpoint(), token));
    }

    @Test
    void downloadsIntoTheHubLayoutThenWorksOffline() throws Exception {
        ResolvedModel r = resolver(false, null).resolve(TestSpecs.spec());
        Path repoDir = cache.resolve("models--someorg--test-tagger");
        assertThat(r.modelPath()).isEqualTo(repoDir.resolve("snapshots/" + FakeHub.COMMIT + "/model.onnx"));
        assertThat(Files.isSymbolicLink(r.modelPath())).isTrue();
        assertThat(Files.readAllBytes(r.modelPath())).isEqualTo(model);
        assertThat(Files.readString(repoDir.resolve("refs/main"))).isEqualTo(FakeHub.COMMIT);
        assertThat(repoDir.resolve("blobs/" + FakeHub.sha256(model))).isRegularFile();

        int before = hub.requests.size();
        ResolvedModel again = resolver(true, null).resolve(TestSpecs.spec());
        assertThat(again.modelPath()).isEqualTo(r.modelPath());
        assertThat(hub.requests).hasSize(before);
    }

    @Test
    void resumesAHalfDownloadedFile() throws Exception {
        Path part = cache.resolve("models--someorg--test-tagger/blobs/" + FakeHub.sha256(model) + ".incomplete");
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(model, 123_456));

        ResolvedModel r = resolver(false, null).resolve(TestSpecs.spec());

        assertThat(Files.readAllBytes(r.modelPath())).isEqualTo(model);
        assertThat(hub.requests).anySatisfy(q -> {
            assertThat(q.method()).isEqualTo("GET");
            assertThat(q.path()).endsWith("/model.onnx");
            assertThat(q.range()).isEqualTo("bytes=123456-");
        });
        assertThat(part).doesNotExist();
    }

    @Test
    void checksumFailureLeavesNothingBehind() throws Exception {
        byte[] damaged = model.clone();
        damaged[1000] ^= 0x55;
        hub.corrupt(TestSpecs.REPO, "model.onnx", damaged);

        assertThatThrownBy(() -> resolver(false, null).resolve(TestSpecs.spec()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("model.onnx")
                .hasMessageContaining(FakeHub.sha256(model));
        Path repoDir = cache.resolve("models--someorg--test-tagger");
        String sha = FakeHub.sha256(model);
        try (var files = Files.walk(repoDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(sha));
        }
        assertThat(repoDir.resolve("snapshots/" + FakeHub.COMMIT + "/model.onnx")).doesNotExist();
    }

    @Test
    void specChecksumIsEnforcedToo() {
        ModelSpec pinned = new ModelSpec("t", TestSpecs.REPO, "main",
                List.of(ModelFile.required("model.onnx", ModelFile.MODEL).withSha256("ab".repeat(32))),
                ModelSpec.Task.TAGGER, null, null, java.util.Map.of(), "");
        assertThatThrownBy(() -> resolver(false, null).resolve(pinned)).hasMessageContaining("checksum mismatch");
    }

    @Test
    void sendsTheTokenAndSkipsMissingOptionalFiles() {
        ModelSpec spec = TestSpecs.spec(ModelFile.optional("extra/model_type.json", "type"));
        ResolvedModel r = resolver(false, "hf_secret").resolve(spec);
        assertThat(r.path("type")).isEmpty();
        assertThat(hub.requests).allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer hf_secret"));
    }

    @Test
    void missingRequiredFileOnTheHubIsAClearError() {
        ModelSpec spec = TestSpecs.spec(ModelFile.required("nope.bin", "x"));
        assertThatThrownBy(() -> resolver(false, null).resolve(spec))
                .hasMessageContaining("nope.bin").hasMessageContaining("not found");
    }

    @Test
    void aNetworkErrorWithoutAMessageIsSaidInWords() {
        assertThat(HubDownloader.reason(new java.net.ConnectException())).isEqualTo("cannot connect; no network here, or the server is down");
        assertThat(HubDownloader.reason(new java.net.UnknownHostException("huggingface.co"))).contains("unknown host huggingface.co");
        assertThat(HubDownloader.reason(new java.io.IOException())).isEqualTo("network error").doesNotContain("null");
    }
}
