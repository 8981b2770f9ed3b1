package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.io.FolderLock;
import org.aniprep.pipeline.StageLocks;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.ReviewInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames view's actions over HTTP: each writes the review section the pipeline reads (the same
 * records DatasetDecisionsTest's decisions are), on an explicit scope, counted before it runs, and
 * undo and redo take it back and do it again.
 */
class FrameActionsTest {
    private static final List<String> EILEEN = List.of("EP01/f001.png", "EP01/f002.png", "EP01/f003.png", "EP01/f004.png",
            "EP02/f005.png", "_removed/EP01/f011.png");

    @TempDir
    Path tmp;
    Path frames;
    ReviewServer server;

    @BeforeEach
    void start() throws IOException {
        Path run = ReviewFixture.runFolder(tmp.resolve("run"));
        frames = run.resolve("frames");
        FramesViewTest.dedupTwin(frames);
        server = ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode post(String target, int status, String body) throws IOException {
        RawHttp.Response r = RawHttp.send(server.port(), "POST", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token(),
                ReviewSecurity.HEADER, server.token(), "Origin", "http://127.0.0.1:" + server.port(), "Sec-Fetch-Site", "same-origin"), body);
        assertThat(r.status()).as(target + " " + body + ": " + r.body()).isEqualTo(status);
        return Json.MAPPER.readTree(r.body());
    }

