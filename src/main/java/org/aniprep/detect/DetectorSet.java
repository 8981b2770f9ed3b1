package org.aniprep.detect;

import java.util.ArrayList;
import java.util.List;

/** The detectors of one run: at most one per kind (face, head, person). */
public record DetectorSet(Detector face, Detector head, Detector person) implements AutoCloseable {
    public List<Detector> all() {
        List<Detector> out = new ArrayList<>(3);
        for (Detector d : new Detector[]{face, head, person}) {
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    public List<YoloDetector> yolo() {
        return all().stream().filter(d -> d instanceof YoloDetector).map(d -> (YoloDetector) d).toList();
    }

    public Detector of(String kind) {
        return switch (kind) {
            case "face" -> face;
            case "head" -> head;
            case "person" -> person;
            default -> null;
        };
    }

    @Override
    public void close() {
        all().forEach(Detector::close);
    }
}
