package org.aniprep.report;

import org.aniprep.io.MediaFiles;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over a run's frames and their sidecars (and {@code frames/_removed/}), keeping counts and
 * capped samples only, so a run of 50 000 frames costs one sidecar read each and a page of a few
 * hundred thumbnails.
 */
final class RunScan {
    /** Thumbnails per sample (a group, a reason, a character). */
    static final int SAMPLE = 24;
    /** Dedup groups shown. */
    static final int GROUPS = 12;

    /** A frame in a sample, with the boxes to draw over it. */
    record Shot(Path image, DetectInfo detect, List<List<Integer>> boxes, String label) {
    }

    /** A dedup group: the kept frame and the removed ones (where they still are on disk). */
    record Group(Path kept, List<Path> removed, int size) {
    }

    /** Faces of one character or cluster: how many, in how many frames, and a sample. */
    static final class Who {
        long faces;
        long frames;
        final List<Shot> sample = new ArrayList<>();
    }

    final RunLayout layout;
    /** The episodes' frames kept, and of them those with faces. */
    long frames;
    long framesWithFaces;
    /** Fan art imported with {@code run --extra} ({@link MediaFiles#EXTRA_FOLDER}). */
    long fanart;
    long dedupGroups;
    long dedupRemoved;
    final List<Group> groups = new ArrayList<>();
    final Map<String, List<Path>> filtered = new TreeMap<>();
    final Map<String, Long> filteredCounts = new TreeMap<>();
    private final List<Shot> faces = new ArrayList<>();
    private long faceStep = 1;
    final Map<String, Who> characters = new TreeMap<>();
    final Map<String, Who> clusters = new TreeMap<>();
    /** An unknown face counts as left unknown for its nearest character up to this many thresholds away (as classify.html). */
    static final double NEAR_MISS = 1.5;
    /** Per name: faces left uncertain about it, and faces nearest it but left unknown (classify's statuses). */
    final Map<String, Long> uncertain = new TreeMap<>();
    final Map<String, Long> leftUnknown = new TreeMap<>();
    final List<String> unreadable = new ArrayList<>();

    private RunScan(RunLayout layout) {
        this.layout = layout;
    }

    static RunScan of(RunLayout layout) throws IOException {
        RunScan scan = new RunScan(layout);
        if (Files.isDirectory(layout.frames())) {
            List<Path> kept = MediaFiles.images(layout.frames(), (f, why) -> scan.unreadable.add(f + ": " + why));
            Path extra = layout.frames().resolve(MediaFiles.EXTRA_FOLDER).toAbsolutePath().normalize();
            for (int i = 0; i < kept.size(); i++) {
                boolean fanart = kept.get(i).toAbsolutePath().normalize().startsWith(extra);
                if (fanart) {
                    scan.fanart++;
                } else {
                    scan.frames++;
                }
                try {
                    scan.frame(kept.get(i), fanart);
                } catch (RuntimeException e) {
                    scan.unreadable.add(kept.get(i) + ": record not readable (" + e.getMessage() + ")");
                }
            }
            Path removed = layout.frames().resolve("_removed");
            if (Files.isDirectory(removed)) {
                for (Path p : MediaFiles.find(removed, true, null, MediaFiles::isImage, (f, why) -> { }, java.util.Set.of())) {
                    try {
                        scan.removed(p);
                    } catch (RuntimeException e) {
                        scan.unreadable.add(p + ": record not readable (" + e.getMessage() + ")");
                    }
                }
            }
        }
        return scan;
    }

