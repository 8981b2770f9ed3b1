package org.aniprep.character;

import org.aniprep.sidecar.ClassifyInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished run's faces grouped for people to look at: each reference character (also those found
 * nowhere) with its named faces, the faces left uncertain about each name (asked about first), each
 * cluster of unknown look-alikes, the unknown faces in no cluster, the ignored ones and the faces that
 * went to a noise sink. An uncertain face is shown under its candidate and in its cluster.
 */
record ClassifyResult(Path src, List<Group> groups, int images) {
    /** An unknown face counts as "left unknown" for its nearest character up to this many thresholds away. */
    static final double NEAR_MISS = 1.5;

    enum Kind { CHARACTER, UNCERTAIN, CLUSTER, UNCLUSTERED, IGNORED, NOISE }

    record Member(Path image, FaceBox box, Double distance, String status) {
    }

    /**
     * @param uncertain for a character: faces left uncertain about this name
     * @param unknown   for a character: faces nearest its references but beyond the threshold, within
     *                  {@link #NEAR_MISS} times it (left unknown: they may be the character)
     */
    record Group(String name, Kind kind, List<Member> faces, int uncertain, int unknown) {
        long frames() {
            return faces.stream().map(Member::image).distinct().count();
        }

        long withStatus(String status) {
            return faces.stream().filter(m -> status.equals(m.status())).count();
        }
    }

    ClassifyResult(Path src, List<ImageFaces> images, References refs, CharacterEmbedder embedder) {
        this(src, group(images, refs, embedder.threshold()), (int) images.stream().filter(i -> !i.failed).count());
    }

    private static List<Group> group(List<ImageFaces> images, References refs, double threshold) {
        Map<String, List<Member>> characters = new LinkedHashMap<>();
        refs.characters().forEach(c -> characters.put(c, new ArrayList<>()));
        Map<String, List<Member>> uncertain = new TreeMap<>();
        Map<String, Integer> unknownNear = new TreeMap<>();
        Map<String, List<Member>> clusters = new TreeMap<>();
        Map<String, List<Member>> noise = new TreeMap<>();
        List<Member> loose = new ArrayList<>();
        List<Member> ignored = new ArrayList<>();
        for (ImageFaces img : images) {
            if (img.failed) {
                continue;
            }
            for (ImageFaces.FaceItem f : img.faces) {
                if (f.embedding == null) {
                    continue;
                }
                Member m = new Member(img.image, f.box, f.distance, f.status);
                if (f.character != null) {
                    characters.computeIfAbsent(f.character, k -> new ArrayList<>()).add(m);
                    continue;
                }
                if (ClassifyInfo.UNCERTAIN.equals(f.status)) {
                    uncertain.computeIfAbsent(f.candidate, k -> new ArrayList<>()).add(m);
                } else if (ClassifyInfo.STATUS_UNKNOWN.equals(f.status) && f.nearest != null && f.distance != null
                        && f.distance <= NEAR_MISS * threshold) {
                    unknownNear.merge(f.nearest, 1, Integer::sum);
                }
                if (f.ignored()) {
                    ignored.add(m);
                } else if (f.sink) {
                    noise.computeIfAbsent(f.nearest, k -> new ArrayList<>()).add(m);
                } else if (f.cluster != null) {
                    clusters.computeIfAbsent(f.cluster, k -> new ArrayList<>()).add(m);
                } else {
                    loose.add(m);
                }
            }
        }
        List<Group> out = new ArrayList<>();
        characters.forEach((k, v) -> out.add(new Group(k, Kind.CHARACTER, v, uncertain.getOrDefault(k, List.of()).size(),
                unknownNear.getOrDefault(k, 0))));
        uncertain.forEach((k, v) -> out.add(new Group(k, Kind.UNCERTAIN, v, v.size(), 0)));
        clusters.forEach((k, v) -> out.add(new Group(k, Kind.CLUSTER, v, 0, 0)));
        if (!loose.isEmpty()) {
            out.add(new Group("unknown, in no cluster", Kind.UNCLUSTERED, loose, 0, 0));
        }
        if (!ignored.isEmpty()) {
            out.add(new Group("ignored (by you)", Kind.IGNORED, ignored, 0, 0));
        }
        noise.forEach((k, v) -> out.add(new Group(k, Kind.NOISE, v, 0, 0)));
        return out;
    }

    List<Group> of(Kind kind) {
        return groups.stream().filter(g -> g.kind() == kind).toList();
    }
}
