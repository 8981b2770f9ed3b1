package org.aniprep.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewServerSecurityTest {
    @TempDir
    Path tmp;
    ReviewServer server;
    Path run;
    String cookie;

    @BeforeEach
    void start() throws IOException {
        run = ReviewFixture.runFolder(tmp.resolve("run"));
        server = ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
        cookie = ReviewSecurity.COOKIE + "=" + server.token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response get(String target) throws IOException {
        return RawHttp.send(server.port(), "GET", target, Map.of("Cookie", cookie), null);
    }

    private RawHttp.Response post(String target, Map<String, String> headers, String body) throws IOException {
        return RawHttp.send(server.port(), "POST", target, headers, body);
    }

    @Test
    void theTokenUrlSetsAStrictHttpOnlyCookieAndEveryRequestNeedsIt() throws IOException {
        RawHttp.Response first = RawHttp.send(server.port(), "GET", "/characters?token=" + server.token(), Map.of(), null);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Set-Cookie")).contains(server.token()).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(first.header("Location")).isEqualTo("/characters");

        assertThat(RawHttp.send(server.port(), "GET", "/characters", Map.of(), null).status()).isEqualTo(403);
        assertThat(RawHttp.send(server.port(), "GET", "/characters", Map.of("Cookie", ReviewSecurity.COOKIE + "=wrong"), null).status()).isEqualTo(403);
        assertThat(RawHttp.send(server.port(), "GET", "/characters?token=wrong", Map.of(), null).status()).isEqualTo(403);
        assertThat(RawHttp.send(server.port(), "GET", "/thumb/EP01/f001.png", Map.of(), null).status()).isEqualTo(403);
        assertThat(get("/characters").status()).isEqualTo(200);
    }

    @Test
    void theViewsThatReportHtmlLinksAreTheServersPages() throws IOException {
        org.aniprep.report.ReviewLinks links = org.aniprep.report.ReviewLinks.of(run);
        assertThat(links.command()).isEqualTo("aniprep review " + run.toAbsolutePath().normalize());
        assertThat(links.views()).hasSize(ReviewServer.defaultViews().size());
        for (org.aniprep.report.Link v : links.views()) {
            assertThat(v.href()).startsWith("http://127.0.0.1:" + org.aniprep.report.ReviewLinks.DEFAULT_PORT + "/");
            String path = v.href().substring(v.href().indexOf('/', "http://".length()));
            assertThat(get(path).status()).as(path).isEqualTo(200);
            // without the token cookie the link explains what to open
            assertThat(RawHttp.send(server.port(), "GET", path, Map.of(), null).body()).contains("open the URL aniprep review printed");
        }
    }

    @Test
    void aForeignHostHeaderIsRefused() throws IOException {
        RawHttp.Response r = RawHttp.send(server.port(), "GET", "/characters", Map.of("Cookie", cookie, "Host", "evil.example:" + server.port()), null);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void changesArePostOnlyWithTheTokenAndFromTheSameSite() throws IOException {
        String face = "face=" + java.net.URLEncoder.encode("EP02/f008.png#face0", java.nio.charset.StandardCharsets.UTF_8);
        String body = "action=notface&" + face;
        Map<String, String> ok = Map.of("Cookie", cookie, ReviewSecurity.HEADER, server.token(), "Origin", "http://127.0.0.1:" + server.port(),
                "Sec-Fetch-Site", "same-origin");
        // a GET does not change anything
        assertThat(get("/api/faces?" + body).status()).isIn(404, 405);
        // cross-site: another origin, another site, no token header, no cookie
        assertThat(post("/api/faces", Map.of("Cookie", cookie, ReviewSecurity.HEADER, server.token(), "Origin", "http://evil.example"), body).status()).isEqualTo(403);
        assertThat(post("/api/faces", Map.of("Cookie", cookie, ReviewSecurity.HEADER, server.token(), "Sec-Fetch-Site", "cross-site"), body).status()).isEqualTo(403);
        assertThat(post("/api/faces", Map.of("Cookie", cookie), body).status()).isEqualTo(403);
        assertThat(post("/api/faces", Map.of(ReviewSecurity.HEADER, server.token()), body).status()).isEqualTo(403);
        assertThat(RawHttp.send(server.port(), "PUT", "/api/faces", ok, body).status()).isIn(403, 404, 405);
        assertThat(Files.readString(run.resolve("frames/EP02/f008.json"))).doesNotContain("review");

        RawHttp.Response done = post("/api/faces", ok, body);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(Files.readString(run.resolve("frames/EP02/f008.json"))).containsPattern("\"not_a_face\"\\s*:\\s*true");
    }

    @Test
    void onlyFramesInsideTheFolderAreServed() throws IOException {
        Path secret = tmp.resolve("secret.png");
        Files.copy(run.resolve("frames/EP01/f001.png"), secret);
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        assertThat(get("/img/EP01/f001.png").status()).isEqualTo(200);
        assertThat(get("/thumb/EP01/f001.png").header("Cache-Control")).contains("max-age");
        for (String bad : List.of("/img/../../secret.txt", "/img/EP01/../../../secret.png", "/img/%2e%2e/%2e%2e/secret.png",
                "/img/EP01/%2e%2e%2f%2e%2e%2f..%2fsecret.png", "/img/%252e%252e/%252e%252e/secret.png",
                "/img/" + secret.toAbsolutePath(), "/img/%2F" + secret.toAbsolutePath().toString().substring(1),
                "/img//etc/passwd", "/static/..%2f..%2fReviewServer.class", "/thumb/..%2f..%2fsecret.png")) {
            RawHttp.Response r = get(bad);
            assertThat(r.status()).as(bad).isIn(400, 403, 404);
            assertThat(r.body()).as(bad).doesNotContain("secret").doesNotContain("PNG");
        }
        // a frame that is a link to a file outside the folder is refused
        Path link = run.resolve("frames/EP01/f099.png");
        Files.createSymbolicLink(link, secret);
        Files.copy(run.resolve("frames/EP01/f001.json"), run.resolve("frames/EP01/f099.json"));
        server.index().refresh(List.of(), List.of("EP01/f099.png"));
        assertThat(get("/img/EP01/f099.png").status()).isEqualTo(403);
        assertThat(get("/thumb/EP01/f099.png").status()).isEqualTo(403);
    }

    @Test
    void missingFramesAndPagesAre404PagesAndNamesStayText() throws IOException {
        assertThat(get("/frame/EP01/nope.png").status()).isEqualTo(404);
        assertThat(get("/img/EP01/nope.png").status()).isEqualTo(404);
        RawHttp.Response page = RawHttp.send(server.port(), "GET", "/no/such/page<script>", Map.of("Cookie", cookie, "Accept", "text/html"), null);
        assertThat(page.status()).isIn(400, 404);
        assertThat(page.body()).doesNotContain("<script>");

        Map<String, String> ok = Map.of("Cookie", cookie, ReviewSecurity.HEADER, server.token());
        RawHttp.Response named = post("/api/faces", ok, "action=name&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&face="
                + java.net.URLEncoder.encode("EP01/f004.png#face0", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        String html = get("/characters").body();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void aCorruptRecordIsAnErrorTileAndTheRestWorks() throws IOException {
        assertThat(server.index().frame("EP02/f010.png").error()).contains("not valid JSON");
        assertThat(get("/characters").body()).contains("Eileen");
    }

    @Test
    void aPortInUseIsSaidPlainly() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1",
                    taken.getLocalPort(), ReviewServer.defaultViews())))
                    .isInstanceOf(ReviewServer.PortInUse.class).hasMessageContaining("--port");
        }
    }

    @Test
    void aFolderThatIsNeitherRunNorFramesIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "hi");
        assertThatThrownBy(() -> ReviewFolder.of(other)).isInstanceOf(ReviewFolder.NotReviewable.class)
                .hasMessageContaining("neither a run folder");
        assertThatThrownBy(() -> ReviewFolder.of(tmp.resolve("missing"))).hasMessageContaining("no such folder");
        assertThat(ReviewFolder.of(run.resolve("frames")).run()).isFalse();
        assertThat(ReviewFolder.of(run).run()).isTrue();
    }
}
