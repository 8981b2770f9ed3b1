package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.ReviewInfo;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The review's actions as changes of review sections (docs/sidecar.md "The review section"), handed
 * to the {@link ReviewWriter} as one logged, undoable batch each.
 */
public final class ReviewActions {
    private final ReviewIndex index;
    private final ReviewWriter writer;

    public ReviewActions(ReviewIndex index, ReviewWriter writer) {
        this.index = index;
        this.writer = writer;
    }

    /** "This is NAME" on faces: the user's name, which also lifts a "not NAME" said before. */
    public OpLog.Op name(List<String> faceIds, String name) {
        String n = cleanName(name);
        return faces(faceIds, "this is " + n, (f, d) -> new ReviewInfo.Face(f.kind(), f.box(), n,
                d == null || d.not() == null ? null : d.not().stream().filter(x -> !x.equalsIgnoreCase(n)).toList(),
                null, null, null));
    }

    /** "Not NAME": the face never gets the name again (and loses it now). */
    public OpLog.Op not(List<String> faceIds, String name) {
        String n = cleanName(name);
        return faces(faceIds, "not " + n, (f, d) -> {
            List<String> not = new ArrayList<>(d == null || d.not() == null ? List.of() : d.not());
            if (not.stream().noneMatch(x -> x.equalsIgnoreCase(n))) {
                not.add(n);
            }
            String character = d == null || n.equalsIgnoreCase(d.character()) ? null : d.character();
            return new ReviewInfo.Face(f.kind(), f.box(), character, not, null, null, d == null ? null : d.link());
        });
    }

    public OpLog.Op notAFace(List<String> faceIds) {
        return faces(faceIds, "not a face", (f, d) -> new ReviewInfo.Face(f.kind(), f.box(), null, null, true, null, null));
    }

    public OpLog.Op ignore(List<String> faceIds) {
        return faces(faceIds, "ignore", (f, d) -> new ReviewInfo.Face(f.kind(), f.box(), null,
                d == null ? null : d.not(), null, true, null));
    }

    /** Forgets every decision on the faces (they are the machine's again). */
    public OpLog.Op clear(List<String> faceIds) {
        return faces(faceIds, "clear decisions", (f, d) -> null);
    }

    /**
     * Puts the faces into one new group of their own (merge clusters, split off a selection): same link
     * = one cluster, different links = never one cluster; a face named by classify is told "not" that name.
     */
    public OpLog.Op link(List<String> faceIds, String label) {
        String link = "g" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        return faces(faceIds, label, (f, d) -> {
            List<String> not = new ArrayList<>(d == null || d.not() == null ? List.of() : d.not());
            if (f.named() && not.stream().noneMatch(x -> x.equalsIgnoreCase(f.character()))) {
                not.add(f.character());
            }
            return new ReviewInfo.Face(f.kind(), f.box(), null, not, null, null, link);
        });
    }

    private interface FaceEdit {
        ReviewInfo.Face decide(FaceEntry face, ReviewInfo.Face current);
    }

    private OpLog.Op faces(List<String> faceIds, String what, FaceEdit edit) {
        Map<String, List<FaceEntry>> byFrame = new LinkedHashMap<>();
        for (String id : faceIds) {
            FaceEntry f = index.face(id);
            if (f == null) {
                throw new ReviewWriter.Refused(404, "no such face: " + id);
            }
            byFrame.computeIfAbsent(f.frame(), k -> new ArrayList<>()).add(f);
        }
        List<OpLog.Change> changes = new ArrayList<>();
        for (Map.Entry<String, List<FaceEntry>> e : byFrame.entrySet()) {
            change(e.getKey(), e.getKey(), r -> {
                List<ReviewInfo.Face> decisions = new ArrayList<>(r.faces());
                for (FaceEntry f : e.getValue()) {
                    ReviewInfo.Face current = r.face(f.kind(), f.box()).orElse(null);
                    decisions.remove(current);
                    ReviewInfo.Face next = edit.decide(f, current);
                    if (next != null && !next.blank()) {
                        decisions.add(next);
                    }
                }
                return new ReviewInfo(decisions, r.frame(), r.tags(), r.caption());
            }, changes);
        }
        return writer.act(what + " (" + count(faceIds.size(), "face") + ")", changes);
    }

