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
 * [margins, comma-separated (0 and FaceNamer.MARGIN)] [ShapeVote k values, comma-separated (the default's)].
 */
public final class LookAlikeReport {
    /** Per character: faces given its own name, another character's name, left uncertain, left unknown. */
    record Counts(int named, int wrong, int uncertain, int unknown) {
        Counts plus(Counts o) {
            return new Counts(named + o.named, wrong + o.wrong, uncertain + o.uncertain, unknown + o.unknown);
        }
    }

    record Tally(int faces, int right, int wrong, int uncertain, int unknownReferenced, Map<String, Integer> wrongBy,
                 Map<String, Counts> byCharacter) {
        double rightShare() {
            return faces == 0 ? 0 : right / (double) faces;
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String seeds = args.length > 1 ? args[1] : "101,102,103";
        double[] margins = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0, FaceNamer.MARGIN};
        List<ShapeVote> votes = args.length > 3 ? java.util.Arrays.stream(args[3].split(",")).map(LookAlikeReport::vote).toList()
                : List.of(ShapeVote.DEFAULT);
        CastScenes cast = new CastScenes();
        OfflineEmbedder embedder = new OfflineEmbedder(null);
        System.out.printf("look-alike sets, %d scenes each, threshold %.2f; right = own name, or unknown/uncertain when unreferenced%n",
                n, embedder.threshold());
        System.out.println("| set | seed | faces | margin | vote k:demote | right | wrong name | uncertain | referenced left unknown |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Map<String, Map<String, Counts>> perCharacter = new TreeMap<>();
        for (String s : seeds.split(",")) {
            long seed = Long.parseLong(s.trim());
            for (LookAlikeSets.Set set : List.of(LookAlikeSets.real(cast, n, seed), LookAlikeSets.cast(cast, n, seed, false),
                    LookAlikeSets.cast(cast, n, seed, true))) {
                for (double margin : margins) {
                    for (ShapeVote vk : votes) {
                        Tally t = tally(set, embedder, margin, vk);
                        System.out.printf("| %s | %d | %d | %.2f | %s | %.3f | %d %s | %d | %d |%n", set.name(), seed, t.faces(), margin, vk.k() + ":" + vk.demote(),
                                t.rightShare(), t.wrong(), t.wrongBy().isEmpty() ? "" : t.wrongBy(), t.uncertain(), t.unknownReferenced());
                        if (margin == margins[margins.length - 1] && vk == votes.get(votes.size() - 1)) {
                            Map<String, Counts> into = perCharacter.computeIfAbsent(set.name(), k -> new TreeMap<>());
                            t.byCharacter().forEach((who, c) -> into.merge(who, c, Counts::plus));
                        }
                    }
                }
            }
        }
        System.out.printf("per character, all seeds, margin %.2f (* = referenced): named own / another's name / uncertain / unknown%n",
                margins[margins.length - 1]);
        perCharacter.forEach((set, m) -> {
            StringBuilder line = new StringBuilder("  " + set + ":");
            m.forEach((who, c) -> line.append(String.format(" %s %d/%d/%d/%d;", who, c.named(), c.wrong(), c.uncertain(), c.unknown())));
            System.out.println(line);
        });
    }

    /** A vote given as {@code k[:demote]} (the default's share when left out; k = 0 is off). */
    static ShapeVote vote(String spec) {
        String[] p = spec.split(":");
        ShapeVote d = ShapeVote.DEFAULT;
        return new ShapeVote(Integer.parseInt(p[0]), d.maxCompared(), p.length > 1 ? Double.parseDouble(p[1]) : d.demote());
    }

    /** The faces of {@code set} named by {@link FaceNamer} with {@code margin}. */
    static Tally tally(LookAlikeSets.Set set, CharacterEmbedder embedder, double margin) {
        return tally(set, embedder, margin, ShapeVote.DEFAULT);
    }

    static Tally tally(LookAlikeSets.Set set, CharacterEmbedder embedder, double margin, ShapeVote vote) {
        List<Reference> refs = new ArrayList<>();
        for (LookAlikeSets.Ref r : set.refs()) {
            refs.add(new Reference(r.who(), false, null, r.box(), r.vector()));
        }
        List<ImageFaces.FaceItem> items = new ArrayList<>();
        for (LookAlikeSets.Face f : set.faces()) {
            items.add(new ImageFaces.FaceItem(f.box(), f.vector(), null, null));
        }
        new FaceNamer(embedder, margin, vote).assign(items, References.of(refs));
        int right = 0;
        int wrong = 0;
        int uncertain = 0;
        int unknownRef = 0;
        Map<String, Integer> wrongBy = new TreeMap<>();
        Map<String, Counts> byCharacter = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            String who = set.faces().get(i).who();
            ImageFaces.FaceItem f = items.get(i);
            boolean referenced = set.referenced(who);
            boolean unsure = f.character == null && ClassifyInfo.UNCERTAIN.equals(f.status);
            byCharacter.merge(referenced ? who + "*" : who, new Counts(who.equals(f.character) ? 1 : 0,
                    f.character != null && !who.equals(f.character) ? 1 : 0, unsure ? 1 : 0, f.character == null && !unsure ? 1 : 0), Counts::plus);
            if (f.character != null) {
                if (f.character.equals(who)) {
                    right++;
                } else {
                    wrong++;
                    wrongBy.merge(who + "->" + f.character, 1, Integer::sum);
                }
            } else {
                uncertain += unsure ? 1 : 0;
                if (referenced) {
                    unknownRef++;
                } else {
                    right++;
                }
            }
        }
        return new Tally(items.size(), right, wrong, uncertain, unknownRef, wrongBy, byCharacter);
    }
}
