package org.aniprep.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A frame's page over HTTP: picture with boxes and names, tags, caption, where it lies, its record; 404 for others. */
class FramePageTest {
    @TempDir
    Path tmp;
    Path run;
    ReviewServer server;

    @BeforeEach
    void start() throws IOException {
        run = ReviewFixture.runFolder(tmp.resolve("run"));
        FramesViewTest.dedupTwin(run.resolve("frames"));
        // another tool edited f003's caption file: the page shows the file and says so
        Path f003 = run.resolve("frames/EP01/f003.json");
        ObjectNode side = (ObjectNode) Json.MAPPER.readTree(f003.toFile());
        ((ObjectNode) side.get("caption")).put("edited", true);
        side.putObject("classify").put("embedder", "offline-v1").putArray("faces").addObject().put("kind", "face").put("index", 0)
                .put("character", "Eileen").put("embedding", "A".repeat(700)).putArray("box").add(106).add(22).add(213).add(129);
        Files.writeString(f003, Json.MAPPER.writeValueAsString(side));
        Files.writeString(run.resolve("frames/EP01/f003.txt"), "Eileen, my own words from TagGUI\n");
        server = ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response get(String target) throws IOException {
        return RawHttp.send(server.port(), "GET", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token(),
                "Accept", "text/html"), null);
    }

    private String page(String target) throws IOException {
        RawHttp.Response r = get(target);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static long count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void thePictureHasItsBoxesAndNamesAndThePageItsTagsCaptionAndRecord() throws IOException {
        String html = page("/frame/EP02/f007.png");
        assertThat(html).contains("<img src=\"/img/EP02/f007.png\"").contains("data-this-frame=\"EP02/f007.png\"");
        assertThat(count(html, "<rect class=\"unknown\"")).isEqualTo(2);
        assertThat(html).contains("viewBox=\"0 0 320 ");
        assertThat(html).contains("In the dataset (kept).").contains("cluster c1");
        assertThat(html).containsPattern("<span>1girl<button[^>]*data-tag=\"1girl\"[^>]*>×</button></span><span>solo<button").contains("a frame f007.png").contains("written by the caption stage");
        assertThat(html).contains("data-section=\"detect\"").contains("data-section=\"classify\"").contains("schema: 2");
        assertThat(get("/img/EP02/f007.png").status()).isEqualTo(200);

        assertThat(html).as("a face links its group in Characters").contains("<a href=\"/characters/group?g=k%3Ac1&amp;page=1\"");
        String named = page("/frame/EP01/f001.png");
        assertThat(named).containsPattern("<rect class=\"named\" x=\"\\d+\" y=\"\\d+\" width=\"\\d+\" height=\"\\d+\"><title>Eileen</title>");
    }

    @Test
    void aCaptionEditedElsewhereIsShownAsTheFileHasItAndLongValuesAreCut() throws IOException {
        String html = page("/frame/EP01/f003.png");
        assertThat(html).contains("Eileen, my own words from TagGUI").contains("edited outside aniprep");
        assertThat(html).doesNotContain("A".repeat(200)).contains("(700 characters)");
    }

    @Test
    void previousAndNextFollowTheFilterTheFrameWasOpenedFrom() throws IOException {
        String html = page("/frame/EP01/f002.png?character=Eileen");
        assertThat(html).contains("href=\"/frame/EP01/f001.png?character=Eileen\" id=\"prev\"")
                .contains("href=\"/frame/EP01/f003.png?character=Eileen\" id=\"next\"")
                .contains("2 of 6 filtered frames").contains("href=\"/frames?character=Eileen&amp;page=1\" id=\"back\"");
        String first = page("/frame/EP01/f001.png");
        assertThat(first).doesNotContain("id=\"prev\"").contains("1 of 11 frames");
        String last = page("/frame/_removed/EP01/f011.png");
        assertThat(last).doesNotContain("id=\"next\"");
    }

    @Test
    void removedFramesSayWhyAndADuplicateLinksItsKeptTwin() throws IOException {
        assertThat(page("/frame/_removed/EP01/f009.png")).contains("Removed: filter: title_card.");
        String dup = page("/frame/_removed/EP01/f011.png");
        assertThat(dup).contains("Removed by dedup: a repeat of <a href=\"/frame/EP01/f002.png\" id=\"twin\">EP01/f002.png</a>");
    }

    @Test
    void aCorruptRecordShowsItsErrorAndMissingFramesAre404Pages() throws IOException {
        String bad = page("/frame/EP02/f010.png");
        assertThat(bad).contains("This record cannot be read").contains("not valid JSON").doesNotContain("<h3>Faces</h3>");
        for (String missing : List.of("/frame/EP01/nope.png", "/frame/_removed/EP01/nope.png", "/frame/", "/frame/..%2F..%2Fetc%2Fpasswd")) {
            RawHttp.Response r = get(missing);
            assertThat(r.status()).as(missing).isEqualTo(404);
            assertThat(r.body()).as(missing).contains("Not found").contains("href=\"/frames\"");
        }
        RawHttp.Response moved = get("/frame/EP01/f009.png?verdict=removed");
        assertThat(moved.status()).as("a frame removed since the link was made").isEqualTo(302);
        assertThat(moved.header("Location")).isEqualTo("/frame/_removed/EP01/f009.png?verdict=removed");
        assertThat(get("/frame/EP01/%3Cscript%3E.png").body()).doesNotContain("<script>.png");
    }
}
