package org.aniprep.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores face detections against known faces: a detection matches a face when IoU ≥ 0.3 (greedy,
 * best IoU first); detections on an optional face are neither hits nor false positives. Counts
 * are right when the number of non-optional detections equals the number of faces.
 */
public final class FaceEval {
    public static final double MATCH_IOU = 0.3;

    private int scenes;
    private int countRight;
    private int faces;
    private int found;
    private int falsePositives;
    private double iouSum;
    private final double[] fit = new double[4];
    private final List<String> countErrors = new ArrayList<>();
    private final int[] byCountRight = new int[8];
    private final int[] byCountTotal = new int[8];
    private final java.util.Map<String, int[]> byWho = new java.util.TreeMap<>();

    public void add(AnimeScenes.Scene scene, List<Detection> detections) {
        scenes++;
        List<Detection> rest = new ArrayList<>(detections);
        rest.removeIf(d -> scene.optional().stream().anyMatch(o -> d.iou(o) >= MATCH_IOU));
        int counted = rest.size();
        for (Detection face : scene.faces()) {
            faces++;
            Detection best = null;
            double bestIou = 0;
            for (Detection d : rest) {
                double iou = d.iou(face);
                if (iou > bestIou) {
                    bestIou = iou;
                    best = d;
                }
            }
            int[] who = byWho.computeIfAbsent(face.label(), w -> new int[2]);
            who[1]++;
            if (best != null && bestIou >= MATCH_IOU) {
                found++;
                who[0]++;
                fit[0] += (face.centerX() - best.centerX()) / best.width();
                fit[1] += (face.centerY() - best.centerY()) / best.height();
                fit[2] += face.width() / (double) best.width();
                fit[3] += face.height() / (double) best.height();
                iouSum += bestIou;
                rest.remove(best);
            }
        }
        falsePositives += rest.size();
        int k = Math.min(scene.count(), 7);
        byCountTotal[k]++;
        if (counted == scene.count()) {
            countRight++;
            byCountRight[k]++;
        } else {
            countErrors.add(scene.name() + " " + scene.count() + "→" + counted);
        }
    }

    public double countAccuracy() {
        return scenes == 0 ? 0 : countRight / (double) scenes;
    }

    /** "k faces: right/total" for each number of faces seen. */
    public String byCount() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < byCountTotal.length; k++) {
            if (byCountTotal[k] > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(byCountRight[k]).append('/').append(byCountTotal[k]);
            }
        }
        return sb.toString();
    }

    /** "who found/total" per character (the scene's face labels; Lucy wears glasses). */
    public String byWho() {
        StringBuilder sb = new StringBuilder();
        byWho.forEach((who, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(who).append(' ').append(c[0]).append('/').append(c[1]));
        return sb.toString();
    }

    public double recall() {
        return faces == 0 ? 0 : found / (double) faces;
    }

    public double precision() {
        return found + falsePositives == 0 ? 1 : found / (double) (found + falsePositives);
    }

    /** Mean IoU of the faces that were found. */
    public double meanIouFound() {
        return found == 0 ? 0 : iouSum / found;
    }

    /** Mean IoU over all faces, a missed face counting 0. */
    public double meanIouAll() {
        return faces == 0 ? 0 : iouSum / faces;
    }

    /** Mean offset of the true face centre (in box widths/heights) and mean size ratio true/found. */
    public String boxFit() {
        return String.format("dx %.3f dy %.3f w %.3f h %.3f", fit[0] / found, fit[1] / found, fit[2] / found, fit[3] / found);
    }

    public int falsePositives() {
        return falsePositives;
    }

    public List<String> countErrors() {
        return countErrors;
    }

    @Override
    public String toString() {
        return String.format("count accuracy %d/%d = %.1f%%, faces found %d/%d (recall %.1f%%), false positives %d "
                        + "(precision %.1f%%), mean IoU of found %.3f, mean IoU over all faces %.3f",
                countRight, scenes, 100 * countAccuracy(), found, faces, 100 * recall(), falsePositives,
                100 * precision(), meanIouFound(), meanIouAll());
    }
}
