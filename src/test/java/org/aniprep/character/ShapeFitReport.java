package org.aniprep.character;

import java.util.ArrayList;
import java.util.List;

/**
 * Refits {@link ShapeCheck}'s logistic weights on the tuning seeds only, so the shipped weights can be
 * checked and a new shape measure weighed (docs/classify.md "Look-alikes without a reference"): every
 * face–reference pair between colour {@link OfflineEmbedder#TRUSTED} and the naming radius, "same
 * character" against "a look-alike of another", from the look-alike sets of seeds 1 and 2 and the accuracy
 * set of seed 11 ({@link OfflineAccuracyReport#queries}, with the concert CGs and the drawn cast). Prints the fitted weights and, for them and
 * for the shipped ones, how many pairs of each kind pass at a few cuts. Arguments: [nearest (each face's
 * nearest reference only) | all (every reference in the band; default)].
 */
public final class ShapeFitReport {
    record Pair(ShapeCheck.Measures m, boolean same, long seed) {
        double[] x() {
            return new double[] {1, m.head(), m.wide(), m.silhouette(), m.lower(), m.ornament(), m.outline()};
        }
    }

    private record Group(long seed, List<String> refWho, List<float[]> refs, List<String> who, List<float[]> faces) {
        Group(long seed) {
            this(seed, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    static final String[] NAMES = {"B", "head", "wide", "silhouette", "lower", "ornament", "outline"};

    public static void main(String[] args) {
        boolean nearestOnly = args.length > 0 && args[0].equals("nearest");
        List<Pair> pairs = pairs(tuningGroups(new CastScenes()), nearestOnly);
        long same = pairs.stream().filter(Pair::same).count();
        System.out.printf("tuning pairs between colour %.2f and %.2f (%s): %d, same character %d, look-alike %d%n", OfflineEmbedder.TRUSTED,
                OfflineSignature.THRESHOLD + OfflineEmbedder.SHAPE_REACH, nearestOnly ? "nearest reference" : "every reference",
                pairs.size(), same, pairs.size() - same);
        double[] fitted = Logistic.fit(pairs.stream().map(Pair::x).toList(), pairs.stream().map(Pair::same).toList(), 1e-3);
        double[] shipped = {ShapeCheck.B, ShapeCheck.W_HEAD, ShapeCheck.W_WIDE, ShapeCheck.W_SILHOUETTE, ShapeCheck.W_LOWER, ShapeCheck.W_ORNAMENT, ShapeCheck.W_OUTLINE};
        for (double[] w : List.of(fitted, shipped)) {
            printWeights(w == fitted ? "fitted: " : "shipped:", w);
            for (double cut : new double[] {-3, -2, ShapeCheck.CUT, 0}) {
                System.out.printf("  cut %+.1f: %s%n", cut, passes(pairs, w, cut));
            }
        }
        System.out.println("fitted on one look-alike seed (and accuracy seed 11), counted on the other look-alike seed, cut " + ShapeCheck.CUT + ":");
        for (long counted : new long[] {1, 2}) {
            List<Pair> fitOn = pairs.stream().filter(p -> p.seed() != counted).toList();
            List<Pair> countOn = pairs.stream().filter(p -> p.seed() == counted).toList();
            double[] w = Logistic.fit(fitOn.stream().map(Pair::x).toList(), fitOn.stream().map(Pair::same).toList(), 1e-3);
            System.out.printf("  seed %d: fitted %s; shipped %s%n", counted, passes(countOn, w, ShapeCheck.CUT), passes(countOn, shipped, ShapeCheck.CUT));
        }
    }

    private static void printWeights(String title, double[] w) {
        StringBuilder line = new StringBuilder(title);
        for (int k = 0; k < w.length; k++) {
            line.append(String.format(" %s %.2f", NAMES[k], w[k]));
        }
        System.out.println(line);
    }

    private static String passes(List<Pair> pairs, double[] w, double cut) {
        int same = 0;
        int ownPass = 0;
        int alikePass = 0;
        for (Pair p : pairs) {
            same += p.same() ? 1 : 0;
            if (Logistic.z(w, p.x()) >= cut) {
                ownPass += p.same() ? 1 : 0;
                alikePass += p.same() ? 0 : 1;
            }
        }
        return String.format("same character pass %d/%d, look-alike pass %d/%d", ownPass, same, alikePass, pairs.size() - same);
    }

    private static List<Group> tuningGroups(CastScenes cast) {
        List<Group> groups = new ArrayList<>();
        for (long seed : new long[] {1, 2}) {
            for (LookAlikeSets.Set set : List.of(LookAlikeSets.real(cast, 60, seed), LookAlikeSets.cast(cast, 60, seed, false),
                    LookAlikeSets.cast(cast, 60, seed, true))) {
                Group g = new Group(seed);
                set.refs().forEach(r -> add(g.refWho(), g.refs(), r.who(), r.vector()));
                set.faces().forEach(f -> add(g.who(), g.faces(), f.who(), f.vector()));
                groups.add(g);
            }
        }
        Group acc = new Group(11);
        OfflineAccuracyReport.references(cast).forEach((who, vectors) -> vectors.forEach(v -> add(acc.refWho(), acc.refs(), who, v)));
        OfflineAccuracyReport.queries(cast, 120, 11, 0.12).forEach(q -> add(acc.who(), acc.faces(), q.who(), q.vector()));
        groups.add(acc);
        return groups;
    }

    private static void add(List<String> names, List<float[]> vectors, String who, float[] v) {
        names.add(who);
        vectors.add(v);
    }

    private static Pair pair(Group g, int face, int ref) {
        return new Pair(ShapeCheck.measures(g.faces().get(face), g.refs().get(ref), OfflineSignature.COLOUR_DIMS),
                g.who().get(face).equals(g.refWho().get(ref)), g.seed());
    }

    private static List<Pair> pairs(List<Group> groups, boolean nearestOnly) {
        double reach = OfflineSignature.THRESHOLD + OfflineEmbedder.SHAPE_REACH;
        List<Pair> out = new ArrayList<>();
        for (Group g : groups) {
            for (int i = 0; i < g.faces().size(); i++) {
                float[] face = g.faces().get(i);
                int nearest = -1;
                double nearestD = Double.MAX_VALUE;
                for (int j = 0; j < g.refs().size(); j++) {
                    double d = OfflineSignature.distance(face, g.refs().get(j));
                    if (d < nearestD) {
                        nearest = j;
                        nearestD = d;
                    }
                    if (!nearestOnly && d > OfflineEmbedder.TRUSTED && d <= reach) {
                        out.add(pair(g, i, j));
                    }
                }
                if (nearestOnly && nearestD > OfflineEmbedder.TRUSTED && nearestD <= reach) {
                    out.add(pair(g, i, nearest));
                }
            }
        }
        return out;
    }
}
