package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.detect.Detector;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.pipeline.PerImage;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.FloatVectors;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code aniprep classify}: every face of every image under {@code src} gets the nearest reference
 * character within the embedder's threshold, or {@code unknown}; the unknown faces (except those
 * nearest a noise sink) are clustered and the clusters named; the {@code classify} section of each
 * sidecar records it all, with the embeddings cached for the next run.
 */
public final class ClassifyRun {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyRun.class);

    private final CharacterEmbedder embedder;
    private final Supplier<Detector> detector;
    private final ClassifyOptions options;
    private final Problems problems;

    /** Counts of one run, and the faces for the report and the export. */
    public record Summary(int images, int faces, int named, int unknown, int clusters, int embedded, int detected) {
    }

    public ClassifyRun(CharacterEmbedder embedder, Supplier<Detector> detector, ClassifyOptions options, Problems problems) {
        this.embedder = embedder;
        this.detector = detector;
        this.options = options;
        this.problems = problems;
    }

    /** The images whose faces still need detecting or embedding (the part {@link #embed} may do elsewhere), and how many there are in all. */
    public record Plan(List<Path> todo, int images) implements PerImage.Plan {
    }

    /** Plan, embed and finish in this JVM. */
    public Summary run() throws IOException {
        Plan plan = plan();
        Map<String, Long> counts = plan.todo().isEmpty() ? Map.of() : embed(plan.todo());
        return finish(counts);
    }

    /** Scans {@code src} (its problems reported here) for images whose faces lack a detection or an embedding. */
    public Plan plan() throws IOException {
        List<ImageFaces> images = scan(problems, options.overwrite());
        return new Plan(images.stream().filter(ImageFaces::needsWork).map(i -> i.image).toList(), images.size());
    }

    /**
     * Detects and embeds the faces of {@code files}, on any thread of any JVM that sees them, and writes
     * each image's {@code classify} section as soon as its faces are embedded: the embeddings, every face
     * still unknown, which {@link #finish} then names and clusters. A run stopped here resumes from those.
     * Counts: {@code embedded} faces, {@code detected} images, {@code failed} images.
     */
    public Map<String, Long> embed(List<Path> files) {
        List<ImageFaces> images = new ArrayList<>();
        long failed = 0;
        for (Path f : files) {
            try {
                images.add(FaceScan.read(f, SidecarStore.read(f), embedder, options.overwrite()));
            } catch (SidecarException e) {
                problems.add(f, e.getMessage());
                failed++;
            }
        }
        long detected = images.stream().filter(i -> i.needsDetection).count();
        if (detected > 0) {
            LOG.info("{} image(s) have no detection results yet: detecting their faces first", detected);
        }
        int embedded = new Embedding(embedder, detector, options.src(), problems).run(images, this::writeEmbeddings);
        failed += images.stream().filter(i -> i.failed).count();
        return Map.of("embedded", (long) embedded, "detected", detected, "failed", failed);
    }

    /** Names and clusters every face of {@code src} from the embeddings its sidecars now hold; writes, reports, exports. */
    public Summary finish(Map<String, Long> counts) throws IOException {
        List<ReferenceFolder.Entry> entries = new ArrayList<>();
        if (options.refs() != null) {
            entries.addAll(ReferenceFolder.scan(options.refs(), problems));
        }
        entries.addAll(ClusterExport.renamed(options.exportClusters(), problems));
        References refs = References.load(entries, detector, embedder, problems);
        // the plan reported what is wrong with the folder and its sidecars; embed, the images it could not do
        List<ImageFaces> images = scan(new Problems(), false);
        List<ImageFaces> left = images.stream().filter(ImageFaces::needsWork).toList();
        left.forEach(i -> i.failed = true);
        if (left.size() > counts.getOrDefault("failed", 0L)) {
            LOG.warn("{} image(s) still lack face embeddings (changed while classify ran?): run classify again", left.size());
        }
        List<ImageFaces.FaceItem> faces = new ArrayList<>();
        images.stream().filter(i -> !i.failed).forEach(i -> faces.addAll(i.faces));
        new FaceNamer(embedder, FaceNamer.MARGIN).assign(faces, refs);
        int clusters = cluster(images);
        write(images);
        int named = (int) faces.stream().filter(f -> f.character != null).count();
        Summary s = new Summary(images.size(), faces.size(), named, faces.size() - named, clusters,
                counts.getOrDefault("embedded", 0L).intValue(), counts.getOrDefault("detected", 0L).intValue());
        ClassifyResult result = new ClassifyResult(options.src(), images, refs, embedder);
        try {
            LOG.info("report: {}", ClassifyReport.write(result, embedder.id(), embedder.threshold(), problems));
        } catch (IOException e) {
            problems.add(options.src().resolve(ClassifyReport.FILE), "cannot write the report (" + e.getMessage() + ")");
        }
        if (options.exportClusters() != null) {
            new ClusterExport(options.exportClusters(), problems).write(result);
        }
        return s;
    }

    private List<ImageFaces> scan(Problems problems, boolean overwrite) throws IOException {
        Set<Path> skip = new HashSet<>();
        for (Path p : new Path[] {options.refs(), options.exportClusters()}) {
            if (p != null) {
                skip.add(p.toAbsolutePath().normalize());
            }
        }
        List<Path> files = MediaFiles.find(options.src(), true, null, MediaFiles::isImage, problems::add, skip);
        List<ImageFaces> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(FaceScan.read(f, SidecarStore.read(f), embedder, overwrite));
            } catch (SidecarException e) {
                problems.add(f, e.getMessage());
            }
        }
        return out;
    }

    private int cluster(List<ImageFaces> images) {
        List<ImageFaces.FaceItem> unknown = new ArrayList<>();
        List<ClusterNamer.Member> members = new ArrayList<>();
        for (ImageFaces img : images) {
            for (ImageFaces.FaceItem f : img.failed ? List.<ImageFaces.FaceItem>of() : img.faces) {
                if (f.clusterable()) {
                    unknown.add(f);
                    members.add(new ClusterNamer.Member(img.faces.size() == 1 ? img.tags : List.of(), f.hair, f.previousCluster,
                            f.link() != null));
                }
            }
        }
        long start = System.nanoTime();
        List<float[]> vectors = unknown.stream().map(f -> f.embedding).toList();
        int[] labels = LinkedClusters.apply(new FaceClusterer(options.minCluster(), embedder).cluster(vectors),
                unknown.stream().map(ImageFaces.FaceItem::link).toList());
        List<Integer> order = new ArrayList<>(new LinkedHashSet<>(java.util.Arrays.stream(labels).boxed().toList()));
        order.remove(Integer.valueOf(FaceClusterer.NOISE));
        List<List<ClusterNamer.Member>> groups = new ArrayList<>();
        for (int label : order) {
            List<ClusterNamer.Member> g = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    g.add(members.get(i));
                }
            }
            groups.add(g);
        }
        List<String> names = ClusterNamer.name(groups);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != FaceClusterer.NOISE) {
                unknown.get(i).cluster = names.get(order.indexOf(labels[i]));
            }
        }
        LOG.info("{} unknown face(s): {} cluster(s) ({} ms)", unknown.size(), order.size(), (System.nanoTime() - start) / 1_000_000);
        return order.size();
    }

    private void write(List<ImageFaces> images) {
        try (Progress progress = Progress.start("classify: write", "img", images.size())) {
            for (ImageFaces img : images) {
                if (!img.failed) {
                    put(img, false);
                }
                progress.step();
            }
        }
    }

    /** What {@link #embed} keeps of an image: its embeddings, with every face unknown and its previous cluster. */
    private void writeEmbeddings(ImageFaces img) {
        put(img, true);
    }

    private void put(ImageFaces img, boolean embeddingsOnly) {
        List<ClassifyInfo.Face> faces = new ArrayList<>();
        Set<String> characters = new LinkedHashSet<>();
        for (ImageFaces.FaceItem f : img.faces) {
            if (f.embedding == null) {
                continue;
            }
            String embedding = FloatVectors.encode(f.embedding);
            if (embeddingsOnly) {
                faces.add(new ClassifyInfo.Face(f.box.kind(), f.box.index(), f.box.box(), ClassifyInfo.UNKNOWN, null, null,
                        f.previousCluster, f.hair, embedding, null, null));
                continue;
            }
            faces.add(new ClassifyInfo.Face(f.box.kind(), f.box.index(), f.box.box(),
                    f.character == null ? ClassifyInfo.UNKNOWN : f.character, f.distance == null ? null : round(f.distance),
                    f.nearest, f.cluster, f.hair, embedding, f.status, f.candidate));
            if (f.character != null) {
                characters.add(f.character);
            }
        }
        try {
            SidecarStore.put(img.image, ClassifyInfo.SECTION, new ClassifyInfo(embedder.id(), embedder.threshold(), List.copyOf(characters), faces));
        } catch (SidecarException e) {
            problems.add(img.image, e.getMessage());
            img.failed = true;
        }
    }

    private static double round(double d) {
        return Math.round(d * 1e5) / 1e5;
    }

    static String pathName(String displayName) {
        return SafePaths.component(displayName, "character");
    }
}
