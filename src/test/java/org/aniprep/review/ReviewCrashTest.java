package org.aniprep.review;

import org.aniprep.sidecar.JournalFaults;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk action of {@code aniprep review} killed half-way (kill -9 of a real server process, stopped
 * at the Nth file operation of its batch) is finished or found never started by the next start of the
 * server: every face or frame of the action has it, or none has, the op log agrees, and undo takes
 * the whole action back.
 */
class ReviewCrashTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?token=([A-Za-z0-9_-]+)");
    private static final GeneratedRun FOLDER = new GeneratedRun(120, 200, 0, 0.0, 3, 2, 7);

    @TempDir
    Path tmp;

    /** Names 200 faces in one POST; the server is killed before file operation {@code k} of the batch. */
    private Path nameKilledAt(String name, int k) throws Exception {
        Path run = FOLDER.write(tmp.resolve(name));
        List<String> ids = new ArrayList<>();
        ReviewIndex.build(run.resolve("frames"), (p, w) -> { }).all().forEach(f -> f.faces().forEach(x -> ids.add(x.id())));
        assertThat(ids).hasSize(200);
        StringBuilder body = new StringBuilder("action=name&name=Mira");
        ids.forEach(id -> body.append("&face=").append(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        killedDuring(run, k, "/api/faces", body.toString());
        return run;
    }

    /** Starts {@code aniprep review RUN} in a child JVM that pauses before file operation {@code k}, posts, kills it there. */
    private static void killedDuring(Path run, int k, String target, String body) throws Exception {
        try (JavaProcess child = JavaProcess.start(JournalFaults.class, String.valueOf(k), "review", run.toString(), "--port", "0")) {
            Matcher m = URL.matcher(child.awaitLine("token="));
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            String token = m.group(2);
            CountDownLatch paused = new CountDownLatch(1);
            child.readInBackground(line -> {
                if (line.contains("stopped before")) {
                    paused.countDown();
                }
            });
            Thread post = new Thread(() -> {
                try {
                    RawHttp.send(port, "POST", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + token,
                            ReviewSecurity.HEADER, token, "Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin"), body);
                } catch (IOException e) {
                    // the connection dies with the server
                }
            });
            post.setDaemon(true);
            post.start();
            assertThat(paused.await(60, TimeUnit.SECONDS)).as(child.output()).isTrue();
            child.kill();
        }
    }

    private static long named(Path run, String name) throws IOException {
        try (var walk = Files.walk(run.resolve("frames"))) {
            return walk.filter(p -> p.toString().endsWith(".png")).mapToLong(p -> SidecarStore.read(p)
                    .get(ReviewInfo.SECTION, ReviewInfo.class).map(r -> r.faces().stream()
                            .filter(f -> name.equals(f.character())).count()).orElse(0L)).sum();
        }
    }

    private static ReviewServer restart(Path run) throws IOException {
        return ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
    }

    private static void assertNoJournal(Path run) {
        assertThat(run.resolve("frames").resolve(MoveJournal.FILE_NAME)).doesNotExist();
        assertThat(run.resolve(".aniprep/review/pending.json")).doesNotExist();
    }

    @Test
    void aBulkNamingKilledHalfWayIsFinishedByTheNextStartAndUndoesAsOne() throws Exception {
        // operation 0 writes the journal, then one sidecar update per frame
        Path run = nameKilledAt("mid", 40);
        long before = named(run, "Mira");
        assertThat(before).as("killed half-way").isBetween(1L, 199L);
        try (ReviewServer server = restart(run)) {
            assertNoJournal(run);
            assertThat(named(run, "Mira")).isEqualTo(200);
            assertThat(server.index().groups().byKey().get("c:Mira").size()).isEqualTo(200);
            ReviewWriter writer = server.context().writer();
            assertThat(writer.log().undoable().label()).isEqualTo("this is Mira (200 faces)");
            writer.undo();
            assertThat(named(run, "Mira")).isZero();
            assertThat(server.index().groups().byKey()).doesNotContainKey("c:Mira");
        }
    }

    @Test
    void aBulkNamingKilledBeforeItsJournalIsFoundNeverStarted() throws Exception {
        Path run = nameKilledAt("before", 0);
        assertThat(run.resolve(".aniprep/review/pending.json")).exists();
        try (ReviewServer server = restart(run)) {
            assertNoJournal(run);
            assertThat(named(run, "Mira")).isZero();
            assertThat(server.context().writer().log().undoable()).isNull();
        }
    }

    @Test
    void aBulkNamingKilledAfterItsLastWriteIsLoggedOnce() throws Exception {
        int frames = (int) ReviewIndex.build(FOLDER.write(tmp.resolve("count")).resolve("frames"), (p, w) -> { }).all().stream()
                .filter(f -> !f.faces().isEmpty()).count();
        Path run = nameKilledAt("after", frames + 1); // the journal, every update, then "done"
        assertThat(named(run, "Mira")).isEqualTo(200);
        try (ReviewServer server = restart(run)) {
            assertNoJournal(run);
            assertThat(named(run, "Mira")).isEqualTo(200);
            ReviewWriter writer = server.context().writer();
            writer.undo();
            assertThat(writer.log().undoable()).isNull();
            assertThat(named(run, "Mira")).isZero();
        }
    }

    @Test
    void aBulkRemovalKilledBetweenASidecarAndItsImageIsFinished() throws Exception {
        Path run = FOLDER.write(tmp.resolve("remove"));
        List<String> rels = IntStream.range(0, 60).mapToObj(FOLDER::rel).toList();
        // each move: its sidecar, its image, its record; stop after the 21st sidecar moved, before its image
        List<String> args = new ArrayList<>(List.of(String.valueOf(1 + 3 * 20 + 1), run.toString()));
        args.addAll(rels);
        try (JavaProcess child = JavaProcess.start(ReviewCrashChild.class, args.toArray(String[]::new))) {
            assertThat(child.awaitLine("stopped before", "finished")).contains("stopped before move " + rels.get(20));
            child.kill();
        }
        Path frames = run.resolve("frames");
        assertThat(frames.resolve(RecordReader.REMOVED).resolve(rels.get(20).replace(".png", ".json"))).exists();
        assertThat(frames.resolve(rels.get(20))).exists();
        try (ReviewServer server = restart(run)) {
            assertNoJournal(run);
            for (String r : rels) {
                assertThat(frames.resolve(r)).doesNotExist();
                Path moved = frames.resolve(RecordReader.REMOVED).resolve(r);
                assertThat(moved).exists();
                assertThat(SidecarStore.read(moved).get(ReviewInfo.SECTION, ReviewInfo.class).orElseThrow().removeFrame()).isTrue();
                assertThat(server.index().frame(RecordReader.REMOVED + "/" + r).verdict()).isEqualTo("manual");
            }
            server.context().writer().undo();
            rels.forEach(r -> assertThat(frames.resolve(r)).exists());
            assertThat(server.index().frame(rels.get(20)).verdict()).isEqualTo("kept");
        }
    }

    @Test
    void aBatchAFullDiskStoppedIsFinishedAndLoggedBeforeTheNextAction() throws Exception {
        Path run = FOLDER.write(tmp.resolve("full"));
        try (ReviewServer server = restart(run)) {
            ReviewActions actions = server.context().actions();
            List<String> ids = server.index().all().stream().flatMap(f -> f.faces().stream()).map(FaceEntry::id).limit(30).toList();
            JournalFaults.diskFullFrom(10);
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.name(ids, "Mira"))
                        .hasMessageContaining("the next start of aniprep review finishes it");
            } finally {
                JournalFaults.clear();
            }
            assertThat(named(run, "Mira")).isBetween(1L, 29L);
            actions.tag(List.of(FOLDER.rel(100)), "smile", true);
            assertNoJournal(run);
            assertThat(named(run, "Mira")).isEqualTo(30);
            assertThat(server.index().groups().byKey().get("c:Mira").size()).isEqualTo(30);
            ReviewWriter writer = server.context().writer();
            assertThat(writer.log().recent(2)).containsExactly("add tag smile (1 frame)", "this is Mira (30 faces)");
            writer.undo();
            writer.undo();
            assertThat(named(run, "Mira")).isZero();
        }
    }
}
