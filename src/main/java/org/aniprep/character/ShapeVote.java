package org.aniprep.character;

import org.aniprep.sidecar.ClassifyInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's own faces as a second opinion on the shape test (issue 19, docs/classify.md "The run's faces
 * vote"). The shape test compares each face with one reference drawing, and a look-alike's design can
 * pass it on some frames. But a look-alike's faces resemble each other more than they resemble the
 * character's own faces, and most of them fail. So among the faces the shape test judged for one name,
 * a face that passed is left {@code uncertain} when fewer than {@code demote} of its {@code k} most
 * shape-alike faces (by {@link CharacterEmbedder#shapeScore}) passed too. Faces named by colour alone
 * (within the embedder's trusted distance) vote as passes and keep their name; faces the user decided
 * on are not in the vote. Every face votes with the shape test's verdict, not with a changed one, so
 * the result does not depend on the faces' order.
 *
 * <p>The vote only takes names away: letting it also give names to failed faces whose neighbours passed
 * got back some of a character's own faces, but added wrong names (tuning seeds: 60 → 50–73), so it was
 * left out. k = 7 and demote = 0.6 were chosen on the tuning seeds only (look-alike seeds 1 and 2,
 * accuracy seed 11; docs/classify.md).
 */
record ShapeVote(int k, int maxCompared, double demote) {
    static final ShapeVote DEFAULT = new ShapeVote(7, 400, 0.6);
    static final ShapeVote OFF = new ShapeVote(0, 400, 0);

    private record Voter(ImageFaces.FaceItem face, boolean pass, boolean changeable) {
    }

    void apply(List<ImageFaces.FaceItem> faces, CharacterEmbedder embedder) {
        if (k <= 0) {
            return;
        }
        Map<String, List<Voter>> pools = new LinkedHashMap<>();
        for (ImageFaces.FaceItem f : faces) {
            if (f.voteName != null) {
                pools.computeIfAbsent(f.voteName, n -> new ArrayList<>()).add(new Voter(f, f.character != null, true));
            } else if (f.character != null && ClassifyInfo.NAMED.equals(f.status)) {
                pools.computeIfAbsent(f.character, n -> new ArrayList<>()).add(new Voter(f, true, false));
            }
        }
        pools.forEach((name, pool) -> decide(name, pool, embedder));
    }

    private void decide(String name, List<Voter> pool, CharacterEmbedder embedder) {
        if (pool.size() < 2) {
            return;
        }
        int stride = Math.max(1, (pool.size() + maxCompared - 1) / maxCompared);
        // Parallel: each share reads only the shape test's verdicts, so the faces are independent (about 5 µs a score).
        List<Voter> demoted = pool.parallelStream()
                .filter(v -> v.changeable() && v.pass() && passShare(v, pool, stride, embedder) < demote)
                .toList();
        for (Voter v : demoted) {
            ImageFaces.FaceItem f = v.face();
            f.character = null;
            f.status = ClassifyInfo.UNCERTAIN;
            f.candidate = name;
        }
    }

    /** The share of {@code v}'s {@code k} most alike faces of the pool (every {@code stride}-th one compared) that passed; 1 when none compares. */
    private double passShare(Voter v, List<Voter> pool, int stride, CharacterEmbedder embedder) {
        double[] best = new double[k];
        boolean[] pass = new boolean[k];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int found = 0;
        for (int j = 0; j < pool.size(); j += stride) {
            Voter o = pool.get(j);
            if (o == v) {
                continue;
            }
            double s = embedder.shapeScore(v.face().embedding, o.face().embedding);
            if (Double.isNaN(s) || s <= best[k - 1]) {
                continue;
            }
            int at = k - 1;
            while (at > 0 && best[at - 1] < s) {
                best[at] = best[at - 1];
                pass[at] = pass[at - 1];
                at--;
            }
            best[at] = s;
            pass[at] = o.pass();
            found = Math.min(k, found + 1);
        }
        if (found == 0) {
            return 1;
        }
        int yes = 0;
        for (int i = 0; i < found; i++) {
            yes += pass[i] ? 1 : 0;
        }
        return yes / (double) found;
    }
}