    private String grid() throws IOException {
        return RawHttp.send(server.port(), "GET", "/frames", Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token()), null).body();
    }

    private static String frames(String... rels) {
        StringBuilder sb = new StringBuilder();
        for (String r : rels) {
            sb.append("&frame=").append(URLEncoder.encode(r, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String filter(String query) {
        return "&filter=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The review section of a frame on disk (NullNode: none). */
    private JsonNode review(String rel) throws IOException {
        Path json = frames.resolve(rel.replace(".png", ".json"));
        assertThat(json).as(rel).exists();
        return Json.MAPPER.readTree(json.toFile()).path(ReviewInfo.SECTION).isMissingNode() ? Json.MAPPER.nullNode()
                : Json.MAPPER.readTree(json.toFile()).get(ReviewInfo.SECTION);
    }

    private static JsonNode as(ReviewInfo info) {
        return Json.MAPPER.valueToTree(info);
    }

    @Test
    void removeAFrameThenUndoAndRedo() throws IOException {
        JsonNode done = post("/api/frames", 200, "action=remove" + frames("EP01/f003.png")
                + "&here=EP01%2Ff003.png&back=%3Fcharacter%3DEileen");
        assertThat(done.get("location").asText()).isEqualTo("/frame/_removed/EP01/f003.png?character=Eileen");
        assertThat(frames.resolve("EP01/f003.png")).doesNotExist();
        assertThat(review("_removed/EP01/f003.png")).as("what the pipeline reads as a manual removal")
                .isEqualTo(as(new ReviewInfo(List.of(), new ReviewInfo.Frame(ReviewInfo.REMOVE, ReviewInfo.MANUAL), null, null)));
        assertThat(server.index().frame("_removed/EP01/f003.png").verdict()).isEqualTo("manual");

        post("/api/undo", 200, "");
        assertThat(frames.resolve("EP01/f003.png")).exists();
        assertThat(review("EP01/f003.png").isNull()).isTrue();
        post("/api/redo", 200, "");
        assertThat(frames.resolve("_removed/EP01/f003.png")).exists();
    }

    @Test
    void restoreWhatFilterAndDedupRemoved() throws IOException {
        JsonNode plan = post("/api/frames/count", 200, "action=restore" + filter("verdict=removed"));
        assertThat(plan.get("count").asInt()).isEqualTo(2);
        assertThat(plan.get("changes").asInt()).isEqualTo(2);
        assertThat(plan.get("message").asText()).isEqualTo("restore 2 frames");
        post("/api/frames", 200, "action=restore" + filter("verdict=removed"));
        for (String rel : List.of("EP01/f009.png", "EP01/f011.png")) {
            assertThat(review(rel)).as(rel).isEqualTo(as(new ReviewInfo(List.of(), new ReviewInfo.Frame(ReviewInfo.KEEP, null), null, null)));
            assertThat(server.index().frame(rel).verdict()).isEqualTo("kept");
        }
        JsonNode again = post("/api/frames/count", 200, "action=restore" + frames("EP01/f009.png", "EP01/f001.png"));
        assertThat(again.get("changes").asInt()).isZero();
        assertThat(again.get("message").asText()).contains("2 in the dataset already");
        post("/api/frames", 400, "action=restore" + frames("EP01/f009.png"));
    }

    @Test
    void aBulkTagOnEveryFilteredFrameIsCountedFirstAndUndoneAsOne() throws IOException {
        String scope = filter("character=Eileen");
        assertThat(grid()).doesNotContain("<option value=\"red_hair\">");
        JsonNode plan = post("/api/frames/count", 200, "action=tag&tag=red+hair" + scope);
        assertThat(plan.get("count").asInt()).isEqualTo(6);
        assertThat(plan.get("changes").asInt()).isEqualTo(6);
        assertThat(plan.get("message").asText()).isEqualTo("add the tag red_hair to 6 frames");
        assertThat(review("EP01/f001.png").isNull()).as("counting writes nothing").isTrue();

        post("/api/frames", 200, "action=tag&tag=red+hair" + scope);
        for (String rel : EILEEN) {
            assertThat(review(rel)).as(rel).isEqualTo(as(new ReviewInfo(List.of(), null, new ReviewInfo.TagEdits(List.of("red_hair"), List.of()), null)));
            assertThat(server.index().frame(rel).tags()).contains("red_hair");
        }
        assertThat(review("EP02/f006.png").isNull()).as("outside the filter").isTrue();
        assertThat(grid()).as("the grid's choices follow the change").contains("<option value=\"red_hair\">")
                .contains("✎ yours: tags");
        JsonNode twice = post("/api/frames/count", 200, "action=tag&tag=red_hair" + filter("faces=1"));
        assertThat(twice.get("message").asText()).isEqualTo("add the tag red_hair to 1 frame of the 7 in the scope (6 have it already)");

        post("/api/undo", 200, "");
        for (String rel : EILEEN) {
            assertThat(review(rel).isNull()).as(rel).isTrue();
        }
    }

    @Test
    void removeATagFromTheSelectionAndEditCaptions() throws IOException {
        post("/api/frames", 200, "action=untag&tag=solo" + frames("EP01/f001.png", "EP01/f002.png", "EP02/f006.png"));
        assertThat(review("EP02/f006.png")).isEqualTo(as(new ReviewInfo(List.of(), null, new ReviewInfo.TagEdits(List.of(), List.of("solo")), null)));
        assertThat(server.index().frame("EP02/f006.png").tags()).containsExactly("1girl");
        JsonNode none = post("/api/frames/count", 200, "action=untag&tag=solo" + frames("EP01/f001.png"));
        assertThat(none.get("changes").asInt()).isZero();

        post("/api/frames", 200, "action=caption&caption=+Eileen+on+stage+" + frames("EP01/f001.png"));
        assertThat(review("EP01/f001.png").get("caption").asText()).isEqualTo("Eileen on stage");
        assertThat(review("EP01/f001.png").get("tags").get("remove")).containsExactly(Json.MAPPER.valueToTree("solo"));
        assertThat(server.index().frame("EP01/f001.png").caption()).isEqualTo("Eileen on stage");
        post("/api/frames", 400, "action=caption&caption=Eileen+on+stage" + frames("EP01/f001.png"));
        post("/api/frames", 200, "action=caption&caption=" + frames("EP01/f001.png"));
        assertThat(review("EP01/f001.png").has("caption")).as("back to the caption stage's").isFalse();
        assertThat(server.index().frame("EP01/f001.png").caption()).isEqualTo("a frame f001.png");
    }

    @Test
    void slipsAreRefusedPlainly() throws IOException {
        assertThat(post("/api/frames", 400, "action=remove").get("message").asText()).contains("select frames first");
        post("/api/frames", 404, "action=remove" + frames("EP01/nope.png"));
        assertThat(post("/api/frames", 400, "action=remove" + frames("EP02/f010.png")).get("message").asText()).contains("1 unreadable");
        post("/api/frames", 400, "action=tag&tag=" + frames("EP01/f001.png"));
        post("/api/frames", 400, "action=explode" + frames("EP01/f001.png"));
        try (FolderLock lock = StageLocks.lock(frames, "aniprep run", false)) {
            assertThat(post("/api/frames", 423, "action=remove" + frames("EP01/f001.png")).get("message").asText()).contains("read-only");
        }
        assertThat(frames.resolve("EP01/f001.png")).exists();
    }

    @Test
    void theGridAndTheFramePageOfferTheActionsWithTheirScope() throws IOException {
        String grid = RawHttp.send(server.port(), "GET", "/frames?character=Eileen", Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token()), null).body();
        assertThat(grid).contains("data-frame-actions").contains("every filtered frame (6)").contains("data-action=\"tag\"")
                .contains("<option value=\"solo\">");
        String page = RawHttp.send(server.port(), "GET", "/frame/_removed/EP01/f009.png", Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token()), null).body();
        assertThat(page).contains("id=\"restore\"").doesNotContain("id=\"remove\"").contains("<textarea id=\"caption-text\"");
    }
}
