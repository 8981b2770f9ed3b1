package org.aniprep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.AnimeScenes.Actor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A frames folder as the stages before metadata leave it (source, image, detect, tag and classify sections
 * on real anime frames), and each kind of review decision applied the way the review server records it and
 * the earlier stages then act on it (classify's names, detect's boxes, filter's and dedup's {@code _removed/}).
 */
public final class DecisionFrames {
    static final int W = 640;
    static final int H = 360;
    /** Per frame of one episode: the characters of its faces (unknown: the cluster {@code g1}). */
    static final List<List<String>> CAST = List.of(List.of("Ann"), List.of("Ann"), List.of("Ann", "Bob"), List.of("Bob"),
            List.of("Bob"), List.of("unknown"), List.of("unknown"), List.of("unknown"), List.of("Ann"), List.of());
    static final List<String> BACKGROUNDS = List.of("bg_cave.jpg", "bg_washington.jpg", "bg_whitehouse.jpg");
    static final List<String> ACTORS = List.of("eileen_happy", "lucy_happy", "lucy_mad", "eileen_concerned");

    private DecisionFrames() {
    }

    static Path frame(Path frames, int episode, int i) {
        return frames.resolve(String.format("EP%02d/f%02d.png", episode, i + 1));
    }

    /** Writes episode {@code episode}'s frames; frame 10 (no one) lies in {@code _removed/} as filter left it. */
    public static void episode(Path frames, int episode) throws IOException {
        for (int i = 0; i < CAST.size(); i++) {
            Path image = frame(frames, episode, i);
            List<String> cast = CAST.get(i);
            AnimeScenes.writePng(AnimeScenes.scene(BACKGROUNDS.get((i + episode) % 3), 10 * i + episode,
                    Actor.at(ACTORS.get((i + episode) % ACTORS.size()), 200 + 25 * i)), image);
            List<Detection> faces = new ArrayList<>();
            for (int k = 0; k < cast.size(); k++) {
                int size = 60 + 12 * i + 30 * k;
                faces.add(new Detection(40 + 250 * k, 30, 40 + 250 * k + size, 30 + size, "face", 0.9f));
            }
            DetectInfo detect = DetectSections.with(DetectInfo.empty().withSize(W, H), "face", "yolo", faces, W, H);
            List<String> tags = new ArrayList<>(List.of("long hair", i % 2 == 0 ? "smile" : "blush", "looking at viewer"));
            List<Tags.Scored> general = new ArrayList<>();
            for (int k = 0; k < tags.size(); k++) {
                general.add(new Tags.Scored(tags.get(k), 0.9 - k * 0.05));
            }
            Tags tag = new Tags("wd-test", null, "wd14-a", 0.35, false, 0.85, false, "general", Map.of("general", 0.9),
                    general, List.of(), false);
            FrameSource source = new FrameSource("/anime/Show E" + episode + ".mkv", "show", 1, episode, 100 * i, 4.0 * i);
            SidecarStore.update(image, s -> s.put(FrameSource.SECTION, source)
                    .put(ImageInfo.SECTION, new ImageInfo(W, H))
                    .put(DetectInfo.SECTION, detect)
                    .put(Tags.SECTION, tag)
                    .put("classify", classify(detect, cast)));
        }
        Path last = frame(frames, episode, CAST.size() - 1);
        move(last, frames.resolve("_removed").resolve(frames.relativize(last)));
    }

