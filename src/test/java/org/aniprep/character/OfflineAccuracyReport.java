package org.aniprep.character;

import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.Pose;
import org.aniprep.detect.Detection;
import org.aniprep.detect.FaceCascade;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The offline embedder on real art: references are one or two sprites per character on white,
 * queries are new scenes with the other expressions (plus the concert CGs, drawn in another style,
 * and their unnamed drummer). Face boxes are jittered by up to ±{@code jitter} of their size, as a
 * detector's would be. Prints distance statistics, a threshold sweep and, at the chosen threshold,
 * accuracy and the confusion table (docs/classify.md). Run by bench/classify.sh.
 * Arguments: [scenes (120)] [seed (11)] [jitter (0.12)] [threshold (OfflineSignature.THRESHOLD)].
 */
public final class OfflineAccuracyReport {
    record Query(String who, float[] vector, String where) {
    }

    /** The naming's run vote ({@link ShapeVote}); {@code -Dvote=k:demote} measures another. */
    static final ShapeVote VOTE = System.getProperty("vote") == null ? ShapeVote.DEFAULT : LookAlikeReport.vote(System.getProperty("vote"));

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        double jitter = args.length > 2 ? Double.parseDouble(args[2]) : 0.12;
        double threshold = args.length > 3 ? Double.parseDouble(args[3]) : OfflineSignature.THRESHOLD;
        CastScenes cast = new CastScenes();
        Map<String, List<float[]>> refs = references(cast);
        List<Query> queries = queries(cast, n, seed, jitter);
        System.out.printf("%d query faces (%d scenes, seed %d, box jitter ±%.0f%%; plus the concert CGs and the demo's drawn cast as "
                + "unreferenced look-alikes), references: %s%n", queries.size(), n, seed, jitter * 100, refs.keySet());
        for (String who : List.of("Eileen", "Lucy", "drummer", "akane", "kuro", "kiiro", "aoi")) {
            for (String ref : refs.keySet()) {
                double[] d = queries.stream().filter(q -> q.who().equals(who)).mapToDouble(q -> nearest(refs.get(ref), q.vector())).sorted().toArray();
                if (d.length > 0) {
                    System.out.printf("  %-8s to %-7s: min %.3f  p10 %.3f  median %.3f  p90 %.3f  max %.3f (n=%d)%n", who, ref,
                            d[0], d[d.length / 10], d[d.length / 2], d[d.length * 9 / 10], d[d.length - 1], d.length);
                }
            }
        }
        System.out.println("threshold sweep: accuracy (right name or rightly unknown)");
        for (double t = 0.06; t <= 0.2001; t += 0.01) {
            System.out.printf("  %.2f: %.3f%n", t, confusion(queries, refs, t).accuracy());
        }
        Confusion c = confusion(queries, refs, threshold);
        System.out.printf("at threshold %.3f: accuracy %.3f%n%s", threshold, c.accuracy(), c);
        for (Query q : queries) {
            if (q.where().startsWith("concert")) {
                System.out.printf("  %s %s -> %s%n", q.where(), q.who(), label(refs, q.vector(), threshold));
            }
        }
    }

    /** The references: one sprite each of Eileen and Lucy on white. */
    static Map<String, List<float[]>> references(CastScenes cast) {
        Map<String, List<float[]>> refs = new LinkedHashMap<>();
        for (String f : List.of("eileen_happy.png", "lucy_happy.png")) {
            CastScenes.Scene s = cast.sprite(f);
            CastScenes.Face face = s.faces().get(0);
            refs.computeIfAbsent(face.who(), k -> new ArrayList<>()).add(OfflineSignature.of(s.image(), face.box()).vector());
        }
        return refs;
    }

    /** The query faces: {@code n} scenes of the sprites (boxes jittered), the concert CGs, the drawn cast as look-alikes. */
    static List<Query> queries(CastScenes cast, int n, long seed, double jitter) {
        Random rnd = new Random(seed ^ 0x5eed);
        List<Query> queries = new ArrayList<>();
        for (CastScenes.Scene s : cast.scenes(n, seed, List.of("eileen_vhappy.png", "eileen_concerned.png", "lucy_mad.png",
                "eileen_happy.png", "lucy_happy.png"))) {
            for (CastScenes.Face f : s.faces()) {
                queries.add(new Query(f.who(), OfflineSignature.of(s.image(), jittered(f.box(), jitter, rnd, s.image().width(),
                        s.image().height())).vector(), s.name()));
            }
        }
        for (String c : List.of("concert1.png", "concert3.png")) {
            CastScenes.Scene s = cast.concert(c);
            for (CastScenes.Face f : s.faces()) {
                queries.add(new Query(f.who(), OfflineSignature.of(s.image(), f.box()).vector(), c));
            }
        }
        queries.addAll(lookAlikes(rnd));
        return queries;
    }

    /**
     * The demo's drawn cast, none of whom has a reference: akane (red bob, green eyes) is Eileen's
     * design but for the eyes, kuro (long near-black hair) is close to Lucy. Close-ups and medium shots
     * on plain and sky-blue grounds, faces found by the cascade.
     */
    static List<Query> lookAlikes(Random rnd) {
        List<Query> out = new ArrayList<>();
        Path file = Path.of(System.getProperty("aniprep.shared", "../shared"), "models", FaceCascade.FILE_NAME);
        try (FaceCascade cascade = FaceCascade.load(file, FaceCascade.Settings.DEFAULT)) {
            for (CharacterDesign c : CharacterDesign.cast()) {
                for (int k = 0; k < 8; k++) {
                    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = img.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setColor(new Color(90 + rnd.nextInt(160), 120 + rnd.nextInt(130), 150 + rnd.nextInt(100)));
                    g.fillRect(0, 0, 640, 480);
                    CharacterPainter.paint(g, c, rnd.nextBoolean() ? Pose.TALKING : Pose.NEUTRAL, 320, 200, 50 + rnd.nextInt(130));
                    g.dispose();
                    RgbImage frame = ImageLoader.toRgb(img);
                    for (Detection d : cascade.detect(frame)) {
                        out.add(new Query(c.name(), OfflineSignature.of(frame, new FaceBox("face", 0, d.x0(), d.y0(), d.x1(), d.y1())).vector(), "demo"));
                    }
                }
            }
        }
        return out;
    }

    static FaceBox jittered(FaceBox b, double jitter, Random rnd, int w, int h) {
        double dw = b.width() * jitter;
        double dh = b.height() * jitter;
        int x0 = (int) Math.round(b.x0() + (rnd.nextDouble() * 2 - 1) * dw);
        int y0 = (int) Math.round(b.y0() + (rnd.nextDouble() * 2 - 1) * dh);
        int x1 = (int) Math.round(b.x1() + (rnd.nextDouble() * 2 - 1) * dw);
        int y1 = (int) Math.round(b.y1() + (rnd.nextDouble() * 2 - 1) * dh);
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        return new FaceBox(b.kind(), b.index(), x0, y0, Math.max(x0 + 4, Math.min(w, x1)), Math.max(y0 + 4, Math.min(h, y1)));
    }

    static double nearest(List<float[]> refs, float[] v) {
        return refs.stream().mapToDouble(r -> OfflineSignature.distance(r, v)).min().orElse(Double.MAX_VALUE);
    }

    static String label(Map<String, List<float[]>> refs, float[] v, double threshold) {
        String best = "unknown";
        double bestD = Double.MAX_VALUE;
        for (Map.Entry<String, List<float[]>> e : refs.entrySet()) {
            double d = nearest(e.getValue(), v);
            if (d < bestD) {
                bestD = d;
                best = e.getKey();
            }
        }
        return bestD <= threshold ? best : "unknown";
    }

    record Confusion(Map<String, Map<String, Integer>> table, int right, int total) {
        double accuracy() {
            return total == 0 ? 0 : right / (double) total;
        }

        @Override
        public String toString() {
            List<String> cols = List.of("Eileen", "Lucy", "uncertain", "unknown");
            // rows: the referenced pair, then characters no reference shows
            StringBuilder sb = new StringBuilder("| true \\ given | Eileen | Lucy | uncertain | unknown |\n|---|---|---|---|---|\n");
            table.forEach((who, row) -> {
                sb.append("| ").append(who);
                cols.forEach(c -> sb.append(" | ").append(row.getOrDefault(c, 0)));
                sb.append(" |\n");
            });
            return sb.toString();
        }
    }

    /** Every query named by classify's own rule ({@link FaceNamer}: threshold, margin, statuses) at {@code threshold}. */
    static Confusion confusion(List<Query> queries, Map<String, List<float[]>> refs, double threshold) {
        List<Reference> all = new ArrayList<>();
        FaceBox any = new FaceBox("face", 0, 0, 0, 1, 1);
        refs.forEach((who, vectors) -> vectors.forEach(v -> all.add(new Reference(who, false, null, any, v))));
        List<ImageFaces.FaceItem> items = new ArrayList<>();
        queries.forEach(q -> items.add(new ImageFaces.FaceItem(any, q.vector(), null, null)));
        new FaceNamer(new OfflineEmbedder(threshold), FaceNamer.MARGIN, VOTE).assign(items, References.of(all));
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        int right = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            ImageFaces.FaceItem f = items.get(i);
            String got = f.character != null ? f.character : org.aniprep.sidecar.ClassifyInfo.UNCERTAIN.equals(f.status) ? "uncertain" : "unknown";
            table.computeIfAbsent(q.who(), k -> new TreeMap<>()).merge(got, 1, Integer::sum);
            boolean ok = refs.containsKey(q.who()) ? got.equals(q.who()) : f.character == null;
            right += ok ? 1 : 0;
        }
        return new Confusion(table, right, queries.size());
    }
}
