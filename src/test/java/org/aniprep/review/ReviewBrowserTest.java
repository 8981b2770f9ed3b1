package org.aniprep.review;

import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.ReviewInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scripted review session in a real browser (headless chromium through Selenium) on a run folder
 * {@code aniprep run} made ({@link BrowserRun}): on the characters page, name the unknown clusters
 * Lucy (her faces, with the drummer's two and a box on the background mixed in, and Eileen's look-alike
 * faces where classify left them there), confirming the merge of a second cluster into Lucy; move the
 * drummer's two faces, now wrongly named Lucy, to a new character; mark the background box not a face;
 * mark one of the faces not a face by mistake and undo that. Faces the session leaves alone keep
 * classify's verdicts. Then the records on disk hold exactly these
 * decisions, and a rerun of the pipeline keeps every one. Done twice: with the mouse, and keyboard only.
 * Screenshots of each page go to {@code target/review-screens/}.
 */
class ReviewBrowserTest {
    @TempDir
    Path tmp;
    ReviewServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        BrowserRun.clearEnvironment();
    }

    @Test
    void aSessionWithTheMouseHoldsOnDiskAndThroughARerun() throws Exception {
        session("mouse", ReviewHands.Mouse::new);
    }

    @Test
    void theSameSessionKeyboardOnly() throws Exception {
        session("keys", ReviewHands.Keyboard::new);
    }

    /** The faces the session works on, read off the page as the machine left it. */
    record Plan(List<String> cluster, List<String> drummer, String bogus, String eileen, String removed,
                java.util.Map<String, String> leftAlone) {
        List<String> lucy() {
            return cluster.stream().filter(id -> !drummer.contains(id) && !id.equals(bogus)).toList();
        }

        /** Lucy's faces in the frames that stay (classify does not look at a removed frame again). */
        List<String> lucyKept() {
            return lucy().stream().filter(id -> !BrowserRun.frameOf(id).equals(removed)).toList();
        }
    }

    private static String groupOf(Browser b, String faceId) {
        return b.face(faceId).findElement(org.openqa.selenium.By.xpath("ancestor::section")).getAttribute("data-group");
    }

    private void session(String pass, java.util.function.Function<Browser, ReviewHands.Hands> hands) throws Exception {
        try (Browser b = Browser.open()) {
            BrowserRun run = BrowserRun.make(tmp);
            server = ReviewServer.start(ReviewFolder.of(run.root), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
            b.get(server.url());
            assertThat(b.find("main").getText()).contains("Eileen");
            // the machine's result: Lucy has no reference, so her faces are unknown clusters, with the rest mixed in
            // (the drummer's and an Eileen face land in her cluster or in one of their own: classify decides which)
            String bogus = BrowserRun.BOGUS_FRAME + "#face" + run.truth.get(BrowserRun.BOGUS_FRAME).indexOf("-");
            assertThat(groupOf(b, bogus)).startsWith("k:");
            List<String> clusters = b.all("section[data-group^=\"k:\"]").stream().map(e -> e.getAttribute("data-group")).toList();
            List<String> firstOfEach = clusters.stream().map(k -> b.find("section[data-group=\"" + k + "\"] [data-face]")
                    .getAttribute("data-face")).toList();
            List<String> cluster = b.all("section[data-group^=\"k:\"] [data-face]").stream()
                    .map(e -> e.getAttribute("data-face")).toList();
            List<String> drummer = run.facesOf("drummer");
            assertThat(cluster).as("the drummer's faces are unknown, as Lucy's").containsAll(drummer).hasSizeGreaterThan(10);
            // the face the user marks "not a face" by mistake and undoes: an Eileen face clustered with Lucy's if
            // classify made that mistake, else one of Lucy's own
            String eileen = run.facesOf("Eileen").stream().filter(cluster::contains).findFirst()
                    .orElseGet(() -> run.facesOf("Lucy").stream().filter(cluster::contains).filter(id -> !BrowserRun.frameOf(id).equals(BrowserRun.BOGUS_FRAME))
                            .findFirst().orElseThrow(() -> new AssertionError("no Lucy face in the clusters " + cluster)));
            List<String> tagged = run.truth.keySet().stream().limit(3).toList();
            String removed = run.truth.keySet().stream().filter(f -> !tagged.contains(f) && !f.equals(BrowserRun.BOGUS_FRAME)
                            && !f.equals(BrowserRun.frameOf(eileen)) && drummer.stream().noneMatch(d -> BrowserRun.frameOf(d).equals(f)))
                    .findFirst().orElseThrow(() -> new AssertionError("no frame to remove"));
            java.util.Map<String, String> leftAlone = new java.util.TreeMap<>();
            run.facesOf("Eileen").stream().filter(id -> !cluster.contains(id)).forEach(id -> leftAlone.put(id, verdict(run, id)));
            assertThat(leftAlone.values()).as("Eileen's named faces").contains("Eileen named null");
            Plan plan = new Plan(cluster, drummer, bogus, eileen, removed, leftAlone);
            b.screenshot(pass + "-characters-before");

            ReviewHands.Hands h = hands.apply(b);
            // the user names every unknown cluster Lucy, then picks out what is not hers
            for (String face : firstOfEach) {
                h.nameGroupOf(face, "Lucy", !face.equals(firstOfEach.get(0)));
            }
            assertThat(b.find("section[data-group=\"c:Lucy\"]").getText()).contains("Lucy");
            h.nameFaces(drummer, "Drummer");
            h.notAFace(bogus);
            h.notAFace(eileen);
            h.undo();
            assertThat(b.text("#status")).contains("undone", "not a face");
            assertThat(groupOf(b, eileen)).isEqualTo("c:Lucy");
            assertThat(b.all("[data-face=\"" + bogus + "\"]")).as("a box that is not a face leaves the page").isEmpty();
            b.screenshot(pass + "-characters-after");
            b.get("http://127.0.0.1:" + server.port() + CharactersView.groupHref("c:Lucy", 1));
            b.find("section[data-group=\"c:Lucy\"]");
            b.screenshot(pass + "-characters-group");

            // the frames: take one out, tag three, then Apply on the Dataset view
            h.toView("2", "/frames");
            h.removeFrame(removed);
            h.tagFrames(tagged, TAG);
            b.screenshot(pass + "-frames-after");
            h.toView("3", "/dataset");
            b.find("#apply");
            b.screenshot(pass + "-dataset-before");
            WebElement page = b.page();
            h.apply();
            String applied = b.awaitApplied(page);
            assertThat(applied).as(applied).startsWith("done");
            b.screenshot(pass + "-dataset-applied");
            assertThat(b.text("main")).contains("applied");
            checkFrames(run, removed, tagged);
            server.close();
            server = null;

            checkDecisions(run, plan);
            assertThat(Files.readAllLines(run.root.resolve(".aniprep/review/ops.jsonl"))).as("the group namings, five actions and an undo").hasSize(clusters.size() + 6);

            assertThat(run.pipeline()).isZero();
            checkDecisions(run, plan);
            checkClassified(run, plan);
            checkFrames(run, removed, tagged);
            try (Stream<Path> s = Files.walk(run.root.resolve("dataset"))) {
                List<String> tree = s.map(p -> run.root.resolve("dataset").relativize(p).toString()).toList();
                assertThat(tree).anyMatch(p -> p.startsWith("1_character/Lucy")).anyMatch(p -> p.contains("Drummer"));
            }
        }
    }

    private static final String TAG = "brass_band";

    /** The removed frame is out of dataset/ (no image there has its bytes), the tagged ones' captions hold the tag. */
    private static void checkFrames(BrowserRun run, String removed, List<String> tagged) throws IOException {
        assertThat(run.root.resolve("frames/_removed").resolve(removed)).exists();
        assertThat(run.root.resolve("frames").resolve(removed)).doesNotExist();
        byte[] gone = Files.readAllBytes(run.root.resolve("frames/_removed").resolve(removed));
        java.util.Map<String, byte[]> want = new java.util.TreeMap<>();
        for (String t : tagged) {
            want.put(t, Files.readAllBytes(run.root.resolve("frames").resolve(t)));
        }
        java.util.Set<String> seen = new java.util.TreeSet<>();
        List<Path> images;
        try (Stream<Path> s = Files.walk(run.root.resolve("dataset"))) {
            images = s.filter(p -> p.getFileName().toString().endsWith(".png") && !p.toString().contains("_report")
                    && !p.toString().contains("/.aniprep/")).toList();
        }
        assertThat(images).as("the dataset holds images").isNotEmpty();
        for (Path p : images) {
            byte[] bytes = Files.readAllBytes(p);
            assertThat(java.util.Arrays.equals(bytes, gone)).as(p + " is the removed frame " + removed).isFalse();
            for (var e : want.entrySet()) {
                if (java.util.Arrays.equals(bytes, e.getValue())) {
                    Path caption = p.resolveSibling(p.getFileName().toString().replaceAll("\\.png$", ".txt"));
                    assertThat(Files.readString(caption)).as(caption + " of " + e.getKey()).containsPattern("brass[ _]band");
                    seen.add(e.getKey());
                }
            }
        }
        assertThat(seen).as("the tagged frames are in the dataset").isNotEmpty();
    }

    /** The review sections hold the session's decisions, the undone one back to what it was before. */
    private static void checkDecisions(BrowserRun run, Plan plan) {
        for (String id : plan.lucy()) {
            assertThat(decision(run, id).character()).as(id).isEqualTo("Lucy");
        }
        for (String id : plan.drummer()) {
            assertThat(decision(run, id).character()).as(id).isEqualTo("Drummer");
        }
        // by its box: once detect has run again (Apply does) the box is no longer among detect's faces
        assertThat(run.decision(BrowserRun.BOGUS_FRAME, BrowserRun.BOGUS).orElseThrow().isNotAFace()).isTrue();
        assertThat(SidecarStore.read(run.image(BrowserRun.BOGUS_FRAME)).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow()
                .faces().boxes().stream().map(b -> b.box()).toList()).as("detect keeps it out").doesNotContain(BrowserRun.BOGUS);
        ReviewInfo.Face eileen = decision(run, plan.eileen());
        assertThat(eileen.isNotAFace()).as("undone").isFalse();
        assertThat(eileen.character()).as("as the group naming left it").isEqualTo("Lucy");
        for (String id : run.facesOf("Eileen")) {
            if (!plan.cluster().contains(id)) {
                assertThat(run.decision(BrowserRun.frameOf(id), run.box(BrowserRun.frameOf(id), BrowserRun.indexOf(id)))).as(id).isEmpty();
            }
        }
    }

    /** After the rerun, classify's records follow the decisions. */
    private static void checkClassified(BrowserRun run, Plan plan) {
        for (String id : plan.lucyKept()) {
            ClassifyInfo.Face f = classified(run, id);
            assertThat(f.character() + " " + f.status()).as(id).isEqualTo("Lucy " + ClassifyInfo.CONFIRMED);
        }
        for (String id : plan.drummer()) {
            assertThat(classified(run, id).character()).as(id).isEqualTo("Drummer");
        }
        assertThat(run.classified(BrowserRun.BOGUS_FRAME, BrowserRun.BOGUS)).as("not a face: never classified").isEmpty();
        // the user left them alone, and so does the rerun: Lucy's new name takes none of them
        plan.leftAlone().forEach((id, before) -> assertThat(verdict(run, id)).as(id).isEqualTo(before));
    }

    /** What classify said of face {@code id}: its name, how sure, and the candidate of an uncertain one. */
    private static String verdict(BrowserRun run, String id) {
        ClassifyInfo.Face f = classified(run, id);
        return f.character() + " " + f.status() + " " + f.candidate();
    }

    private static ReviewInfo.Face decision(BrowserRun run, String id) {
        String frame = BrowserRun.frameOf(id);
        return run.decision(frame, run.box(frame, BrowserRun.indexOf(id))).orElseThrow(() -> new AssertionError("no decision on " + id));
    }

    private static ClassifyInfo.Face classified(BrowserRun run, String id) {
        String frame = BrowserRun.frameOf(id);
        return run.classified(frame, run.box(frame, BrowserRun.indexOf(id))).orElseThrow(() -> new AssertionError("not classified: " + id));
    }
}
