package org.aniprep.review;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Who may talk to the server: whoever opened the printed URL. Its random token becomes an HttpOnly,
 * SameSite=Strict cookie; every request needs that cookie; the Host header must name this server (no
 * DNS rebinding); every state change is a POST that also carries the token in a header and comes from
 * the same origin (Origin and Sec-Fetch-Site, where the browser sends them).
 */
final class ReviewSecurity {
    static final String COOKIE = "aniprep_review";
    static final String HEADER = "X-Aniprep-Token";

    private final String token;
    private final Set<String> hosts;

    ReviewSecurity(String token, Set<String> hosts) {
        this.token = token;
        this.hosts = hosts;
    }

    static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String token() {
        return token;
    }

    /** Runs before every request: passes, redirects a token URL to the same page with the cookie set, or refuses. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new HttpResponseException(403, "this server answers only to its own address");
        }
        String given = ctx.queryParam("token");
        if (given != null && ctx.method() == HandlerType.GET) {
            if (!same(given, token)) {
                throw new HttpResponseException(403, "wrong token: open the URL aniprep review printed");
            }
            ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.header("Cache-Control", "no-store");
            String path = ctx.path();
            String rest = ctx.queryString() == null ? "" : java.util.Arrays.stream(ctx.queryString().split("&"))
                    .filter(p -> !p.isEmpty() && !p.startsWith("token=")).collect(java.util.stream.Collectors.joining("&"));
            // the same page without the token (a filtered grid's link keeps its filter)
            ctx.redirect((path.startsWith("/") && !path.startsWith("//") ? path : "/") + (rest.isEmpty() ? "" : "?" + rest));
            ctx.skipRemainingHandlers();
            return;
        }
        if (!same(ctx.cookie(COOKIE), token)) {
            throw new HttpResponseException(403, "not signed in: open the URL aniprep review printed (it holds the token)");
        }
        HandlerType m = ctx.method();
        if (m == HandlerType.GET || m == HandlerType.HEAD) {
            return;
        }
        if (m != HandlerType.POST) {
            throw new HttpResponseException(405, "only GET and POST");
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new HttpResponseException(403, "refused: a request from another site");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            throw new HttpResponseException(403, "refused: a request from another origin (" + origin + ")");
        }
        if (!same(ctx.header(HEADER), token)) {
            throw new HttpResponseException(403, "refused: a change without the page's token");
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
