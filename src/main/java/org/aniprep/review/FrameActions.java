package org.aniprep.review;

import io.javalin.http.Context;
import org.aniprep.report.Links;
import org.aniprep.sidecar.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The frames view's actions: restore, remove (reason {@code manual}), add or remove a tag, edit the
 * caption, each on an explicit scope: the frames named by {@code frame} parameters (this frame, or
 * the selection) or every frame of a {@code filter} (the grid's query string). A frame the action
 * would leave as it is stays out of the batch (a kept frame is not restored, a frame that has the
 * tag does not get it again), so the count the page shows before a bulk action runs is the number
 * of frames that change. Each action is one logged, undoable batch of {@link ReviewActions}.
 */
final class FrameActions {
    private FrameActions() {
    }

    /** What an action would do: the frames in its scope, those it changes, and a sentence saying so. */
    record Plan(String action, int scope, List<String> changes, String text) {
    }

    /** POST /api/frames/count: the plan, nothing written. */
    static void count(ReviewContext context, Context c) {
        Plan p = plan(context, c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("count", p.scope());
        out.put("changes", p.changes().size());
        out.put("message", p.text());
        ReviewServer.json(c, out);
    }

    /** POST /api/frames: runs the plan as one batch; answers where this frame's page is now when it moved. */
    static void act(ReviewContext context, Context c) {
        Plan p = plan(context, c);
        if (p.changes().isEmpty()) {
            throw new ReviewWriter.Refused(400, "nothing to change: " + p.text());
        }
        ReviewActions a = context.actions();
        OpLog.Op op = switch (p.action()) {
            case "remove" -> a.remove(p.changes());
            case "restore" -> a.restore(p.changes());
            case "tag" -> a.tag(p.changes(), c.formParam("tag"), true);
            case "untag" -> a.tag(p.changes(), c.formParam("tag"), false);
            case "caption" -> a.caption(p.changes(), c.formParam("caption"));
            default -> throw new ReviewWriter.Refused(400, "unknown action: " + p.action());
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("message", op.label());
        String here = c.formParam("here");
        if (here != null) {
            for (OpLog.Change ch : op.changes()) {
                if (ch.from().equals(here) && !ch.to().equals(here)) {
                    out.put("location", "/frame/" + Links.encode(ch.to()) + query(c.formParam("back")));
                }
            }
        }
        ReviewServer.json(c, out);
    }

    private static String query(String q) {
        return q == null || q.isBlank() ? "" : q.startsWith("?") ? q : "?" + q;
    }

    static Plan plan(ReviewContext context, Context c) {
        String action = Objects.requireNonNullElse(c.formParam("action"), "");
        List<FrameEntry> scope = scope(context.index(), c.formParams("frame"), c.formParam("filter"));
        List<String> changes = new ArrayList<>();
        String tag = null;
        String caption = null;
        int unreadable = 0;
        for (FrameEntry f : scope) {
            if (f.error() != null) {
                unreadable++;
                continue;
            }
            boolean changes1 = switch (action) {
                case "remove" -> !f.removed();
                case "restore" -> f.removed();
                case "tag", "untag" -> {
                    tag = tag(c.formParam("tag"));
                    String t = tag;
                    boolean has = f.tags().stream().anyMatch(x -> x.equals(t));
                    yield action.equals("tag") != has;
                }
                case "caption" -> {
                    String text = c.formParam("caption");
                    caption = text == null || text.isBlank() ? null : text.strip();
                    yield !Objects.equals(caption, f.review().caption());
                }
                default -> throw new ReviewWriter.Refused(400, "unknown action: " + action);
            };
            if (changes1) {
                changes.add(f.rel());
            }
        }
        return new Plan(action, scope.size(), changes, text(action, tag, caption, scope.size(), changes.size(), unreadable));
    }

    private static String tag(String raw) {
        String t = raw == null ? "" : Tags.danbooruName(raw.strip());
        if (t.isEmpty()) {
            throw new ReviewWriter.Refused(400, "give the tag");
        }
        return t;
    }

    /** The frames named, or every frame of the filter; nothing named is refused (an empty scope is a slip, not "all"). */
    static List<FrameEntry> scope(ReviewIndex index, List<String> frames, String filter) {
        if (!frames.isEmpty()) {
            Set<String> seen = new LinkedHashSet<>(frames);
            List<FrameEntry> out = new ArrayList<>();
            for (String rel : seen) {
                FrameEntry f = index.frame(rel);
                if (f == null) {
                    throw new ReviewWriter.Refused(404, "no such frame: " + rel);
                }
                out.add(f);
            }
            return out;
        }
        if (filter != null) {
            return FrameFilter.parse(filter).apply(index.all());
        }
        throw new ReviewWriter.Refused(400, "select frames first, or choose the scope \"every filtered frame\"");
    }

    static String text(String action, String tag, String caption, int scope, int changes, int unreadable) {
        String what = switch (action) {
            case "remove" -> "remove";
            case "restore" -> "restore";
            case "tag" -> "add the tag " + tag + " to";
            case "untag" -> "remove the tag " + tag + " from";
            default -> caption == null ? "give back the caption stage's caption to" : "set the caption of";
        };
        String left = switch (action) {
            case "remove" -> "removed already";
            case "restore" -> "in the dataset already";
            case "tag" -> "have it already";
            case "untag" -> "do not have it";
            default -> "have that caption already";
        };
        StringBuilder sb = new StringBuilder(what).append(' ').append(ReviewActions.count(changes, "frame"));
        if (changes < scope) {
            sb.append(" of the ").append(scope).append(" in the scope (").append(scope - changes - unreadable).append(' ').append(left);
            if (unreadable > 0) {
                sb.append(", ").append(unreadable).append(" unreadable");
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
