package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FilterInfo;
import org.aniprep.sidecar.FloatVectors;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One sidecar → one {@link FrameEntry}; a record that cannot be read becomes an entry holding the error. */
final class RecordReader {
    static final String REMOVED = "_removed";

    private RecordReader() {
    }

    static FrameEntry read(Path frames, String rel) {
        Path image = frames.resolve(rel);
        boolean removed = rel.startsWith(REMOVED + "/");
        String inner = removed ? rel.substring(REMOVED.length() + 1) : rel;
        int slash = inner.lastIndexOf('/');
        String episode = slash < 0 ? "" : inner.substring(0, inner.indexOf('/'));
        try {
            Sidecar s = SidecarStore.read(image);
            ReviewInfo review = s.get(ReviewInfo.SECTION, ReviewInfo.class).orElse(ReviewInfo.empty());
            Optional<DetectInfo> detect = s.get(DetectInfo.SECTION, DetectInfo.class);
            String verdict = "kept";
            String reason = null;
            if (removed) {
                Optional<FilterInfo> filter = s.get(FilterInfo.SECTION, FilterInfo.class);
                Optional<DedupInfo> dedup = s.get(DedupInfo.SECTION, DedupInfo.class);
                if (review.removeFrame()) {
                    verdict = "manual";
                    reason = ReviewInfo.MANUAL;
                } else if (dedup.isPresent() && dedup.get().kept() != null) {
                    verdict = "dedup";
                    reason = dedup.get().kept();
                } else if (filter.isPresent()) {
                    verdict = "filter";
                    reason = filter.get().reason();
                } else {
                    verdict = "manual";
                    reason = "removed";
                }
            }
            List<FaceEntry> faces = faces(rel, s, detect.orElse(null), review);
            return new FrameEntry(rel, episode, verdict, reason, faces, tags(s, review), caption(s, review),
                    detect.map(DetectInfo::faceHeightBucket).orElse(null),
                    detect.map(DetectInfo::width).orElse(0), detect.map(DetectInfo::height).orElse(0),
                    review, s.json(), null);
        } catch (RuntimeException e) {
            return new FrameEntry(rel, episode, removed ? "manual" : "kept", null, List.of(), List.of(), null, null,
                    0, 0, ReviewInfo.empty(), null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<FaceEntry> faces(String rel, Sidecar s, DetectInfo detect, ReviewInfo review) {
        List<FaceEntry> out = new ArrayList<>();
        Optional<ClassifyInfo> classify = s.get(ClassifyInfo.SECTION, ClassifyInfo.class);
        Set<String> seen = new LinkedHashSet<>();
        if (classify.isPresent() && classify.get().faces() != null) {
            for (ClassifyInfo.Face f : classify.get().faces()) {
                seen.add(f.kind() + f.index());
                out.add(entry(rel, f.kind(), f.index(), f.box(), f.character(), f.status(), f.candidate(), f.cluster(),
                        f.distance(), f.embedding(), review));
            }
        }
        if (detect != null && detect.faces() != null) {
            // boxes classify has not seen (not run yet, or marked not-a-face since) are faces too
            List<DetectInfo.Box> boxes = detect.faces().boxes();
            for (int i = 0; i < boxes.size(); i++) {
                if (!seen.contains("face" + i) && (classify.isEmpty() || review.notAFace("face", boxes.get(i).box()))) {
                    out.add(entry(rel, "face", i, boxes.get(i).box(), null, null, null, null, null, null, review));
                }
            }
        }
        return out;
    }

    private static FaceEntry entry(String rel, String kind, int index, List<Integer> box, String character, String status,
                                   String candidate, String cluster, Double distance, String embedding, ReviewInfo review) {
        ReviewInfo.Face decision = review.face(kind, box).orElse(null);
        String name = character == null ? FaceEntry.UNKNOWN : character;
        String st = status;
        if (decision != null && decision.character() != null) {
            name = decision.character();
            st = ClassifyInfo.CONFIRMED;
        } else if (decision != null && decision.rules(name)) {
            name = FaceEntry.UNKNOWN;
            st = ClassifyInfo.STATUS_UNKNOWN;
        }
        if (decision != null && candidate != null && decision.rules(candidate)) {
            candidate = null;
        }
        float[] emb = null;
        if (embedding != null) {
            try {
                emb = FloatVectors.decode(embedding);
            } catch (RuntimeException e) {
                emb = null;
            }
        }
        return new FaceEntry(rel + "#" + kind + index, rel, kind, index, box, name, st, candidate, cluster, distance,
                emb, decision);
    }

    private static List<String> tags(Sidecar s, ReviewInfo review) {
        List<String> tags = new ArrayList<>();
        JsonNode seed = s.node("tags").orElse(null);
        if (seed != null && seed.isArray()) {
            seed.forEach(t -> tags.add(t.asText()));
        } else {
            s.get(Tags.SECTION, Tags.class).ifPresent(t -> {
                if (t.general() != null) {
                    t.general().forEach(g -> tags.add(g.tag()));
                }
            });
        }
        if (review.tags() != null) {
            tags.removeAll(review.tags().remove());
            for (String add : review.tags().add()) {
                if (!tags.contains(add)) {
                    tags.add(add);
                }
            }
        }
        return List.copyOf(tags);
    }

    private static String caption(Sidecar s, ReviewInfo review) {
        if (review.caption() != null) {
            return review.caption();
        }
        JsonNode c = s.node("caption").map(n -> n.path("text")).orElse(Json.MAPPER.missingNode());
        return c.isTextual() ? c.asText() : null;
    }

    /** The review section of {@code rel} as JSON (NullNode when none), for the op log's before/after. */
    static JsonNode reviewNode(Path frames, String rel) {
        return SidecarStore.read(frames.resolve(rel)).node(ReviewInfo.SECTION).orElse(Json.MAPPER.nullNode());
    }
}