    /** At most {@link #SAMPLE} frames with faces, spread evenly over the run. */
    List<Shot> faces() {
        if (faces.size() <= SAMPLE) {
            return faces;
        }
        List<Shot> out = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            out.add(faces.get((int) ((long) i * faces.size() / SAMPLE)));
        }
        return out;
    }

    private Sidecar read(Path image) {
        try {
            return SidecarStore.read(image);
        } catch (SidecarException e) {
            unreadable.add(image + ": " + e.getMessage());
            return Sidecar.empty();
        }
    }

    /** One kept image; imported fan art counts for its characters, not among the episodes' frames. */
    private void frame(Path image, boolean fanart) {
        Sidecar s = read(image);
        DetectInfo d = s.get(DetectInfo.SECTION, DetectInfo.class).orElse(null);
        if (!fanart && d != null && d.faceCount() != null && d.faceCount() > 0 && d.faces() != null) {
            // every faceStep-th frame with faces; when twice the sample is held, halve it and double the step
            if (framesWithFaces++ % faceStep == 0) {
                faces.add(new Shot(image, d, d.faces().boxes().stream().map(DetectInfo.Box::box).toList(), null));
                if (faces.size() == 2 * SAMPLE) {
                    List<Shot> half = new ArrayList<>();
                    for (int i = 0; i < faces.size(); i += 2) {
                        half.add(faces.get(i));
                    }
                    faces.clear();
                    faces.addAll(half);
                    faceStep *= 2;
                }
            }
        }
        s.get(DedupInfo.SECTION, DedupInfo.class).ifPresent(dd -> {
            if (dd.groupSize() != null && dd.groupSize() > 1) {
                dedupGroups++;
                if (groups.size() < GROUPS) {
                    List<Path> gone = new ArrayList<>();
                    for (String rel : dd.removed() == null ? List.<String>of() : dd.removed()) {
                        Path moved = layout.frames().resolve("_removed").resolve(rel).normalize();
                        if (moved.startsWith(layout.frames()) && Files.isRegularFile(moved)) {
                            gone.add(moved);
                        }
                    }
                    groups.add(new Group(image, gone, dd.groupSize()));
                }
            }
        });
        s.get(ClassifyInfo.SECTION, ClassifyInfo.class).ifPresent(c -> {
            Map<String, List<List<Integer>>> byName = new LinkedHashMap<>();
            Map<String, List<List<Integer>>> byCluster = new LinkedHashMap<>();
            for (ClassifyInfo.Face f : c.faces()) {
                if (ClassifyInfo.UNCERTAIN.equals(f.status()) && f.candidate() != null) {
                    uncertain.merge(f.candidate(), 1L, Long::sum);
                } else if (ClassifyInfo.STATUS_UNKNOWN.equals(f.status()) && f.nearest() != null && f.distance() != null
                        && c.threshold() != null && f.distance() <= NEAR_MISS * c.threshold()) {
                    leftUnknown.merge(f.nearest(), 1L, Long::sum);
                }
                if (f.named()) {
                    byName.computeIfAbsent(f.character(), k -> new ArrayList<>()).add(f.box());
                } else if (f.cluster() != null) {
                    byCluster.computeIfAbsent(f.cluster(), k -> new ArrayList<>()).add(f.box());
                }
            }
            add(characters, byName, image, d);
            add(clusters, byCluster, image, d);
        });
    }

    private static void add(Map<String, Who> into, Map<String, List<List<Integer>>> found, Path image, DetectInfo d) {
        found.forEach((name, boxes) -> {
            Who w = into.computeIfAbsent(name, k -> new Who());
            w.faces += boxes.size();
            w.frames++;
            if (w.sample.size() < SAMPLE) {
                w.sample.add(new Shot(image, d, boxes, name));
            }
        });
    }

    private void removed(Path image) {
        Sidecar s = read(image);
        s.get(FilterInfo.SECTION, FilterInfo.class).filter(FilterInfo::dropped).ifPresent(f -> {
            String reason = f.reason() == null ? "other" : f.reason();
            filteredCounts.merge(reason, 1L, Long::sum);
            List<Path> sample = filtered.computeIfAbsent(reason, k -> new ArrayList<>());
            if (sample.size() < SAMPLE) {
                sample.add(image);
            }
        });
        s.get(DedupInfo.SECTION, DedupInfo.class).filter(dd -> dd.kept() != null).ifPresent(dd -> dedupRemoved++);
    }

    /** Every image the samples show, for making their thumbnails in one go. */
    List<Path> sampled() {
        List<Path> all = new ArrayList<>();
        groups.forEach(g -> {
            all.add(g.kept());
            all.addAll(g.removed());
        });
        filtered.values().forEach(all::addAll);
        faces().forEach(f -> all.add(f.image()));
        characters.values().forEach(w -> w.sample.forEach(f -> all.add(f.image())));
        clusters.values().forEach(w -> w.sample.forEach(f -> all.add(f.image())));
        return all;
    }
}
