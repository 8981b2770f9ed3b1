package org.aniprep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.character.CastScenes;
import org.aniprep.character.FaceBox;
import org.aniprep.detect.CombinedFaceDetector;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.io.MediaFiles;
import org.aniprep.review.FaceEntry;
import org.aniprep.review.FrameEntry;
import org.aniprep.review.OpLog;
import org.aniprep.review.ReviewActions;
import org.aniprep.review.ReviewFolder;
import org.aniprep.review.ReviewIndex;
import org.aniprep.review.ReviewWriter;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A run folder's frames as the stages before detect's rerun leave them, on real anime art (the shared
 * Ren'Py cast composited onto backgrounds, {@link CastScenes}): {@code source}, {@code image},
 * {@code detect} (the true face boxes, recorded as the offline detector's so a rerun keeps them) and
 * {@code tag} sections, one frame in {@code _removed/} as filter left it; references for Eileen only,
 * so Lucy's faces are an unknown cluster. Each kind of decision is made the way the user makes it:
 * through the review server's own {@link ReviewActions} (review sections, moves to and from
 * {@code _removed/}, the op log), or by editing a caption file or renaming an exported cluster folder.
 */
public final class DecisionFrames {
    static final List<String> SPRITES = List.of("eileen_vhappy.png", "eileen_concerned.png", "lucy_mad.png", "lucy_happy.png");
    /** Frames per episode; the last one lies in {@code _removed/} (filter's title card). */
    static final int FRAMES = 14;
    static final String FOUND = "Lucy";

    /** The kinds of decision (issue 18, "Decisions are data"). */
    enum Decision {
        NAME, NOT, NOT_A_FACE, IGNORE, LINK, REMOVE, RESTORE, TAG_ADD, TAG_REMOVE, CAPTION, CAPTION_EXTERNAL, CLUSTER_RENAME
    }

    private DecisionFrames() {
    }

    public static void refs(Path refs) throws IOException {
        Path dir = Files.createDirectories(refs.resolve("Eileen"));
        Files.copy(CastScenes.animeDir().resolve("eileen_happy.png"), dir.resolve("eileen_happy.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static Path frame(Path frames, int episode, int i) {
        return frames.resolve(String.format("EP%02d/f%02d.png", episode, i + 1));
    }

    /** Writes episode {@code episode}'s frames with their records; the same episode gives the same bytes. */
    public static void episode(Path frames, int episode) throws IOException {
        List<CastScenes.Scene> scenes = new CastScenes().scenes(FRAMES, 1000 + episode, SPRITES);
        for (int i = 0; i < FRAMES; i++) {
            CastScenes.Scene s = scenes.get(i);
            Path image = frame(frames, episode, i);
            Files.createDirectories(image.getParent());
            ImageIO.write(s.image().toBufferedImage(), "png", image.toFile());
            int w = s.image().width();
            int h = s.image().height();
            List<Detection> found = new ArrayList<>();
            for (CastScenes.Face f : s.faces()) {
                FaceBox b = f.box();
                found.add(new Detection(b.x0(), b.y0(), b.x1(), b.y1(), "face", 0.9f));
            }
            DetectInfo detect = DetectSections.with(DetectInfo.empty().withSize(w, h), "face", CombinedFaceDetector.NAME, found, w, h);
            List<String> names = new ArrayList<>(List.of("long hair", i % 2 == 0 ? "smile" : "blush", "looking at viewer"));
            if (i % 3 == 0) {
                names.add("outdoors");
            }
            List<Tags.Scored> general = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                general.add(new Tags.Scored(names.get(k), 0.9 - k * 0.05));
            }
            Tags tag = new Tags("wd-test", null, "wd14-a", 0.35, false, 0.85, false, "general", Map.of("general", 0.9),
                    general, List.of(), false);
            FrameSource source = new FrameSource("/anime/Show E" + episode + ".mkv", "show", 1, episode, 100 * i, 4.0 * i);
            SidecarStore.update(image, r -> r.put(FrameSource.SECTION, source).put(ImageInfo.SECTION, new ImageInfo(w, h))
                    .put(DetectInfo.SECTION, detect).put(Tags.SECTION, tag));
        }
        Path last = frame(frames, episode, FRAMES - 1);
        Path to = frames.resolve("_removed").resolve(frames.relativize(last));
        move(last, to);
        ObjectNode filter = Json.MAPPER.createObjectNode().put("method", "filter-v1").put("verdict", "drop").put("reason", "title_card");
        SidecarStore.put(to, "filter", filter);
    }

    private static void move(Path image, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(image, to);
        Files.move(SidecarStore.pathFor(image), SidecarStore.pathFor(to));
    }

    /** The review server's actions on the run folder {@code root}, over its index as the server builds it at start. */
    record Review(ReviewIndex index, ReviewActions actions) {
        static Review of(Path root) throws IOException {
            ReviewFolder folder = ReviewFolder.of(root);
            OpLog log = ReviewWriter.recover(folder);
            ReviewIndex index = ReviewIndex.build(folder.frames(), (p, m) -> {
                throw new AssertionError(p + ": " + m);
            });
            return new Review(index, new ReviewActions(index, new ReviewWriter(folder, index, log)));
        }

        List<FaceEntry> faces(int episode) {
            return index.all().stream().filter(f -> !f.removed() && f.episode().equals(String.format("EP%02d", episode)))
                    .flatMap(f -> f.faces().stream()).toList();
        }

        List<FaceEntry> named(int episode, String name) {
            return faces(episode).stream().filter(f -> name.equals(f.character())).toList();
        }

        /** The faces of the episode's largest unknown cluster, in frame order. */
        List<FaceEntry> cluster(int episode) {
            Map<String, List<FaceEntry>> by = new java.util.TreeMap<>();
            faces(episode).stream().filter(f -> !f.named() && f.cluster() != null).forEach(f -> by.computeIfAbsent(f.cluster(), k -> new ArrayList<>()).add(f));
            return by.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow(
                    () -> new AssertionError("no unknown cluster in episode " + episode + ": " + faces(episode)));
        }
    }

    private static List<String> ids(List<FaceEntry> faces) {
        return faces.stream().map(FaceEntry::id).toList();
    }

    /**
     * Makes decision {@code d} on episode {@code episode} of the run folder {@code root}. Each kind takes
     * faces or frames of its own, so that all of them can be made on one episode together.
     */
    static void apply(Path root, int episode, Decision d) throws IOException {
        Review review = Review.of(root);
        ReviewActions act = review.actions();
        Path frames = root.resolve("frames");
        String f1 = rel(episode, 0);
        switch (d) {
            case NAME -> act.name(ids(review.cluster(episode).subList(0, 2)), FOUND);
            case NOT -> act.not(ids(review.named(episode, "Eileen").subList(0, 1)), "Eileen");
            case NOT_A_FACE -> act.notAFace(ids(review.named(episode, "Eileen").subList(1, 2)));
            case IGNORE -> {
                List<FaceEntry> c = review.cluster(episode);
                act.ignore(ids(c.subList(c.size() - 1, c.size())));
            }
            case LINK -> { // split the cluster in two groups: must-link within each, cannot-link between them
                List<FaceEntry> c = review.cluster(episode);
                act.link(ids(c.subList(0, 2)), "split off");
                act.link(ids(c.subList(2, Math.min(4, c.size() - 1))), "split off");
            }
            case REMOVE -> act.remove(List.of(rel(episode, FRAMES - 2)));
            case RESTORE -> act.restore(List.of("_removed/" + rel(episode, FRAMES - 1)));
            case TAG_ADD -> act.tag(List.of(f1, rel(episode, 1)), "red hair", true);
            case TAG_REMOVE -> act.tag(List.of(f1), "smile", false);
            case CAPTION -> act.caption(List.of(rel(episode, 2)), "Eileen, by the cave, my own words");
            case CAPTION_EXTERNAL -> { // a text editor (TagGUI, BooruDatasetTagManager) rewrites the .txt beside the frame
                Path txt = frames.resolve(rel(episode, 3).replace(".png", ".txt"));
                Files.writeString(txt, Files.readString(txt) + ", edited elsewhere");
            }
            case CLUSTER_RENAME -> { // the documented loop: rename the exported cluster folder to the name
                String cluster = review.cluster(episode).get(0).cluster();
                Files.move(root.resolve("clusters").resolve(cluster), root.resolve("clusters").resolve(FOUND));
            }
        }
    }

    static String rel(int episode, int i) {
        return String.format("EP%02d/f%02d.png", episode, i + 1);
    }

    /**
     * Carries the user's decisions of run folder {@code from} onto the fresh inputs of {@code to}: every
     * review section (with the frame where the user put it: kept or in {@code _removed/}), every caption
     * file aniprep did not write, and every cluster folder the export did not write (a renamed one).
     */
    static void carry(Path from, Path to) throws IOException {
        Path src = from.resolve("frames");
        Path dst = to.resolve("frames");
        List<Path> images = new ArrayList<>(MediaFiles.images(src, (p, m) -> {
        }));
        if (Files.isDirectory(src.resolve("_removed"))) {
            images.addAll(MediaFiles.images(src.resolve("_removed"), (p, m) -> {
            }));
        }
        for (Path image : images) {
            String rel = src.relativize(image).toString();
            Path target = dst.resolve(rel);
            Path other = dst.resolve(rel.startsWith("_removed/") ? rel.substring("_removed/".length()) : "_removed/" + rel);
            var record = SidecarStore.read(image);
            JsonNode review = record.node(ReviewInfo.SECTION).orElse(null);
            if (review != null && !Files.exists(target) && Files.exists(other)) {
                move(other, target);
            }
            if (review != null) {
                SidecarStore.put(target, ReviewInfo.SECTION, review);
            }
            Path txt = image.resolveSibling(DatasetFixture.stem(image.getFileName().toString()) + ".txt");
            String written = record.node("caption").map(c -> c.path("text").asText()).orElse(null);
            if (Files.exists(txt) && !Files.readString(txt).equals(written)) {
                Files.copy(txt, target.resolveSibling(txt.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path clusters = from.resolve("clusters");
        if (Files.isDirectory(clusters)) {
            Set<String> exported = new TreeSet<>();
            Path manifest = clusters.resolve(".aniprep-clusters.json");
            if (Files.exists(manifest)) {
                collectStrings(Json.MAPPER.readTree(manifest.toFile()), exported);
            }
            try (Stream<Path> s = Files.list(clusters)) {
                for (Path folder : s.filter(Files::isDirectory).toList()) {
                    if (!exported.contains(folder.getFileName().toString())) {
                        copyTree(folder, to.resolve("clusters").resolve(folder.getFileName().toString()));
                    }
                }
            }
        }
    }

    private static void collectStrings(JsonNode n, Set<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.forEach(c -> collectStrings(c, out));
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(p -> {
                try {
                    Path t = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Frames of the run folder as the review server lists them (for the decision-specific checks). */
    static List<FrameEntry> index(Path root) throws IOException {
        return Review.of(root).index().all();
    }
}
