package org.aniprep.model;

import org.aniprep.console.Progress;
import org.aniprep.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads one file of a hub repo into a {@link HubCache} the way huggingface_hub does: a HEAD on
 * {@code <endpoint>/<repo>/resolve/<revision>/<file>} gives the commit and the etag (the SHA-256 for
 * LFS files), the body goes to {@code blobs/<etag>.incomplete} (resumed with a Range request when a
 * previous run left part of it), is checked (size, SHA-256), then moved to {@code blobs/<etag>} and
 * linked from {@code snapshots/<commit>/<file>}.
 */
public final class HubDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(HubDownloader.class);

    /**
     * How long to wait for the hub to accept a connection: a machine without network (or behind a
     * firewall that drops packets) falls back to the offline models after this, not after minutes.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Files smaller than this (tag lists, json) are fetched without a progress bar. */
    private static final long SHOW_PROGRESS_FROM = 1 << 20;

    private final ModelSettings settings;
    private final HttpClient head;
    private final HttpClient get;

    public HubDownloader(ModelSettings settings) {
        this.settings = settings;
        this.head = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.get = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Thrown for a file the hub does not have (404), so optional files can be skipped. */
    public static final class NotOnHubException extends ModelException {
        NotOnHubException(String message) {
            super(message);
        }
    }

    /** A download that failed on the way (network, server, short or damaged transfer); {@link #reason} in words. */
    public static final class DownloadFailed extends ModelException {
        private final String reason;
        private final boolean repeated;

        DownloadFailed(String message, String reason, Throwable cause, boolean repeated) {
            super(message, cause);
            this.reason = reason;
            this.repeated = repeated;
        }

        public String reason() {
            return reason;
        }

        /** True when this download failed earlier in this process and was not tried again (the failure was told then). */
        public boolean repeated() {
            return repeated;
        }

        DownloadFailed again() {
            return new DownloadFailed(getMessage(), reason, getCause(), true);
        }
    }

    record Remote(String commit, String etag, long size) {
    }

    public Path download(ModelSpec spec, ModelFile file) {
        HubCache cache = new HubCache(settings.downloadCache());
        URI uri = resolveUri(spec.repo(), spec.revision(), file.path());
        try {
            Remote remote = head(uri, spec, file);
            Optional<Path> cached = cache.find(spec.repo(), remote.commit(), file.path());
            if (cached.isPresent()) {
                cache.writeRef(spec.repo(), spec.revision(), remote.commit());
                return cached.get();
            }
            Path blob = cache.blob(spec.repo(), remote.etag());
            if (!Files.isRegularFile(blob)) {
                Path part = cache.incomplete(spec.repo(), remote.etag());
                fetch(uri, part, remote, spec, file);
                verify(part, remote, spec, file);
                AtomicFiles.move(part, blob);
            }
            Path linked = cache.link(spec.repo(), remote.commit(), file.path(), blob);
            cache.writeRef(spec.repo(), spec.revision(), remote.commit());
            LOG.debug("fetched {}/{} into {}", spec.repo(), file.path(), linked);
            return linked;
        } catch (IOException e) {
            throw new DownloadFailed(spec.repo() + "/" + file.path() + ": download from " + uri + " failed ("
                    + reason(e) + "); a rerun resumes it, or put the files in a folder of ANIPREP_MODEL_PATH",
                    "download from " + settings.endpoint() + " failed: " + reason(e), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(spec.repo() + "/" + file.path() + ": download interrupted", e);
        }
    }

    /** Why a download failed, in words: Java's network exceptions often carry no message. */
    static String reason(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + e.getMessage() + "; no network here?";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect; no network here, or the server is down";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "network error" : e.getMessage();
    }

    URI resolveUri(String repo, String revision, String file) {
        StringBuilder path = new StringBuilder();
        for (String part : file.split("/")) {
            path.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(settings.endpoint() + "/" + repo + "/resolve/"
                + URLEncoder.encode(revision, StandardCharsets.UTF_8) + path);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("User-Agent", "aniprep/0.1 (java)");
        if (settings.token() != null && !settings.token().isBlank()) {
            b.header("Authorization", "Bearer " + settings.token());
        }
        return b;
    }

    private Remote head(URI uri, ModelSpec spec, ModelFile file) throws IOException, InterruptedException {
        HttpResponse<Void> r = head.send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        checkStatus(r.statusCode(), spec, file);
        HttpHeaders h = r.headers();
        String commit = h.firstValue("X-Repo-Commit").orElse(HubCache.isCommit(spec.revision()) ? spec.revision() : null);
        String etag = h.firstValue("X-Linked-Etag").or(() -> h.firstValue("ETag")).map(HubDownloader::cleanEtag).orElse(null);
        if (commit == null || etag == null) {
            throw new IOException("the server sent no commit/etag headers (is " + settings.endpoint() + " a Hugging Face hub?)");
        }
        long size = h.firstValue("X-Linked-Size").or(() -> r.statusCode() == 200 ? h.firstValue("Content-Length") : Optional.empty())
                .map(Long::parseLong).orElse(-1L);
        return new Remote(commit, etag, size);
    }

    private static String cleanEtag(String etag) {
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return e.replace("\"", "");
    }

    private void checkStatus(int status, ModelSpec spec, ModelFile file) {
        String what = spec.repo() + "/" + file.path() + " (revision " + spec.revision() + ")";
        if (status == 401 || status == 403) {
            throw new ModelException(what + ": the hub refused access (HTTP " + status
                    + "); for a gated or private repo accept its terms and set HF_TOKEN");
        }
        if (status == 404) {
            throw new NotOnHubException(what + ": not found on " + settings.endpoint());
        }
        if (status >= 400) {
            throw new ModelException(what + ": the hub answered HTTP " + status);
        }
    }

    private void fetch(URI uri, Path part, Remote remote, ModelSpec spec, ModelFile file) throws IOException, InterruptedException {
        Files.createDirectories(part.getParent());
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (remote.size() >= 0 && have > remote.size()) {
            Files.delete(part);
            have = 0;
        }
        if (remote.size() >= 0 && have == remote.size()) {
            return;
        }
        HttpRequest.Builder req = request(uri).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> r = get.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        boolean resumed = r.statusCode() == 206;
        if (!resumed && r.statusCode() != 200) {
            r.body().close();
            throw new IOException("HTTP " + r.statusCode());
        }
        if (have > 0) {
            LOG.info("{}: {} ({} bytes already there)", file.path(), resumed ? "resuming download" : "server cannot resume, restarting", have);
        }
        long start = resumed ? have : 0;
        long total = remote.size() >= 0 ? remote.size() : -1;
        StandardOpenOption mode = resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        boolean small = total >= 0 && total < SHOW_PROGRESS_FROM;
        if (!small || ModelFile.MODEL.equals(file.role())) {
            LOG.info("downloading {}/{} ({}) from {} into {}", spec.repo(), file.path(), size(total), settings.endpoint(),
                    settings.downloadCache());
        }
        try (InputStream in = r.body();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
             Progress progress = small ? null : Progress.start("fetch " + file.fileName(), "KiB", total < 0 ? -1 : total / 1024)) {
            long counted = start;
            if (progress != null) {
                progress.stepBy(start / 1024);
            }
            byte[] buf = new byte[1 << 16];
            long written = start;
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                written += n;
                if (progress != null) {
                    progress.stepBy(written / 1024 - counted / 1024);
                    counted = written;
                }
            }
        }
    }

    /** A download's size in words: {@code 36.7 MB}, {@code unknown size}. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "unknown size";
        }
        return bytes >= 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(java.util.Locale.ROOT, "%.0f kB", bytes / 1e3);
    }

    private static void verify(Path part, Remote remote, ModelSpec spec, ModelFile file) throws IOException {
        String what = spec.repo() + "/" + file.path();
        long size = Files.size(part);
        if (remote.size() >= 0 && size != remote.size()) {
            throw new IOException("got " + size + " of " + remote.size() + " bytes");
        }
        String expected = file.sha256() != null ? file.sha256().toLowerCase() : Sha256.looksLikeSha256(remote.etag()) ? remote.etag() : null;
        if (expected != null) {
            String actual = Sha256.of(part);
            if (!actual.equals(expected)) {
                Files.deleteIfExists(part);
                throw new ModelException(what + ": checksum mismatch, expected sha256 " + expected + " but the download has "
                        + actual + "; the bad file was deleted, run again to retry");
            }
        }
    }
}
