package org.aniprep.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelResolverTest {
    @TempDir
    Path tmp;

    /** Lays out a repo exactly as huggingface_hub's hf_hub_download leaves it. */
    static Path writeHubLayout(Path cache, String repo, String commit, Map<String, String> files) throws Exception {
        Path repoDir = cache.resolve("models--" + repo.replace("/", "--"));
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs/main"), commit);
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] data = f.getValue().getBytes();
            Path blob = repoDir.resolve("blobs").resolve(FakeHub.sha256(data));
            Files.createDirectories(blob.getParent());
            Files.write(blob, data);
            Path link = repoDir.resolve("snapshots").resolve(commit).resolve(f.getKey());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, link.getParent().relativize(blob));
        }
        return repoDir.resolve("snapshots").resolve(commit);
    }

    @Test
    void readsTheHubCacheLayout() throws Exception {
        Path cache = tmp.resolve("hub");
        Path snap = writeHubLayout(cache, TestSpecs.REPO, FakeHub.COMMIT, Map.of("model.onnx", "onnx!", "selected_tags.csv", "csv"));
        ResolvedModel r = new ModelResolver(TestSpecs.settings(List.of(), cache, true, "http://unused", null))
                .resolve(TestSpecs.spec());
        assertThat(r.modelPath()).isEqualTo(snap.resolve("model.onnx"));
        assertThat(Files.readString(r.modelPath())).isEqualTo("onnx!");
        assertThat(Files.readString(r.require("tags"))).isEqualTo("csv");
        assertThat(r.source()).contains("hub cache");
    }

    @Test
    void extraFolderComesBeforeTheHubCacheAndNeedsAllFiles() throws Exception {
        Path cache = tmp.resolve("hub");
        writeHubLayout(cache, TestSpecs.REPO, FakeHub.COMMIT, Map.of("model.onnx", "cached", "selected_tags.csv", "csv"));
        Path half = tmp.resolve("half");
        Files.createDirectories(half.resolve("test-tagger"));
        Files.writeString(half.resolve("test-tagger/model.onnx"), "no csv beside me");
        Path full = tmp.resolve("full");
        Files.createDirectories(full.resolve("someorg/test-tagger"));
        Files.writeString(full.resolve("someorg/test-tagger/model.onnx"), "extra");
        Files.writeString(full.resolve("someorg/test-tagger/selected_tags.csv"), "csv");

        ResolvedModel r = new ModelResolver(TestSpecs.settings(List.of(half, full), cache, true, "http://unused", null))
                .resolve(TestSpecs.spec());
        assertThat(Files.readString(r.modelPath())).isEqualTo("extra");
    }

    @Test
    void offlineMissNamesRepoFileAndEveryFolderSearched() {
        Path extra = tmp.resolve("extra");
        Path cache = tmp.resolve("hub");
        ModelResolver resolver = new ModelResolver(TestSpecs.settings(List.of(extra), cache, true, "http://unused", null));
        assertThatThrownBy(() -> resolver.resolve(TestSpecs.spec()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(TestSpecs.REPO)
                .hasMessageContaining("model.onnx")
                .hasMessageContaining("offline")
                .hasMessageContaining(extra.resolve("someorg/test-tagger").toString())
                .hasMessageContaining(cache.resolve("models--someorg--test-tagger").toString());
    }

    @Test
    void explicitModelFileTakesItsSiblings() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("custom.onnx"), "m");
        Files.writeString(dir.resolve("selected_tags.csv"), "c");
        ModelResolver resolver = new ModelResolver(TestSpecs.settings(List.of(), tmp.resolve("hub"), true, "http://unused", null));
        ResolvedModel r = resolver.resolve(TestSpecs.spec(), dir.resolve("custom.onnx"));
        assertThat(r.modelPath()).isEqualTo(dir.resolve("custom.onnx"));
        assertThat(r.require("tags")).isEqualTo(dir.resolve("selected_tags.csv"));

        Files.delete(dir.resolve("selected_tags.csv"));
        assertThatThrownBy(() -> resolver.resolve(TestSpecs.spec(), dir.resolve("custom.onnx")))
                .hasMessageContaining("selected_tags.csv");
    }

    @Test
    void settingsFollowHuggingFaceEnvironment() {
        Path home = tmp.resolve("home");
        ModelSettings s = ModelSettings.fromEnvironment(Map.of("HF_HOME", "/data/hf", "HF_HUB_OFFLINE", "1",
                "ANIPREP_MODEL_PATH", "/a" + java.io.File.pathSeparator + "/b", "HF_TOKEN", "hf_x"), home, false, Device.CPU);
        assertThat(s.offline()).isTrue();
        assertThat(s.extraDirs()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(s.hubCaches()).containsExactly(Path.of("/data/hf/hub"), home.resolve(".cache/huggingface/hub"));
        assertThat(s.token()).isEqualTo("hf_x");
        assertThat(s.endpoint()).isEqualTo("https://huggingface.co");

        ModelSettings t = ModelSettings.fromEnvironment(Map.of("HF_HUB_CACHE", "/c"), home, false, Device.CPU);
        assertThat(t.offline()).isFalse();
        assertThat(t.downloadCache()).isEqualTo(Path.of("/c"));
    }
}
