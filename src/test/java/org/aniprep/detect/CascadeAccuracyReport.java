package org.aniprep.detect;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints the cascade's face-count accuracy and box overlap on the generated scenes and on the
 * concert CGs (held out from the box fit), raw, filtered and filtered + tightened, for a few
 * downscale sizes: the figures in docs/detect.md. Run by bench/detect.sh.
 * Arguments: [scenes per count (12)] [seed (7)] [-v] [maxSide].
 */
public final class CascadeAccuracyReport {
    public static void main(String[] args) {
        int perCount = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        boolean verbose = args.length > 2 && args[2].equals("-v");
        int[] sides = args.length > 3 ? new int[]{Integer.parseInt(args[3])} : new int[]{640, 960, 1280};
        Path cascade = Path.of(System.getProperty("aniprep.shared", "../shared"), "models", FaceCascade.FILE_NAME);
        List<AnimeScenes.Scene> scenes = new AnimeScenes(AnimeScenes.animeDir()).all(perCount, seed);
        System.out.printf("%d scenes (seed %d): %d with each of 0..3 generated characters + 2 concert CGs%n",
                scenes.size(), seed, perCount);
        String[] modes = {"raw", "filtered", "filtered+tight"};
        for (int maxSide : sides) {
            for (int m = 0; m < modes.length; m++) {
                FaceCascade.Settings s = FaceCascade.Settings.DEFAULT.withMaxSide(maxSide).withFilter(m > 0).withTighten(m > 1);
                try (FaceCascade c = FaceCascade.load(cascade, s)) {
                    FaceEval generated = new FaceEval();
                    FaceEval concert = new FaceEval();
                    for (AnimeScenes.Scene scene : scenes) {
                        List<Detection> found = c.detect(scene.image());
                        (scene.name().startsWith("concert") ? concert : generated).add(scene, found);
                        if (verbose && found.size() != scene.count()) {
                            System.out.println("  " + scene.name() + " want " + scene.faces() + "\n     got " + found);
                        }
                    }
                    System.out.printf("maxSide %4d %-14s generated: %s%n%30s count right by faces in scene: %s%n%30s concert:   %s%n",
                            maxSide, modes[m], generated, "", generated.byCount(), "", concert);
                    if (verbose) {
                        System.out.println("  box fit (generated): " + generated.boxFit() + "; concert: " + concert.boxFit());
                    }
                }
            }
        }
    }
}
