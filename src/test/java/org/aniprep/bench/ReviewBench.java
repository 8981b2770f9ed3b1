package org.aniprep.bench;

import org.aniprep.review.GeneratedRun;
import org.aniprep.review.ReviewFolder;
import org.aniprep.review.ReviewServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code aniprep review} at scale: a generated run folder of FRAMES frames and FACES faces (768-d
 * embeddings as CCIP writes them, 5 % of the frames removed by filter), the server started over it,
 * then over HTTP: the first page of each view (its HTML, then with the pictures it shows, fetched six
 * at a time as a browser does, with a cold and a warm thumbnail store), and the answer time of each kind
 * of action (name, not NAME, not a face, add a tag, edit the caption, remove a frame; each then undone and
 * redone; the count a bulk action shows first; a 200-face naming for comparison). Medians (and p90) over TRIES tries against
 * the goals (first page under 1 s, an action under 200 ms). Usage: ReviewBench [frames] [faces] [tries]
 */
public final class ReviewBench {
    private static final Pattern IMG = Pattern.compile("<img[^>]* src=\"(/(?:crop|thumb)/[^\"]+)\"");
    private static final Pattern FACE = Pattern.compile("data-face=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ReviewServer server;
    private final String base;

    private ReviewBench(ReviewServer server) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int faces = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int tries = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path work = Files.createTempDirectory("aniprep-review-bench");
        try {
            long t0 = System.nanoTime();
            Path run = new GeneratedRun(frames, faces, 768, 0.05, 12, 30, 11).write(work.resolve("run"));
            System.out.printf("generated %d frames, %d faces in %.1f s%n", frames, faces, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            try (ReviewServer server = ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0,
                    ReviewServer.defaultViews()))) {
                System.out.printf("server started (index of %d frames read) in %.1f s%n", server.index().size(),
                        (System.nanoTime() - t0) / 1e9);
                new ReviewBench(server).measure(tries);
            }
        } finally {
            delete(work);
        }
    }

    private void measure(int tries) throws Exception {
        System.out.printf("%d tries each, median (goal: first page < 1000 ms, action < 200 ms)%n", tries);
        view("characters", "/characters", tries);
        if (get("/frames").statusCode() == 200) {
            view("frames", "/frames", tries);
        } else {
            System.out.println("frames view: not in this build");
        }
        String page = get("/characters").body();
        List<String> ids = new ArrayList<>();
        Matcher m = FACE.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no face on the characters page");
        }
        String one = ids.get(ids.size() - 1);
        String frame = one.substring(0, one.lastIndexOf('#'));
        String f = "&frame=" + enc(frame);
        action("this is NAME (1 face)", tries, () -> post("/api/faces", "action=name&name=bench+" + System.nanoTime() + "&face=" + enc(one)));
        action("not NAME (1 face)", tries, () -> post("/api/faces", "action=not&name=bench+" + System.nanoTime() + "&face=" + enc(one)));
        action("not a face (1 face)", tries, () -> post("/api/faces", "action=notface&face=" + enc(one)));
        action("add a tag (1 frame)", tries, () -> post("/api/frames", "action=tag&tag=bench_" + System.nanoTime() + f));
        action("edit the caption (1 frame)", tries, () -> post("/api/frames", "action=caption&caption=bench+" + System.nanoTime() + f));
        action("remove the frame", tries, () -> post("/api/frames", "action=remove" + f));
        double[] count = new double[tries];
        for (int i = 0; i < tries; i++) {
            count[i] = timed(() -> post("/api/frames/count", "action=tag&tag=bench_count&filter=" + enc("?")));
        }
        row("count: add a tag to every frame (nothing written)", median(count), 200, p90(count));
        double[] after = new double[tries];
        for (int i = 0; i < tries; i++) {
            post("/api/faces", "action=name&name=bench+" + System.nanoTime() + "&face=" + enc(one));
            after[i] = timed(() -> get("/characters"));
            post("/api/undo", "");
        }
        row("characters page right after an action", median(after), 1000, p90(after));
        List<String> many = new ArrayList<>();
        server.index().all().stream().flatMap(x -> x.faces().stream()).limit(200).forEach(x -> many.add(x.id()));
        StringBuilder body = new StringBuilder("action=name&name=bench+bulk");
        many.forEach(id -> body.append("&face=").append(enc(id)));
        double[] bulk = new double[Math.min(3, tries)];
        double[] bulkUndo = new double[bulk.length];
        for (int i = 0; i < bulk.length; i++) {
            bulk[i] = timed(() -> post("/api/faces", body.toString()));
            bulkUndo[i] = timed(() -> post("/api/undo", ""));
        }
        row("bulk action: this is NAME (200 faces)", median(bulk), -1, p90(bulk));
        row("bulk action: undo it", median(bulkUndo), -1, p90(bulkUndo));
    }

    /** An action, then its undo, then its redo, then its undo again, TRIES times: each answer timed. */
    private void action(String what, int tries, Call act) throws Exception {
        double[] a = new double[tries];
        double[] undo = new double[tries];
        double[] redo = new double[tries];
        for (int i = 0; i < tries; i++) {
            a[i] = timed(act);
            undo[i] = timed(() -> post("/api/undo", ""));
            redo[i] = timed(() -> post("/api/redo", ""));
            post("/api/undo", "");
        }
        row("action: " + what, median(a), 200, p90(a));
        row("  undo it", median(undo), 200, p90(undo));
        row("  redo it", median(redo), 200, p90(redo));
    }

    /** The first page of a view: HTML alone (first request, then median), and with its pictures. */
    private void view(String name, String path, int tries) throws Exception {
        double first = timed(() -> get(path));
        double[] html = new double[tries];
        for (int i = 0; i < tries; i++) {
            html[i] = timed(() -> get(path));
        }
        List<String> pictures = new ArrayList<>();
        Matcher m = IMG.matcher(get(path).body());
        while (m.find()) {
            pictures.add(m.group(1).replace("&amp;", "&"));
        }
        double cold = timed(() -> fetchAll(pictures));
        double[] warm = new double[tries];
        for (int i = 0; i < tries; i++) {
            warm[i] = timed(() -> {
                get(path);
                fetchAll(pictures);
            });
        }
        row(name + ": first page HTML, first request", first, 1000);
        row(name + ": first page HTML", median(html), 1000);
        row(name + ": its " + pictures.size() + " pictures, thumbnail store cold", cold, -1);
        row(name + ": first page with its pictures (store warm)", median(warm), 1000);
    }

    private void fetchAll(List<String> paths) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> all = new ArrayList<>();
            for (String p : paths) {
                all.add(pool.submit(() -> get(p)));
            }
            for (Future<HttpResponse<String>> f : all) {
                if (f.get().statusCode() != 200) {
                    throw new IllegalStateException("picture: HTTP " + f.get().statusCode());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "aniprep_review=" + server.token())
                .header("Accept", "text/html").GET().build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "aniprep_review=" + server.token())
                .header("X-Aniprep-Token", server.token()).header("Origin", base).header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + res.statusCode() + " " + res.body());
        }
        return res;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double timed(Call c) throws Exception {
        long t0 = System.nanoTime();
        c.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The nearest-rank 90th percentile. */
    private static double p90(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[Math.max(0, (int) Math.ceil(0.9 * s.length) - 1)];
    }

    private static void row(String what, double ms, double goal, double p90) {
        System.out.printf("%-52s %9.1f ms  p90 %7.1f ms%s%n", what, ms, p90, goal < 0 ? "" : ms < goal ? "   ok (goal < " + (int) goal + " ms)"
                : "   OVER the goal of " + (int) goal + " ms");
    }

    private static void row(String what, double ms, double goal) {
        String verdict = goal < 0 ? "" : ms < goal ? "   ok (goal < " + (int) goal + " ms)" : "   OVER the goal of " + (int) goal + " ms";
        System.out.printf("%-52s %9.1f ms%s%n", what, ms, verdict);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
