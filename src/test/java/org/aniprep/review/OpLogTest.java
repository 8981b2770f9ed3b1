package org.aniprep.review;

import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpLogTest {
    @TempDir
    Path tmp;

    record App(ReviewFolder folder, ReviewIndex index, ReviewWriter writer, ReviewActions actions) {
        static App open(Path run) throws IOException {
            ReviewFolder folder = ReviewFolder.of(run);
            OpLog log = ReviewWriter.recover(folder);
            ReviewIndex index = ReviewIndex.build(folder.frames(), (p, w) -> { });
            ReviewWriter writer = new ReviewWriter(folder, index, log);
            return new App(folder, index, writer, new ReviewActions(index, writer));
        }
    }

    static Optional<ReviewInfo> review(Path run, String rel) {
        return SidecarStore.read(run.resolve("frames").resolve(rel)).get(ReviewInfo.SECTION, ReviewInfo.class);
    }

    @Test
    void bulkActionsUndoAndRedoAlsoAfterARestart() throws IOException {
        Path run = ReviewFixture.runFolder(tmp.resolve("run"));
        App app = App.open(run);
        List<String> cluster = app.index().groups().byKey().get("k:c1").faces().stream().map(FaceEntry::id).toList();
        assertThat(cluster).hasSize(3);
        app.actions().name(cluster, "Mira");
        assertThat(app.index().groups().byKey()).containsKey("c:Mira").doesNotContainKey("k:c1");
        app.actions().name(List.of("EP01/f004.png#face0", "EP02/f005.png#face0"), "Lucy");
        app.actions().remove(List.of("EP01/f003.png"));
        assertThat(Files.exists(run.resolve("frames/_removed/EP01/f003.png"))).isTrue();
        assertThat(review(run, "_removed/EP01/f003.png").orElseThrow().removeFrame()).isTrue();

        // restart: the log still knows the three actions
        app = App.open(run);
        app.writer().undo();
        assertThat(Files.exists(run.resolve("frames/EP01/f003.png"))).isTrue();
        assertThat(Files.exists(run.resolve("frames/_removed/EP01/f003.png"))).isFalse();
        assertThat(review(run, "EP01/f003.png")).isEmpty();
        app.writer().undo();
        assertThat(review(run, "EP01/f004.png")).isEmpty();
        app = App.open(run);
        assertThat(app.writer().log().redoable().label()).startsWith("this is Lucy");
        app.writer().redo();
        assertThat(review(run, "EP01/f004.png").orElseThrow().faces().get(0).character()).isEqualTo("Lucy");
        assertThat(app.index().frame("EP01/f004.png").faces().get(0).character()).isEqualTo("Lucy");
        // a new action after an undo drops the redo stack
        app.writer().undo();
        app.actions().notAFace(List.of("EP02/f008.png#face0"));
        assertThat(app.writer().log().redoable()).isNull();
        assertThatThrownBy(() -> App.open(run).writer().redo()).hasMessageContaining("nothing to redo");
        // every decision of the cluster naming is still there
        assertThat(review(run, "EP02/f006.png").orElseThrow().faces()).extracting(ReviewInfo.Face::character).containsOnly("Mira");
    }

    @Test
    void aPendingActionIsFinishedOrDroppedByTheNextStart() throws IOException {
        Path run = ReviewFixture.runFolder(tmp.resolve("run"));
        App app = App.open(run);
        app.actions().tag(List.of("EP01/f001.png", "EP01/f002.png"), "smile", true);
        Path log = app.folder().opLog();
        List<String> lines = Files.readAllLines(log);
        // as if killed after the batch ran but before the log line was appended
        String line = lines.get(lines.size() - 1);
        Files.write(log, lines.subList(0, lines.size() - 1));
        com.fasterxml.jackson.databind.JsonNode l = org.aniprep.sidecar.Json.MAPPER.readTree(line);
        com.fasterxml.jackson.databind.node.ObjectNode p = org.aniprep.sidecar.Json.MAPPER.createObjectNode();
        p.put("id", l.get("op").get("id").asLong());
        p.set("line", l);
        p.set("batch", l.get("op"));
        String pending = p.toString();
        Files.writeString(app.folder().state().resolve("pending.json"), pending);
        app = App.open(run);
        assertThat(app.writer().log().undoable().label()).contains("smile");
        assertThat(Files.exists(app.folder().state().resolve("pending.json"))).isFalse();

        // as if killed before the batch started: the records do not show it, so it is dropped
        app.writer().undo();
        Files.writeString(app.folder().state().resolve("pending.json"), pending.replace("\"id\":1", "\"id\":7"));
        app = App.open(run);
        assertThat(app.writer().log().undoable()).isNull();
        assertThat(review(run, "EP01/f001.png")).isEmpty();
    }
}
