package org.aniprep.sidecar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MoveJournalTest {
    @TempDir
    Path dir;
    List<String> skipped = new ArrayList<>();

    @AfterEach
    void noFaults() {
        JournalFaults.clear();
    }

    private Path image(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1, 2, 3});
        SidecarStore.put(p, "mine", Map.of("k", rel));
        return p;
    }

    @Test
    void movesWithSidecarsRecordsAndDeletesThenLeavesNoJournal() throws Exception {
        image("ep1/a.png");
        image("ep1/b.png");
        image("ep1/c.png");
        MoveJournal.Outcome out = MoveJournal.apply(dir, "test", List.of(
                MoveJournal.Step.update("ep1/a.png", "group", Map.of("removed", List.of("ep1/b.png"))),
                MoveJournal.Step.move("ep1/b.png", "_removed/ep1/b.png", "group", Map.of("kept", "ep1/a.png")),
                MoveJournal.Step.delete("ep1/c.png")), (f, why) -> skipped.add(f + " " + why));
        assertThat(out).isEqualTo(new MoveJournal.Outcome(1, 1, true, null));
        assertThat(dir.resolve("ep1/b.png")).doesNotExist();
        assertThat(dir.resolve("ep1/c.png")).doesNotExist();
        assertThat(dir.resolve("ep1/c.json")).doesNotExist();
        Sidecar moved = SidecarStore.read(dir.resolve("_removed/ep1/b.png"));
        assertThat(moved.json().path("mine").path("k").asText()).isEqualTo("ep1/b.png");
        assertThat(moved.json().path("group").path("kept").asText()).isEqualTo("ep1/a.png");
        assertThat(SidecarStore.read(dir.resolve("ep1/a.png")).json().path("group").path("removed").get(0).asText()).isEqualTo("ep1/b.png");
        assertThat(dir.resolve(MoveJournal.FILE_NAME)).doesNotExist();
        assertThat(skipped).isEmpty();
    }

    @Test
    void aFullDiskLeavesTheJournalAndRecoveryFinishesIt() throws Exception {
        image("a.png");
        image("b.png");
        JournalFaults.diskFullFrom(2); // journal, sidecar moved; the image is not
        MoveJournal.Outcome out = MoveJournal.apply(dir, "test",
                List.of(MoveJournal.Step.move("b.png", "_removed/b.png", "group", Map.of("kept", "a.png"))), (f, w) -> skipped.add(w));
        assertThat(out.complete()).isFalse();
        assertThat(out.error()).isEqualTo("No space left on device");
        assertThat(dir.resolve("_removed/b.json")).exists();
        assertThat(dir.resolve("b.png")).exists();
        assertThat(dir.resolve(MoveJournal.FILE_NAME)).exists();
        JournalFaults.clear();
        assertThat(MoveJournal.recover(dir, (f, w) -> skipped.add(w))).isEqualTo(new MoveJournal.Outcome(1, 0, true, null));
        assertThat(dir.resolve("_removed/b.png")).exists();
        assertThat(SidecarStore.read(dir.resolve("_removed/b.png")).json().path("group").path("kept").asText()).isEqualTo("a.png");
        assertThat(dir.resolve(MoveJournal.FILE_NAME)).doesNotExist();
        assertThat(skipped).isEmpty();
    }

    @Test
    void stepsWhoseFilesAreGoneOrOutsideTheFolderAreReportedAndTheRestDone() throws Exception {
        image("a.png");
        Files.writeString(dir.resolve(MoveJournal.FILE_NAME), """
                {"command":"dedup","steps":[
                 {"kind":"MOVE","image":"gone.png","target":"_removed/gone.png"},
                 {"kind":"MOVE","image":"../escape.png","target":"_removed/x.png"},
                 {"kind":"MOVE","image":"a.png","target":"_removed/a.png","section":"group","value":{"kept":"z.png"}}]}""");
        assertThat(MoveJournal.recover(dir, (f, w) -> skipped.add(w)).complete()).isTrue();
        assertThat(dir.resolve("_removed/a.png")).exists();
        assertThat(skipped).hasSize(2).anySatisfy(w -> assertThat(w).contains("is gone"))
                .anySatisfy(w -> assertThat(w).contains("outside the folder"));
    }

    @Test
    void anUnreadableJournalIsSetAsideNotDeleted() throws Exception {
        Files.writeString(dir.resolve(MoveJournal.FILE_NAME), "{\"steps\":[");
        assertThat(MoveJournal.recover(dir, (f, w) -> skipped.add(w)).complete()).isTrue();
        assertThat(dir.resolve(MoveJournal.FILE_NAME + ".unreadable")).exists();
        assertThat(skipped).singleElement().asString().contains("cannot be read").doesNotContain("Exception");
    }
}
