package org.aniprep.model;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal Hugging Face hub on 127.0.0.1: {@code /<org>/<name>/resolve/<rev>/<file>} answers HEAD
 * with X-Repo-Commit / X-Linked-Etag (= SHA-256) / X-Linked-Size, and GET with the bytes, honouring
 * {@code Range: bytes=N-} with 206. Records every request.
 */
public final class FakeHub implements AutoCloseable {
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    public record Request(String method, String path, String range, String authorization) {
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final HttpServer server;

    public FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Publishes {@code content} at repo/file (headers describe it). */
    public void put(String repo, String file, byte[] content) {
        files.put("/" + repo + "/resolve/main/" + file, content);
    }

    /** Serves other bytes than the headers announce (a corrupted transfer). */
    void corrupt(String repo, String file, byte[] wrongBody) {
        served.put("/" + repo + "/resolve/main/" + file, wrongBody);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Range"),
                ex.getRequestHeaders().getFirst("Authorization")));
        byte[] content = files.get(path);
        if (content == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        try {
            ex.getResponseHeaders().add("X-Repo-Commit", COMMIT);
            ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256(content) + "\"");
            ex.getResponseHeaders().add("X-Linked-Size", String.valueOf(content.length));
        } catch (Exception e) {
            throw new IOException(e);
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        byte[] body = served.getOrDefault(path, content);
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        int status = 200;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            status = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(status, body.length - from);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body, from, body.length - from);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
