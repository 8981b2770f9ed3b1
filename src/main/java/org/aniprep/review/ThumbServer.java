package org.aniprep.review;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.aniprep.image.RgbImage;
import org.aniprep.io.SafePaths;
import org.aniprep.report.ThumbnailStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pictures for the pages: a frame, its thumbnail and its face crops, from the report layer's
 * {@link ThumbnailStore} (in the review's state folder, keyed by path, size and mtime, so an unchanged
 * frame is decoded once). Only frames of the index are served, and only when their real path lies
 * inside the frames folder (a link pointing outside is refused).
 */
public final class ThumbServer {
    private final ReviewIndex index;
    private final ThumbnailStore store;
    private final Path realFrames;

    ThumbServer(ReviewIndex index, Path stateDir) throws IOException {
        this.index = index;
        this.store = ThumbnailStore.at(stateDir, (p, why) -> { });
        this.realFrames = index.frames().toRealPath();
    }

    /** The frame file of {@code rel}, or a 404/403 for anything that is not a frame of the folder. */
    Path file(String rel) {
        FrameEntry f = index.frame(rel);
        if (f == null) {
            throw new HttpResponseException(404, "no such frame");
        }
        Path p = SafePaths.inside(index.frames(), rel);
        try {
            if (!p.toRealPath().startsWith(realFrames)) {
                throw new HttpResponseException(403, "refused: the file lies outside the folder");
            }
        } catch (IOException e) {
            throw new HttpResponseException(404, "no such frame");
        }
        return p;
    }

    void image(Context ctx, String rel) throws IOException {
        Path p = file(rel);
        send(ctx, p, contentType(p), "private, max-age=60");
    }

    void thumb(Context ctx, String rel) throws IOException {
        Path p = file(rel);
        String name = store.thumb(p);
        sendThumb(ctx, name);
    }

    void crop(Context ctx, String rel, String faceId) throws IOException {
        Path p = file(rel);
        FaceEntry face = index.face(rel + "#" + faceId);
        if (face == null) {
            throw new HttpResponseException(404, "no such face");
        }
        List<Integer> b = face.box();
        String name = store.thumb(p, "crop" + b, img -> cut(img, b));
        sendThumb(ctx, name);
    }

    /** The box with a quarter of its size around it, inside the picture. */
    static RgbImage cut(RgbImage img, List<Integer> b) {
        int w = b.get(2) - b.get(0);
        int h = b.get(3) - b.get(1);
        int mx = w / 4;
        int my = h / 4;
        int x0 = Math.max(0, b.get(0) - mx);
        int y0 = Math.max(0, b.get(1) - my);
        int x1 = Math.min(img.width(), b.get(2) + mx);
        int y1 = Math.min(img.height(), b.get(3) + my);
        return x1 - x0 < 2 || y1 - y0 < 2 ? img : img.crop(x0, y0, x1, y1);
    }

    private void sendThumb(Context ctx, String name) throws IOException {
        if (name == null) {
            throw new HttpResponseException(404, "the picture cannot be read");
        }
        String etag = "\"" + name.hashCode() + "\"";
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.header("ETag", etag);
        send(ctx, store.reportDir().resolve(name), "image/jpeg", "private, max-age=3600");
    }

    private static void send(Context ctx, Path p, String type, String cache) throws IOException {
        ctx.header("Cache-Control", cache);
        ctx.contentType(type);
        ctx.result(Files.readAllBytes(p));
    }

    static String contentType(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }
}
