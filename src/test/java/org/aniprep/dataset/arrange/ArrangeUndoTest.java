package org.aniprep.dataset.arrange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.cli.Main;
import org.aniprep.dataset.DatasetFixture;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.aniprep.dataset.DatasetFixture.image;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code arrange --undo} pointed at something that is not a journal says so in plain words. */
class ArrangeUndoTest {
    @TempDir
    Path tmp;

    record Result(int code, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setErr(oldErr);
        }
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    private Path arranged() throws Exception {
        Path src = tmp.resolve("src");
        image(src.resolve("EP01"), "a.png", List.of("Ann"), 0.3, "cap a");
        image(src.resolve("EP01"), "b.png", List.of("Ann"), 0.3, "cap b");
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("dst").toString(),
                "--min-images-per-combination", "1")).isZero();
        return ArrangeJournal.all(tmp.resolve("dst")).get(0);
    }

    private static void assertPlain(Result r, String... words) {
        assertThat(r.code()).as(r.err()).isNotZero();
        assertThat(r.err()).contains(words).doesNotContain("Exception", "null", "Cannot invoke", "\tat ");
    }

    @Test
    void aSidecarIsNotAJournal() throws Exception {
        arranged();
        Path sidecar = tmp.resolve("src/EP01/a.json");
        assertPlain(run("arrange", "--undo", sidecar.toString()), sidecar.toString(),
                "is not an arrange journal: a JSON file without", "entries");
    }

    @Test
    void aPictureOrTextIsNotAJournal() throws Exception {
        Path png = DatasetFixture.image(tmp.resolve("x"), "p.png", List.of(), 0, null);
        assertPlain(run("arrange", "--undo", png.toString()), "is not an arrange journal: it is not");
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertPlain(run("arrange", "--undo", txt.toString()), "is not an arrange journal: it is not valid JSON");
        Path empty = Files.writeString(tmp.resolve("empty.json"), "");
        assertPlain(run("arrange", "--undo", empty.toString()), "is not an arrange journal: it is empty");
        Path list = Files.writeString(tmp.resolve("list.json"), "[1, 2]");
        assertPlain(run("arrange", "--undo", list.toString()), "holds a JSON array, not a journal object");
    }

    @Test
    void aTruncatedJournalIsDamagedAndNothingMoves() throws Exception {
        Path journal = arranged();
        byte[] whole = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(whole, whole.length / 2));
        var before = DatasetFixture.snapshot(tmp.resolve("dst"));
        assertPlain(run("arrange", "--undo", journal.toString()), "is a damaged arrange journal: it ends early");
        assertPlain(run("arrange", "--undo", tmp.resolve("dst").toString()), "is a damaged arrange journal");
        assertThat(DatasetFixture.snapshot(tmp.resolve("dst"))).isEqualTo(before);
    }

    @Test
    void aJournalWithAWrongValueNamesWhere() throws Exception {
        Path journal = arranged();
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(journal.toFile());
        ObjectNode first = (ObjectNode) tree.get("entries").get(0);
        first.putObject("files").put("x", 1);
        Files.write(journal, Json.MAPPER.writeValueAsBytes(tree));
        assertPlain(run("arrange", "--undo", journal.toString()), "is a damaged arrange journal: a value of the wrong kind",
                "entries[1].files");
        first.remove("files");
        first.remove("op");
        Files.write(journal, Json.MAPPER.writeValueAsBytes(tree));
        assertPlain(run("arrange", "--undo", journal.toString()), "entry 1 of 2 lacks its op, from or to");
    }

    @Test
    void aJournalAwayFromItsDatasetIsRefusedAndNothingMoves() throws Exception {
        Path journal = arranged();
        Path copy = Files.copy(journal, Files.createDirectories(tmp.resolve("elsewhere")).resolve("j.json"));
        var before = DatasetFixture.snapshot(tmp.resolve("dst"));
        assertPlain(run("arrange", "--undo", copy.toString()), copy.toString(), "is not an arrange journal of",
                "lies at " + journal);
        Path empty = Files.createDirectories(tmp.resolve("other/empty"));
        Path made = Files.writeString(tmp.resolve("other/made.json"), "{\"version\":1,\"id\":\"x\",\"dst\":"
                + Json.MAPPER.writeValueAsString(tmp.resolve("other").toString()) + ",\"entries\":[]}");
        assertPlain(run("arrange", "--undo", made.toString()), "is not an arrange journal of");
        assertThat(DatasetFixture.snapshot(tmp.resolve("dst"))).isEqualTo(before);
        assertThat(empty).isDirectory(); // an undo would have pruned it
    }
}
