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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The frames grid over HTTP: every frame, paged by the server, and each filter of the form. */
class FramesViewTest {
    private static final Pattern TILE = Pattern.compile("<figure class=\"frame[^\"]*\" tabindex=\"0\" data-frame=\"([^\"]+)\"");

    @TempDir
    Path tmp;
    Path run;
    ReviewServer server;

    @BeforeEach
    void start() throws IOException {
        run = ReviewFixture.runFolder(tmp.resolve("run"));
        dedupTwin(run.resolve("frames"));
        server = ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0,
                List.of(new CharactersView(), new FramesView(4), new DatasetView())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A frame dedup took out as a repeat of EP01/f002.png. */
    static void dedupTwin(Path frames) throws IOException {
        Path to = Files.createDirectories(frames.resolve("_removed/EP01")).resolve("f011.png");
        Files.copy(frames.resolve("EP01/f002.png"), to);
        ObjectNode side = (ObjectNode) Json.MAPPER.readTree(frames.resolve("EP01/f002.json").toFile());
        side.put("file", "f011.png");
        side.putObject("dedup").put("method", "phash").put("hash", "00ff").put("kept", "EP01/f002.png").put("distance", 2.0);
        Files.writeString(to.resolveSibling("f011.json"), Json.MAPPER.writeValueAsString(side));
    }

    private RawHttp.Response get(String target) throws IOException {
        return RawHttp.send(server.port(), "GET", target, Map.of("Cookie", ReviewSecurity.COOKIE + "=" + server.token()), null);
    }

    /** The frames the grid shows over every page of {@code query}. */
    private List<String> shown(String query) throws IOException {
        List<String> out = new ArrayList<>();
        for (int page = 1; page < 50; page++) {
            RawHttp.Response r = get("/frames?" + query + (query.isEmpty() ? "" : "&") + "page=" + page);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<String> here = new ArrayList<>();
            Matcher m = TILE.matcher(r.body());
            while (m.find()) {
                here.add(m.group(1));
            }
            assertThat(here.size()).as("a page holds at most 4 tiles").isLessThanOrEqualTo(4);
            out.addAll(here);
            if (!r.body().contains("next ›")) {
                return out;
            }
        }
        throw new AssertionError("more than 50 pages");
    }

    @Test
    void theGridPagesOverEveryFrameKeptOnesFirst() throws IOException {
        RawHttp.Response first = get("/frames");
        assertThat(first.body()).contains("Page 1 of 3").contains("11 frames (9 kept, 2 removed)")
                .contains("<a href=\"/frames\" class=\"here\">Frames</a>");
        assertThat(first.body()).contains("src=\"/thumb/EP01/f001.png\"");
        List<String> all = shown("");
        assertThat(all).containsExactly("EP01/f001.png", "EP01/f002.png", "EP01/f003.png", "EP01/f004.png",
                "EP02/f005.png", "EP02/f006.png", "EP02/f007.png", "EP02/f008.png", "EP02/f010.png",
                "_removed/EP01/f009.png", "_removed/EP01/f011.png");
        assertThat(get("/frames?page=99").body()).as("past the end: the last page").contains("Page 3 of 3");
        assertThat(get("/thumb/EP01/f001.png").header("Cache-Control")).contains("max-age");
    }

    @Test
    void eachFilterNarrowsTheGrid() throws IOException {
        assertThat(shown("character=Eileen")).containsExactly("EP01/f001.png", "EP01/f002.png", "EP01/f003.png",
                "EP01/f004.png", "EP02/f005.png", "_removed/EP01/f011.png");
        assertThat(shown("character=unknown")).containsExactly("EP02/f006.png", "EP02/f007.png", "EP02/f008.png");
        assertThat(shown("episode=EP02")).containsExactly("EP02/f005.png", "EP02/f006.png", "EP02/f007.png", "EP02/f008.png",
                "EP02/f010.png");
        assertThat(shown("faces=2")).containsExactly("EP02/f006.png", "EP02/f007.png");
        assertThat(shown("faces=0")).containsExactly("_removed/EP01/f009.png");
        assertThat(shown("faces=2%2B")).as("2 or more").containsExactly("EP02/f006.png", "EP02/f007.png");
        assertThat(shown("faces=3%2B")).isEmpty();
        assertThat(shown("faces=1&episode=EP02")).containsExactly("EP02/f005.png", "EP02/f008.png");
        assertThat(shown("band=none")).containsExactly("_removed/EP01/f009.png");
        assertThat(shown("band=large")).hasSize(9);
        assertThat(shown("verdict=kept")).hasSize(9).allMatch(f -> !f.startsWith("_removed"));
        assertThat(shown("verdict=removed")).containsExactly("_removed/EP01/f009.png", "_removed/EP01/f011.png");
        assertThat(shown("verdict=filter")).containsExactly("_removed/EP01/f009.png");
        assertThat(shown("verdict=filter:title_card")).containsExactly("_removed/EP01/f009.png");
        assertThat(shown("verdict=filter:blurry")).isEmpty();
        assertThat(shown("verdict=dedup")).containsExactly("_removed/EP01/f011.png");
        assertThat(shown("verdict=manual")).isEmpty();
        assertThat(shown("q=solo")).hasSize(10);
        assertThat(shown("q=f003")).as("caption text").containsExactly("EP01/f003.png");
        assertThat(shown("q=A+FRAME+F00")).as("case does not matter").hasSize(10);
        assertThat(shown("q=nothing+like+this")).isEmpty();
        assertThat(get("/frames?q=nothing+like+this").body()).contains("No frame matches the filter");
    }

    @Test
    void theFormShowsTheFilterAndItsChoicesAndPagesKeepIt() throws IOException {
        String page = get("/frames?character=Eileen&verdict=kept").body();
        assertThat(page).contains("<option value=\"Eileen\" selected>Eileen</option>")
                .contains("<option value=\"kept\" selected>kept</option>")
                .contains("<option value=\"filter:title_card\">").contains("<option value=\"EP02\">EP02</option>")
                .contains("<option value=\"3+\">3+</option>").doesNotContain("<option value=\"3+\" selected")
                .contains("5 of 11 frames match the filter");
        assertThat(page).contains("href=\"/frames?character=Eileen&amp;verdict=kept&amp;page=2\"");
        assertThat(page).contains("href=\"/frame/EP01/f001.png?character=Eileen&amp;verdict=kept\"");
        RawHttp.Response link = RawHttp.send(server.port(), "GET", "/frames?character=Eileen&token=" + server.token() + "&page=2", Map.of(), null);
        assertThat(link.header("Location")).as("a token link keeps its filter").isEqualTo("/frames?character=Eileen&page=2");
    }

    @Test
    void removedFramesSayWhyAndADuplicateLinksItsKeptTwin() throws IOException {
        String page = get("/frames?verdict=removed").body();
        assertThat(page).contains("filter: title_card");
        assertThat(page).contains("dup of <a href=\"/frame/EP01/f002.png\" tabindex=\"-1\" class=\"twin\">EP01/f002.png</a>");
    }

    @Test
    void aCorruptRecordIsAnErrorTileAmongTheOthers() throws IOException {
        String page = get("/frames?episode=EP02&page=2").body();
        assertThat(page).contains("data-frame=\"EP02/f010.png\" data-verdict=\"error\"").contains("this record cannot be read");
        assertThat(shown("episode=EP02&character=Eileen")).containsExactly("EP02/f005.png");
    }

    @Test
    void namesAndTextFromDataStayText() throws IOException {
        String page = get("/frames?q=%3Cscript%3Ealert(1)%3C/script%3E&character=%3Cb%3E").body();
        assertThat(page).doesNotContain("<script>alert(1)").contains("value=\"&lt;script>alert(1)&lt;/script>\"");
    }
}
