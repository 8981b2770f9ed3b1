package org.aniprep.demo;

import org.aniprep.detect.CombinedFaceDetector;
import org.aniprep.detect.DetectReport;
import org.aniprep.detect.YoloModels;
import org.aniprep.sidecar.DetectInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The demo's detect step: faces on the frames and a face crop of each. {@code --offline}: the demo
 * never downloads; the YOLO face model is used when it is already on the machine, else detect falls
 * back to the bundled offline detector (FaceBoxes + the cascade).
 */
final class DetectStep {
    static final DemoStep STEP = new DemoStep("detect", DetectStep::report);
    private static final List<String> BUCKETS = List.of("0-25", "25-50", "50-75", "75-100");
    /** Shot summaries per printed line, so the lines stay readable in a terminal. */
    private static final int SHOTS_PER_LINE = 5;

    private DetectStep() {
    }

    /**
     * Frames per face count and per face-height bucket, read back from the sidecars; the face
     * counts of each shot, so they can be checked against what the storyboard drew (the cast sheet
     * shows who is in which shot).
     */
    static DemoStep.Report report(DemoStep.Context c) {
        DemoLayout layout = c.layout();
        long[] byCount = new long[4];
        Map<String, Long> byBucket = new LinkedHashMap<>();
        BUCKETS.forEach(b -> byBucket.put(b, 0L));
        Map<String, TreeMap<Integer, Long>> byShot = new LinkedHashMap<>();
        c.episodes().forEach(e -> e.script().shots().forEach(s -> byShot.putIfAbsent(s.name(), new TreeMap<>())));
        TreeSet<String> detectors = new TreeSet<>();
        long frames = 0;
        long faces = 0;
        for (Path frame : DemoSteps.images(layout.frames(), true)) {
            Optional<DetectInfo> info = DemoSteps.section(frame, DetectInfo.SECTION, DetectInfo.class)
                    .filter(d -> d.faceCount() != null);
            if (info.isEmpty()) {
                continue;
            }
            DetectInfo d = info.get();
            frames++;
            faces += d.faceCount();
            byCount[Math.min(d.faceCount(), 3)]++;
            byBucket.merge(d.faceHeightBucket(), 1L, Long::sum);
            if (d.faces() != null) {
                detectors.add(d.faces().detector());
            }
            DemoSteps.shotOf(frame, c.episodes()).ifPresent(shot ->
                    byShot.computeIfAbsent(shot, k -> new TreeMap<>()).merge(d.faceCount(), 1L, Long::sum));
        }
        List<String> lines = new ArrayList<>();
        if (frames == 0) {
            lines.add("no frame has detection results");
            return new DemoStep.Report(lines, List.of());
        }
        lines.add(String.format("%s on %s, by %s", DemoSteps.plural(faces, "face"), DemoSteps.plural(frames, "frame"),
                String.join(", ", detectors)));
        if (detectors.contains(CombinedFaceDetector.NAME)) {
            lines.add("  (the offline detector, FaceBoxes + the anime face cascade; the YOLO face model is used once it is on this machine: "
                    + "'aniprep models fetch " + YoloModels.FACE + "' where the network is reachable)");
        }
        lines.add(String.format("frames with 0 / 1 / 2 / 3+ faces: %d / %d / %d / %d", byCount[0], byCount[1], byCount[2], byCount[3]));
        lines.add("tallest face, % of frame height: " + String.join(", ",
                byBucket.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
        lines.addAll(shotLines(byShot));
        List<Path> look = new ArrayList<>();
        Path html = layout.frames().resolve(DetectReport.FILE);
        lines.add("every frame with its boxes: " + layout.show(html));
        look.add(html);
        List<Path> cropFolders = DemoSteps.episodeFolders(layout.crops());
        long crops = DemoSteps.images(layout.crops(), true).size();
        if (crops > 0) {
            lines.add(DemoSteps.plural(crops, "face crop") + " -> " + layout.show(layout.crops()));
        }
        cropFolders.stream().filter(f -> !DemoSteps.images(f, false).isEmpty()).forEach(look::add);
        return new DemoStep.Report(lines, look);
    }

    /** "op_cast 4", or "ep1_room_pan 0×25 1×23" when a shot's frames differ; shots without frames are left out. */
    private static List<String> shotLines(Map<String, TreeMap<Integer, Long>> byShot) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Long>> shot : byShot.entrySet()) {
            TreeMap<Integer, Long> counts = shot.getValue();
            if (counts.isEmpty()) {
                continue;
            }
            parts.add(shot.getKey() + " " + (counts.size() == 1 ? String.valueOf(counts.firstKey())
                    : String.join(" ", counts.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).toList())));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += SHOTS_PER_LINE) {
            lines.add((i == 0 ? "faces per shot (faces×frames): " : "  ")
                    + String.join(", ", parts.subList(i, Math.min(parts.size(), i + SHOTS_PER_LINE))));
        }
        return lines;
    }
}
