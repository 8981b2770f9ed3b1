package org.aniprep.character;

import org.aniprep.sidecar.ClassifyInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each face its name and status from the references and the user's decisions (docs/classify.md
 * "Names and statuses"): an ignored face stays unknown ({@code ignored}); a face the user named is that
 * character ({@code confirmed}) and one more reference for the name; a face the user linked into a group of
 * unnamed faces stays {@code unknown} (in its group's cluster); every other face takes the nearest
 * character within the threshold whose name it was not told is wrong: {@code named} when a reference
 * folder's face is within the threshold, {@code proposed} when only faces the user named are, {@code noise}
 * for a noise sink; it stays unnamed as {@code uncertain} when another character is within the threshold
 * and less than {@link #MARGIN} farther (too close to call), else {@code unknown}.
 */
final class FaceNamer {
    /** The second-nearest character must be this much farther than the nearest to name a face (measured, docs/classify.md). */
    static final double MARGIN = 0.02;

    private final CharacterEmbedder embedder;
    private final double margin;
    private final ShapeVote vote;

    FaceNamer(CharacterEmbedder embedder, double margin) {
        this(embedder, margin, ShapeVote.DEFAULT);
    }

    FaceNamer(CharacterEmbedder embedder, double margin, ShapeVote vote) {
        this.embedder = embedder;
        this.margin = margin;
        this.vote = vote;
    }

    /** Names {@code faces} (all of the run, with their embeddings) in place. */
    void assign(List<ImageFaces.FaceItem> faces, References folder) {
        Map<String, String> canonical = new HashMap<>();
        folder.faces().forEach(r -> canonical.putIfAbsent(r.character().toLowerCase(Locale.ROOT), r.character()));
        List<Reference> refs = new ArrayList<>(folder.faces());
        List<ImageFaces.FaceItem> owners = new ArrayList<>();
        refs.forEach(r -> owners.add(null));
        for (ImageFaces.FaceItem f : faces) {
            String name = f.confirmed();
            if (name != null && f.embedding != null) {
                String c = canonical.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
                refs.add(new Reference(c, false, null, f.box, f.embedding, true));
                owners.add(f);
            }
        }
        double[][] d = refs.isEmpty() || faces.isEmpty() ? null
                : embedder.differences(faces.stream().map(f -> f.embedding).toList(), refs.stream().map(Reference::embedding).toList());
        for (int i = 0; i < faces.size(); i++) {
            name(faces.get(i), d == null ? new double[0] : d[i], refs, owners, canonical);
        }
        vote.apply(faces, embedder);
    }

    private void name(ImageFaces.FaceItem f, double[] d, List<Reference> refs, List<ImageFaces.FaceItem> owners, Map<String, String> canonical) {
        int nearest = -1;
        Map<String, Integer> best = new LinkedHashMap<>();
        for (int j = 0; j < d.length; j++) {
            if (owners.get(j) == f) {
                continue;
            }
            if (nearest < 0 || d[j] < d[nearest]) {
                nearest = j;
            }
            String who = refs.get(j).character();
            if (!f.ruledOut(who)) {
                best.merge(who, j, (a, b) -> d[b] < d[a] ? b : a);
            }
        }
        if (nearest >= 0) {
            f.distance = d[nearest];
            f.nearest = refs.get(nearest).character();
        }
        if (f.ignored()) {
            f.status = ClassifyInfo.IGNORED;
            return;
        }
        String confirmed = f.confirmed();
        if (confirmed != null) {
            f.character = canonical.getOrDefault(confirmed.toLowerCase(Locale.ROOT), confirmed);
            f.status = ClassifyInfo.CONFIRMED;
            return;
        }
        if (f.link() != null) {
            // the user put it in a group of unnamed faces (merge, split off): it stays there until the user names it
            f.status = ClassifyInfo.STATUS_UNKNOWN;
            return;
        }
        double t = embedder.namingThreshold(f.embedding);
        int first = -1;
        int second = -1;
        for (int j : best.values()) {
            if (first < 0 || d[j] < d[first]) {
                second = first;
                first = j;
            } else if (second < 0 || d[j] < d[second]) {
                second = j;
            }
        }
        if (first < 0 || d[first] > t) {
            f.status = ClassifyInfo.STATUS_UNKNOWN;
            return;
        }
        Reference r = refs.get(first);
        if (second >= 0 && d[second] <= t && d[second] - d[first] < margin) {
            f.status = ClassifyInfo.UNCERTAIN;
            f.candidate = r.noise() && !refs.get(second).noise() ? refs.get(second).character() : r.character();
            return;
        }
        if (r.noise()) {
            f.sink = true;
            f.status = ClassifyInfo.NOISE;
            return;
        }
        if (embedder.shapeDecides(f.embedding, r.embedding())) {
            f.voteName = r.character();
        }
        if (!anyDrawingAgrees(f, r.character(), d, refs, owners, t)) {
            f.status = ClassifyInfo.UNCERTAIN;
            f.candidate = r.character();
            return;
        }
        f.character = r.character();
        f.status = folderWithin(r.character(), d, refs, t) ? ClassifyInfo.NAMED : ClassifyInfo.PROPOSED;
    }

    /**
     * Whether the shapes of one of {@code who}'s references within the naming radius agree with the face: a
     * character drawn in several references (another expression, pose or outfit) may look like any of them.
     */
    private boolean anyDrawingAgrees(ImageFaces.FaceItem f, String who, double[] d, List<Reference> refs,
                                     List<ImageFaces.FaceItem> owners, double t) {
        for (int j = 0; j < d.length; j++) {
            Reference r = refs.get(j);
            if (owners.get(j) != f && r.character().equals(who) && d[j] <= t && embedder.plausible(f.embedding, r.embedding())) {
                return true;
            }
        }
        return false;
    }

    private static boolean folderWithin(String who, double[] d, List<Reference> refs, double t) {
        for (int j = 0; j < d.length; j++) {
            Reference r = refs.get(j);
            if (!r.user() && r.character().equals(who) && d[j] <= t) {
                return true;
            }
        }
        return false;
    }
}