    /** Takes frames out of the dataset: into {@code _removed/} with the decision {@code remove}, reason {@code manual}. */
    public OpLog.Op remove(List<String> rels) {
        List<OpLog.Change> changes = new ArrayList<>();
        for (String rel : rels) {
            FrameEntry f = existing(rel);
            String to = f.removed() ? rel : RecordReader.REMOVED + "/" + rel;
            change(rel, to, r -> new ReviewInfo(r.faces(), new ReviewInfo.Frame(ReviewInfo.REMOVE, ReviewInfo.MANUAL), r.tags(), r.caption()), changes);
        }
        return writer.act("remove " + count(rels.size(), "frame"), changes);
    }

    /** Brings removed frames back (filter's, dedup's or the user's), with the decision {@code keep}. */
    public OpLog.Op restore(List<String> rels) {
        List<OpLog.Change> changes = new ArrayList<>();
        for (String rel : rels) {
            FrameEntry f = existing(rel);
            String to = f.removed() && rel.startsWith(RecordReader.REMOVED + "/") ? rel.substring(RecordReader.REMOVED.length() + 1) : rel;
            if (!to.equals(rel) && Files.exists(index.frames().resolve(to))) {
                throw new ReviewWriter.Refused(409, "cannot restore " + rel + ": " + to + " exists");
            }
            change(rel, to, r -> new ReviewInfo(r.faces(), new ReviewInfo.Frame(ReviewInfo.KEEP, null), r.tags(), r.caption()), changes);
        }
        return writer.act("restore " + count(rels.size(), "frame"), changes);
    }

    /** Adds ({@code add}) or removes a tag (Danbooru spelling) on frames. */
    public OpLog.Op tag(List<String> rels, String tag, boolean add) {
        String t = org.aniprep.sidecar.Tags.danbooruName(tag);
        if (t.isEmpty() || t.length() > 200 || t.contains(",")) {
            throw new ReviewWriter.Refused(400, "a tag is one word or phrase without commas");
        }
        List<OpLog.Change> changes = new ArrayList<>();
        for (String rel : rels) {
            existing(rel);
            change(rel, rel, r -> {
                List<String> adds = new ArrayList<>(r.tags() == null ? List.of() : r.tags().add());
                List<String> removes = new ArrayList<>(r.tags() == null ? List.of() : r.tags().remove());
                (add ? removes : adds).remove(t);
                if (!(add ? adds : removes).contains(t)) {
                    (add ? adds : removes).add(t);
                }
                ReviewInfo.TagEdits edits = new ReviewInfo.TagEdits(adds, removes);
                return new ReviewInfo(r.faces(), r.frame(), edits.blank() ? null : edits, r.caption());
            }, changes);
        }
        return writer.act((add ? "add tag " : "remove tag ") + t + " (" + count(rels.size(), "frame") + ")", changes);
    }

    /** Sets the caption the user wrote ({@code null} or blank: back to the caption stage's). */
    public OpLog.Op caption(List<String> rels, String text) {
        String c = text == null || text.isBlank() ? null : text.strip();
        List<OpLog.Change> changes = new ArrayList<>();
        for (String rel : rels) {
            existing(rel);
            change(rel, rel, r -> new ReviewInfo(r.faces(), r.frame(), r.tags(), c), changes);
        }
        return writer.act("edit caption (" + count(rels.size(), "frame") + ")", changes);
    }

    private FrameEntry existing(String rel) {
        FrameEntry f = index.frame(rel);
        if (f == null) {
            throw new ReviewWriter.Refused(404, "no such frame: " + rel);
        }
        if (f.error() != null) {
            throw new ReviewWriter.Refused(409, rel + ": its record cannot be read (" + f.error() + ")");
        }
        return f;
    }

    private void change(String from, String to, UnaryOperator<ReviewInfo> edit, List<OpLog.Change> changes) {
        JsonNode before = RecordReader.reviewNode(index.frames(), from);
        ReviewInfo current = before.isNull() ? ReviewInfo.empty() : Json.MAPPER.convertValue(before, ReviewInfo.class);
        ReviewInfo next = edit.apply(current);
        JsonNode after = next.blank() ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(next);
        if (!after.equals(before) || !from.equals(to)) {
            changes.add(new OpLog.Change(from, to, before, after));
        }
    }

    static String cleanName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new ReviewWriter.Refused(400, "a name is 1 to 100 characters, no control characters");
        }
        if (n.equalsIgnoreCase(FaceEntry.UNKNOWN)) {
            throw new ReviewWriter.Refused(400, "'unknown' is not a name");
        }
        return n;
    }

    static String count(int n, String what) {
        return org.aniprep.console.Plural.of(n, what);
    }
}
