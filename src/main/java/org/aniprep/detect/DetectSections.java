package org.aniprep.detect;

import org.aniprep.sidecar.DetectInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code detect} sidecar section from detections. */
public final class DetectSections {
    private DetectSections() {
    }

    public static DetectInfo.Boxes boxes(String detector, List<Detection> found, int width, int height) {
        List<DetectInfo.Box> out = new ArrayList<>(found.size());
        for (Detection d : found) {
            Map<String, Double> by = null;
            if (d.foundBy() != null) {
                by = new LinkedHashMap<>();
                for (Map.Entry<String, Float> e : d.foundBy().entrySet()) {
                    by.put(e.getKey(), decimal(e.getValue()));
                }
            }
            out.add(new DetectInfo.Box(d.label(), decimal(d.score()), List.of(d.x0(), d.y0(), d.x1(), d.y1()),
                    List.of(d.x0() / (double) width, d.y0() / (double) height, d.x1() / (double) width, d.y1() / (double) height), by));
        }
        return new DetectInfo.Boxes(detector, out);
    }

    /** A float score as the double with the same short decimal form (0.9f → 0.9, not 0.8999999761). */
    private static double decimal(float v) {
        return Double.parseDouble(Float.toString(v));
    }

    /** {@code info} with one kind's result set (for faces also count, facepos and the height bucket). */
    public static DetectInfo with(DetectInfo info, String kind, String detector, List<Detection> found, int width, int height) {
        DetectInfo.Boxes b = boxes(detector, found, width, height);
        return switch (kind) {
            case "face" -> {
                double ratio = FaceSummary.heightRatio(found, height);
                yield info.withFaces(b, found.size(), FaceSummary.facepos(found, width, height), ratio, FaceSummary.bucket(ratio));
            }
            case "head" -> info.withHeads(b);
            case "person" -> info.withPersons(b);
            default -> throw new IllegalArgumentException("unknown detector kind " + kind);
        };
    }
}