    static ObjectNode classify(DetectInfo detect, List<String> cast) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("embedder", "offline-v1");
        c.put("threshold", 0.3);
        ArrayNode names = c.putArray("characters");
        cast.stream().filter(n -> !n.equals("unknown")).distinct().forEach(names::add);
        ArrayNode faces = c.putArray("faces");
        for (int k = 0; k < cast.size(); k++) {
            ObjectNode f = faces.addObject();
            f.put("kind", "face");
            f.put("index", k);
            ArrayNode box = f.putArray("box");
            detect.faces().boxes().get(k).box().forEach(box::add);
            f.put("character", cast.get(k));
            f.put("status", cast.get(k).equals("unknown") ? "unknown" : "named");
            if (cast.get(k).equals("unknown")) {
                f.put("cluster", "g1");
            }
        }
        return c;
    }

    static void move(Path image, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(image, to);
        Files.move(SidecarStore.pathFor(image), SidecarStore.pathFor(to));
    }

    /** The kinds of decision, each as the review server records it plus what the stage that acts on it then records. */
    enum Decision { NAME, NOT, NOT_A_FACE, IGNORE, LINK, KEEP, REMOVE, TAGS, CAPTION }

    static void apply(Path frames, int episode, Decision d) throws IOException {
        switch (d) {
            case NAME -> { // "this is Cara" on the unknown cluster: classify names its faces (confirmed)
                for (int i = 5; i <= 7; i++) {
                    renameFace(frame(frames, episode, i), 0, "Cara", "confirmed");
                    review(frame(frames, episode, i), faceDecision(frame(frames, episode, i), 0, "Cara", null, null, null));
                }
            }
            case NOT -> { // "not Bob": classify leaves the face unknown
                renameFace(frame(frames, episode, 3), 0, "unknown", "unknown");
                review(frame(frames, episode, 3), faceDecision(frame(frames, episode, 3), 0, null, List.of("Bob"), null, null));
            }
            case IGNORE -> {
                renameFace(frame(frames, episode, 8), 0, "unknown", "ignored");
                review(frame(frames, episode, 8), faceDecision(frame(frames, episode, 8), 0, null, null, true, null));
            }
            case LINK -> { // two unknown faces split off into their own group: a new cluster, no name
                for (int i = 6; i <= 7; i++) {
                    Path f = frame(frames, episode, i);
                    SidecarStore.update(f, s -> {
                        ObjectNode c = (ObjectNode) s.node("classify").orElseThrow();
                        ((ObjectNode) c.get("faces").get(0)).put("cluster", "link-x");
                        return s.put("classify", c);
                    });
                    review(f, faceDecision(f, 0, null, null, null, "x"));
                }
            }
            case NOT_A_FACE -> { // Bob's box in frame 3 was no face: detect drops it, classify follows
                Path f = frame(frames, episode, 2);
                SidecarStore.update(f, s -> {
                    DetectInfo old = s.get(DetectInfo.SECTION, DetectInfo.class).orElseThrow();
                    DetectInfo.Box a = old.faces().boxes().get(0);
                    List<Detection> kept = List.of(new Detection(a.box().get(0), a.box().get(1), a.box().get(2), a.box().get(3), "face", 0.9f));
                    DetectInfo detect = DetectSections.with(old, "face", "yolo", kept, W, H);
                    return s.put(DetectInfo.SECTION, detect).put("classify", classify(detect, List.of("Ann")));
                });
                ReviewInfo r = new ReviewInfo(List.of(new ReviewInfo.Face("face", List.of(290, 30, 404, 144), null, null, true, null, null)),
                        null, null, null);
                SidecarStore.put(f, ReviewInfo.SECTION, r);
            }
            case KEEP -> { // restore the frame filter removed
                Path f = frame(frames, episode, CAST.size() - 1);
                move(frames.resolve("_removed").resolve(frames.relativize(f)), f);
                SidecarStore.put(f, ReviewInfo.SECTION, new ReviewInfo(List.of(), new ReviewInfo.Frame(ReviewInfo.KEEP, null), null, null));
            }
            case REMOVE -> {
                Path f = frame(frames, episode, 1);
                Path to = frames.resolve("_removed").resolve(frames.relativize(f));
                move(f, to);
                SidecarStore.put(to, ReviewInfo.SECTION, new ReviewInfo(List.of(),
                        new ReviewInfo.Frame(ReviewInfo.REMOVE, ReviewInfo.MANUAL), null, null));
            }
            case TAGS -> SidecarStore.put(frame(frames, episode, 0), ReviewInfo.SECTION, new ReviewInfo(List.of(), null,
                    new ReviewInfo.TagEdits(List.of("red_hair"), List.of("smile")), null));
            case CAPTION -> SidecarStore.put(frame(frames, episode, 4), ReviewInfo.SECTION, new ReviewInfo(List.of(), null, null,
                    "Bob, standing in the cave, my own words"));
        }
    }

    private static void renameFace(Path image, int face, String name, String status) {
        SidecarStore.update(image, s -> {
            ObjectNode c = (ObjectNode) s.node("classify").orElseThrow();
            ObjectNode f = (ObjectNode) c.get("faces").get(face);
            f.put("character", name);
            f.put("status", status);
            if (!name.equals("unknown")) {
                f.remove("cluster");
            }
            ArrayNode names = c.putArray("characters");
            List<String> seen = new ArrayList<>();
            for (JsonNode x : c.get("faces")) {
                String n = x.get("character").asText();
                if (!n.equals("unknown") && !seen.contains(n)) {
                    seen.add(n);
                    names.add(n);
                }
            }
            return s.put("classify", c);
        });
    }

    private static ReviewInfo faceDecision(Path image, int face, String character, List<String> not, Boolean ignore, String link) {
        List<Integer> box = SidecarStore.read(image).get(DetectInfo.SECTION, DetectInfo.class).orElseThrow().faces().boxes().get(face).box();
        return new ReviewInfo(List.of(new ReviewInfo.Face("face", box, character, not, null, ignore, link)), null, null, null);
    }

    private static void review(Path image, ReviewInfo r) {
        SidecarStore.put(image, ReviewInfo.SECTION, r);
    }
}
