package org.aniprep.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.aniprep.report.Links;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A frame's own page: the picture with its face boxes and names, its faces, tags and caption, where
 * it lies and why, every section of its record, and the links to the previous and next frame of the
 * filter it was opened from.
 */
public final class FramePage {
    /** Text values longer than this (embeddings, hashes) are cut on the page. */
    static final int LONG_TEXT = 120;

    private FramePage() {
    }

    /** A face box as drawn over the picture (pixels of the frame) and as listed under it. */
    public record Box(int x, int y, int w, int h, String cls, String label, String kind, String status, String detail, String group) {
    }

    /** One section of the record, pretty-printed. */
    public record Section(String name, String json) {
    }

    public record Model(ReviewContext.Chrome chrome, String rel, String img, int width, int height, List<Box> boxes,
                        List<String> tags, String caption, String captionNote, String verdict, String fate, String twin,
                        String twinHref, List<String> removedTwins, List<Section> sections, String scalars, String error, String back,
                        String prev, String next, String position, boolean removed, boolean userCaption) {
    }

    static void show(ReviewContext context, Context c, String rel, int perPage) {
        FrameEntry f = context.index().frame(rel);
        String moved = rel.startsWith(RecordReader.REMOVED + "/") ? rel.substring(RecordReader.REMOVED.length() + 1)
                : RecordReader.REMOVED + "/" + rel;
        if (f == null && context.index().frame(moved) != null) { // removed or restored since the link was made
            c.redirect("/frame/" + Links.encode(moved) + (c.queryString() == null ? "" : "?" + c.queryString()));
            return;
        }
        if (f == null) {
            throw new HttpResponseException(404, "no such frame: " + rel + " (it may have been removed or restored since; "
                    + "look for it in Frames)");
        }
        FrameFilter filter = FrameFilter.of(c::queryParam);
        List<FrameEntry> matched = filter.apply(context.index().all());
        int at = -1;
        for (int i = 0; i < matched.size(); i++) {
            if (matched.get(i).rel().equals(rel)) {
                at = i;
                break;
            }
        }
        String prev = at > 0 ? href(matched.get(at - 1).rel(), filter) : null;
        String next = at >= 0 && at + 1 < matched.size() ? href(matched.get(at + 1).rel(), filter) : null;
        String position = at >= 0 ? (at + 1) + " of " + matched.size() + (filter.none() ? " frames" : " filtered frames") : null;
        String back = filter.href("/frames", at >= 0 ? "page=" + (at / perPage + 1) : null);
        ReviewContext.Chrome chrome = context.chrome(rel, "/frames");
        FramesView.Tile tile = FramesView.tile(context.index(), f, FrameFilter.NONE);
        List<String> removedTwins = new ArrayList<>();
        if (f.sections() != null) {
            f.sections().path("dedup").path("removed").forEach(n -> removedTwins.add(n.asText()));
        }
        context.page(c, "review/frame.jte", new Model(chrome, rel, "/img/" + Links.encode(rel), f.width(), f.height(),
                boxes(f), f.tags(), caption(context.index().frames(), f), captionNote(f), f.verdict(), tile.fate(), tile.twin(),
                tile.twinHref(), removedTwins, sections(f), scalars(f), f.error(), back, prev, next, position, f.removed(),
                f.review().caption() != null));
    }

    static String href(String rel, FrameFilter filter) {
        return filter.href("/frame/" + Links.encode(rel), null);
    }

    static List<Box> boxes(FrameEntry f) {
        List<Box> out = new ArrayList<>();
        for (FaceEntry x : f.faces()) {
            List<Integer> b = x.box();
            String cls = x.notAFace() ? "notface" : x.named() ? "named" : "unknown";
            String label = x.notAFace() ? "not a face" : x.uncertain() ? x.character() + " (" + x.candidate() + "?)" : x.character();
            StringBuilder detail = new StringBuilder();
            if (x.distance() != null) {
                detail.append(String.format(Locale.ROOT, "distance %.3f", x.distance()));
            }
            if (x.cluster() != null) {
                detail.append(detail.length() > 0 ? " · " : "").append("cluster ").append(x.cluster());
            }
            if (x.decision() != null && !x.notAFace()) {
                detail.append(detail.length() > 0 ? " · " : "").append("your decision");
            }
            out.add(new Box(b.get(0), b.get(1), b.get(2) - b.get(0), b.get(3) - b.get(1), cls, label, x.kind() + x.index(),
                    x.status() == null ? "" : x.status(), detail.toString(),
                    x.notAFace() || f.removed() ? null : CharactersView.groupHref(x.group(), 1)));
        }
        return out;
    }

    /** The caption as the dataset has it: the caption file beside the frame when there is one, else the record's. */
    static String caption(Path frames, FrameEntry f) {
        if (f.sections() != null && f.review().caption() == null) {
            String file = f.sections().path("caption").path("file").asText("");
            if (!file.isEmpty() && !file.contains("/") && !file.contains("\\")) {
                Path txt = frames.resolve(f.rel()).resolveSibling(file);
                try {
                    if (Files.isRegularFile(txt) && Files.size(txt) < 1_000_000) {
                        return Files.readString(txt).strip();
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    return f.caption();
                }
            }
        }
        return f.caption();
    }

    static String captionNote(FrameEntry f) {
        if (f.review().caption() != null) {
            return "your caption (the caption stage writes it as it is)";
        }
        JsonNode c = f.sections() == null ? null : f.sections().path("caption");
        if (c != null && c.path("edited").asBoolean(false)) {
            return "edited outside aniprep; the caption stage keeps it as it is (--overwrite rewrites it)";
        }
        return c == null || c.isMissingNode() ? "no caption yet (the caption stage writes one)" : "written by the caption stage";
    }

    static List<Section> sections(FrameEntry f) {
        List<Section> out = new ArrayList<>();
        if (f.sections() == null || !f.sections().isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = f.sections().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                continue;
            }
            try {
                out.add(new Section(e.getKey(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(cut(e.getValue()))));
            } catch (JsonProcessingException ex) {
                out.add(new Section(e.getKey(), String.valueOf(e.getValue())));
            }
        }
        return out;
    }

    /** The record's plain values ({@code schema: 2 · file: f001.png}) on one line. */
    static String scalars(FrameEntry f) {
        List<String> out = new ArrayList<>();
        if (f.sections() != null && f.sections().isObject()) {
            f.sections().fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    out.add(e.getKey() + ": " + e.getValue().asText());
                }
            });
        }
        return String.join(" · ", out);
    }

    /** A copy with long text values cut (an embedding is hundreds of characters nobody reads). */
    static JsonNode cut(JsonNode n) {
        if (n.isTextual() && n.asText().length() > LONG_TEXT) {
            return TextNode.valueOf(n.asText().substring(0, 40) + "… (" + n.asText().length() + " characters)");
        }
        if (n.isObject()) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), cut(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            n.forEach(x -> a.add(cut(x)));
            return a;
        }
        return n;
    }
}
