package org.aniprep.review;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.aniprep.report.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aniprep review}'s web server (Javalin on Jetty): the views' pages, the pictures, and the
 * actions, every request behind {@link ReviewSecurity}. Built over an index read once at start; every
 * write goes through {@link ReviewWriter}.
 */
public final class ReviewServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");
    private static final Map<String, String> STATIC = Map.of("review.js", "text/javascript; charset=utf-8",
            "review.css", "text/css; charset=utf-8");

    /**
     * @param host  the address to bind (127.0.0.1 unless the user says otherwise)
     * @param port  the port (0: any free one)
     * @param views the views, in nav order
     */
    public record Options(String host, int port, List<ReviewView> views) {
    }

    /** The port is taken; the message says so and suggests {@code --port}. */
    public static final class PortInUse extends RuntimeException {
        public PortInUse(String message) {
            super(message);
        }
    }

    private final Javalin app;
    private final ReviewContext context;
    private final String url;

    private ReviewServer(Javalin app, ReviewContext context, String url) {
        this.app = app;
        this.context = context;
        this.url = url;
    }

    /** The views every server has, in nav order (keys 1, 2, 3). */
    public static List<ReviewView> defaultViews() {
        return List.of(new CharactersView(), new FramesView(), new DatasetView());
    }

    /** Recovers an interrupted action, reads the folder, starts the server. */
    public static ReviewServer start(ReviewFolder folder, Options options) throws IOException {
        OpLog log = ReviewWriter.recover(folder);
        ReviewIndex index = ReviewIndex.build(folder.frames(), (p, why) -> LOG.error("{}: {}", p, why));
        ReviewWriter writer = new ReviewWriter(folder, index, log);
        ReviewActions actions = new ReviewActions(index, writer);
        ThumbServer thumbs = new ThumbServer(index, folder.state());
        String token = ReviewSecurity.newToken();
        List<Link> nav = new ArrayList<>();
        for (ReviewView v : options.views()) {
            nav.add(new Link(v.path(), v.label()));
        }
        ReadOnlyProbe probe = new ReadOnlyProbe(writer);
        ReviewContext ctx = new ReviewContext(folder, index, writer, actions, thumbs, token, () -> nav, probe::notice);
        int[] bound = {options.port()};
        ReviewSecurity[] security = {null};
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = 4_000_000;
            RoutesConfig r = cfg.routes;
            r.before(c -> security[0].check(c));
            r.get("/", c -> c.redirect(options.views().isEmpty() ? "/characters" : options.views().get(0).path()));
            r.get("/static/{name}", c -> resource(c, c.pathParam("name")));
            r.get("/img/<rel>", c -> thumbs.image(c, c.pathParam("rel")));
            r.get("/thumb/<rel>", c -> thumbs.thumb(c, c.pathParam("rel")));
            r.get("/crop/<rel>", c -> thumbs.crop(c, c.pathParam("rel"), c.queryParam("face")));
            r.post("/api/undo", c -> done(c, "undone", writer.undo()));
            r.post("/api/redo", c -> done(c, "redone", writer.redo()));
            for (ReviewView v : options.views()) {
                v.register(ctx, r);
            }
            r.exception(ReviewWriter.Refused.class, (e, c) -> message(c, e.status, e.getMessage()));
            r.exception(HttpResponseException.class, (e, c) -> message(c, e.getStatus(), e.getMessage()));
            r.exception(IllegalArgumentException.class, (e, c) -> message(c, 400, e.getMessage()));
            r.error(404, c -> {
                if (c.result() == null || c.result().isEmpty() || c.result().startsWith("Endpoint")) {
                    message(c, 404, "no such page: " + c.path());
                }
            });
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            app.stop();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new PortInUse("port " + options.port() + " on " + options.host()
                            + " is in use (another aniprep review?); give another with --port, e.g. --port " + (options.port() + 1));
                }
            }
            throw e;
        }
        bound[0] = app.port();
        String hostPart = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        Set<String> hosts = new LinkedHashSet<>(List.of(hostPart + ":" + bound[0], "localhost:" + bound[0],
                "127.0.0.1:" + bound[0], "[::1]:" + bound[0]));
        security[0] = new ReviewSecurity(token, hosts);
        String url = "http://" + ("0.0.0.0".equals(options.host()) ? "127.0.0.1" : hostPart) + ":" + bound[0] + "/?token=" + token;
        return new ReviewServer(app, ctx, url);
    }

    /** The URL to open, with the token. */
    public String url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    public String token() {
        return context.token();
    }

    public ReviewIndex index() {
        return context.index();
    }

    /** The folder, index, writer and actions the server works with (tests and benchmarks drive them). */
    ReviewContext context() {
        return context;
    }

    @Override
    public void close() {
        app.stop();
    }

    static void done(Context c, String what, OpLog.Op op) {
        json(c, Map.of("ok", true, "message", what + ": " + op.label()));
    }

    private static void message(Context c, int status, String text) {
        c.status(status);
        c.header("Cache-Control", "no-store");
        String accept = c.header("Accept");
        if (accept != null && accept.contains("text/html") && !c.path().startsWith("/api/")) {
            c.contentType("text/html; charset=utf-8");
            c.result(org.aniprep.report.Pages.render("review/message.jte", new Message(status, text)));
        } else {
            json(c, Map.of("ok", false, "message", text == null ? "error " + status : text));
        }
    }

    static void json(Context c, Object value) {
        c.contentType("application/json");
        try {
            c.result(org.aniprep.sidecar.Json.MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An error page's model. */
    public record Message(int status, String text) {
    }

    private static void resource(Context c, String name) throws IOException {
        String type = STATIC.get(name);
        if (type == null) {
            throw new HttpResponseException(404, "no such file");
        }
        try (InputStream in = ReviewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new HttpResponseException(404, "no such file");
            }
            c.contentType(type);
            c.header("Cache-Control", "private, max-age=300");
            c.result(in.readAllBytes());
        }
    }

    /** Whether {@code aniprep run} holds the folder, asked at most every two seconds. */
    private static final class ReadOnlyProbe {
        private final ReviewWriter writer;
        private long at;
        private String notice;

        ReadOnlyProbe(ReviewWriter writer) {
            this.writer = writer;
        }

        synchronized String notice() {
            long now = System.nanoTime();
            if (now - at > 2_000_000_000L || at == 0) {
                String held = writer.heldBy();
                notice = held == null ? null : "Read-only while another aniprep works on the folder (" + held + ")";
                at = now;
            }
            return notice;
        }
    }
}
