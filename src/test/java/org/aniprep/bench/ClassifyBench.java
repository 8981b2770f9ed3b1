package org.aniprep.bench;

import org.aniprep.character.CastScenes;
import org.aniprep.character.CcipEmbedder;
import org.aniprep.character.CcipModels;
import org.aniprep.character.CcipPreprocessor;
import org.aniprep.character.CharacterEmbedder;
import org.aniprep.character.FaceBox;
import org.aniprep.character.FaceClusterer;
import org.aniprep.character.HeadRegion;
import org.aniprep.character.OfflineEmbedder;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.model.ResolvedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * bench/classify.sh: faces/s of each embedder on 1280×720 scenes of the shared cast (a face = prepare +
 * embed, the image already decoded), against a baseline of cutting out the head region alone; then
 * clustering time for 10 000 faces (real offline signatures of the scenes' faces, each copied with small
 * noise: about 2 characters' worth of varied looks), against the baseline of computing every pairwise
 * distance once. CCIP is timed when the real model is on the machine (ANIPREP_MODEL_PATH / hub cache);
 * otherwise only its preprocessing is.
 * Arguments: [scenes (40)] [runs (3)] [faces to cluster (10000)].
 */
public final class ClassifyBench {
    private record Face(RgbImage image, FaceBox box) {
    }

    public static void main(String[] args) throws Exception {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clusterFaces = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        List<Face> faces = new ArrayList<>();
        for (CastScenes.Scene s : new CastScenes().scenes(scenes, 3, List.of("eileen_happy.png", "eileen_vhappy.png", "lucy_mad.png",
                "lucy_happy.png", "eileen_concerned.png"))) {
            s.faces().forEach(f -> faces.add(new Face(s.image(), f.box())));
        }
        System.out.printf("%d faces in %d scenes (1280x720), median of %d runs; loaded shared machine: compare ratios, not seconds%n",
                faces.size(), scenes, runs);
        double crop = BenchTimer.medianSeconds(runs, () -> faces.forEach(f -> {
            int[] r = HeadRegion.around(f.box()).clipped(f.image().width(), f.image().height());
            f.image().crop(r[0], r[1], r[2], r[3]);
        }));
        System.out.printf("%-44s %8.0f faces/s%n", "baseline: head-region crop only", faces.size() / crop);
        OfflineEmbedder offline = new OfflineEmbedder(null);
        double off = BenchTimer.medianSeconds(runs, () -> embedAll(offline, faces));
        BenchTimer.row("offline embedder (" + offline.id() + ")", off, crop, "of the crop baseline");
        System.out.printf("%-44s %8.0f faces/s%n", "", faces.size() / off);
        ModelResolver resolver = new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU));
        Optional<ResolvedModel> ccip = resolver.findLocal(ModelRegistry.require(CcipModels.DEFAULT_ID));
        if (ccip.isPresent()) {
            CcipEmbedder e = CcipEmbedder.open(ccip.get(), Device.CPU, null);
            double t = BenchTimer.medianSeconds(runs, () -> embedAll(e, faces));
            BenchTimer.row("CCIP " + e.id(), t, crop, "of the crop baseline");
            System.out.printf("%-44s %8.1f faces/s%n", "", faces.size() / t);
        } else {
            CcipPreprocessor p = new CcipPreprocessor(ModelRegistry.require(CcipModels.DEFAULT_ID));
            double t = BenchTimer.medianSeconds(runs, () -> faces.forEach(f -> {
                int[] r = HeadRegion.around(f.box()).clipped(f.image().width(), f.image().height());
                p.tensor(f.image().crop(r[0], r[1], r[2], r[3]));
            }));
            BenchTimer.row("CCIP preprocessing only (model not here)", t, crop, "of the crop baseline");
            System.out.printf("%-44s %8.0f faces/s%n", "", faces.size() / t);
        }

        List<float[]> base = new ArrayList<>();
        faces.forEach(f -> base.add(offline.prepare(f.image(), f.box())));
        Random rnd = new Random(9);
        List<float[]> many = new ArrayList<>(clusterFaces);
        for (int i = 0; i < clusterFaces; i++) {
            float[] v = base.get(i % base.size()).clone();
            for (int k = 0; k < v.length; k++) {
                v[k] += (float) (rnd.nextGaussian() * 0.004);
            }
            many.add(v);
        }
        double pairs = BenchTimer.medianSeconds(1, () -> {
            double sink = 0;
            for (int i = 0; i < many.size(); i++) {
                for (int j = i + 1; j < many.size(); j++) {
                    sink += distance(many.get(i), many.get(j));
                }
            }
            if (sink < 0) {
                System.out.println(sink);
            }
        });
        int[][] labels = new int[1][];
        double cluster = BenchTimer.medianSeconds(1, () -> labels[0] = new FaceClusterer(3, offline).cluster(many));
        System.out.printf("baseline: all %d pairwise distances once %8.2f s%n", (long) clusterFaces * (clusterFaces - 1) / 2, pairs);
        BenchTimer.row("HDBSCAN + merge, " + clusterFaces + " faces (" + FaceClusterer.count(labels[0]) + " clusters)", cluster, pairs,
                "of the all-pairs baseline");
    }

    private static void embedAll(CharacterEmbedder e, List<Face> faces) {
        List<float[]> batch = new ArrayList<>();
        for (Face f : faces) {
            batch.add(e.prepare(f.image(), f.box()));
            if (batch.size() == e.batchSize()) {
                e.embed(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            e.embed(batch);
        }
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
