package org.aniprep.character;

import org.aniprep.sidecar.ClassifyInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 19's held-out look-alike sets ({@link LookAlikeSets}) through classify's own naming rule
 * ({@link FaceNamer}): per set and seed, how many faces got their own name, another character's name
 * (the error that must not happen), were left uncertain, or unknown; for the margin in force and for
 * margin 0 (the rule before statuses: nearest reference within the threshold). Run by bench/classify.sh.
 * Arguments: [scenes per set (60)] [seeds, comma-separated (101,102,103: held out; 1,2 were used for tuning)]
 * [margins, comma-separated (0 and FaceNamer.MARGIN)].
 */
public final class LookAlikeReport {
    record Tally(int faces, int right, int wrong, int uncertain, int unknownReferenced, Map<String, Integer> wrongBy) {
        double rightShare() {
            return faces == 0 ? 0 : right / (double) faces;
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String seeds = args.length > 1 ? args[1] : "101,102,103";
        double[] margins = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0, FaceNamer.MARGIN};
        CastScenes cast = new CastScenes();
        OfflineEmbedder embedder = new OfflineEmbedder(null);
        System.out.printf("look-alike sets, %d scenes each, threshold %.2f; right = own name, or unknown/uncertain when unreferenced%n",
                n, embedder.threshold());
        System.out.println("| set | seed | faces | margin | right | wrong name | uncertain | referenced left unknown |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String s : seeds.split(",")) {
            long seed = Long.parseLong(s.trim());
            for (LookAlikeSets.Set set : List.of(LookAlikeSets.real(cast, n, seed), LookAlikeSets.cast(cast, n, seed, false),
                    LookAlikeSets.cast(cast, n, seed, true))) {
                for (double margin : margins) {
                    Tally t = tally(set, embedder, margin);
                    System.out.printf("| %s | %d | %d | %.2f | %.3f | %d %s | %d | %d |%n", set.name(), seed, t.faces(), margin, t.rightShare(),
                            t.wrong(), t.wrongBy().isEmpty() ? "" : t.wrongBy(), t.uncertain(), t.unknownReferenced());
                }
            }
        }
    }

    /** The faces of {@code set} named by {@link FaceNamer} with {@code margin}. */
    static Tally tally(LookAlikeSets.Set set, CharacterEmbedder embedder, double margin) {
        List<Reference> refs = new ArrayList<>();
        for (LookAlikeSets.Ref r : set.refs()) {
            refs.add(new Reference(r.who(), false, null, r.box(), r.vector()));
        }
        List<ImageFaces.FaceItem> items = new ArrayList<>();
        for (LookAlikeSets.Face f : set.faces()) {
            items.add(new ImageFaces.FaceItem(f.box(), f.vector(), null, null));
        }
        new FaceNamer(embedder, margin).assign(items, References.of(refs));
        int right = 0;
        int wrong = 0;
        int uncertain = 0;
        int unknownRef = 0;
        Map<String, Integer> wrongBy = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            String who = set.faces().get(i).who();
            ImageFaces.FaceItem f = items.get(i);
            boolean referenced = set.referenced(who);
            if (f.character != null) {
                if (f.character.equals(who)) {
                    right++;
                } else {
                    wrong++;
                    wrongBy.merge(who + "->" + f.character, 1, Integer::sum);
                }
            } else {
                uncertain += ClassifyInfo.UNCERTAIN.equals(f.status) ? 1 : 0;
                if (referenced) {
                    unknownRef++;
                } else {
                    right++;
                }
            }
        }
        return new Tally(items.size(), right, wrong, uncertain, unknownRef, wrongBy);
    }
}
