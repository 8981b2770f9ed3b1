package org.aniprep.character;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished run's faces grouped for people to look at: each reference character (also those found
 * nowhere), each cluster of unknown look-alikes, the unknown faces in no cluster, and the faces
 * that went to a noise sink.
 */
record ClassifyResult(Path src, List<Group> groups, int images) {
    enum Kind { CHARACTER, CLUSTER, UNCLUSTERED, NOISE }

    record Member(Path image, FaceBox box, Double distance) {
    }

    record Group(String name, Kind kind, List<Member> faces) {
        long frames() {
            return faces.stream().map(Member::image).distinct().count();
        }
    }

    ClassifyResult(Path src, List<ImageFaces> images, References refs, CharacterEmbedder embedder) {
        this(src, group(images, refs), (int) images.stream().filter(i -> !i.failed).count());
    }

    private static List<Group> group(List<ImageFaces> images, References refs) {
        Map<String, List<Member>> characters = new LinkedHashMap<>();
        refs.characters().forEach(c -> characters.put(c, new ArrayList<>()));
        Map<String, List<Member>> clusters = new TreeMap<>();
        Map<String, List<Member>> noise = new TreeMap<>();
        List<Member> loose = new ArrayList<>();
        for (ImageFaces img : images) {
            if (img.failed) {
                continue;
            }
            for (ImageFaces.FaceItem f : img.faces) {
                if (f.embedding == null) {
                    continue;
                }
                Member m = new Member(img.image, f.box, f.distance);
                if (f.character != null) {
                    characters.computeIfAbsent(f.character, k -> new ArrayList<>()).add(m);
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
        characters.forEach((k, v) -> out.add(new Group(k, Kind.CHARACTER, v)));
        clusters.forEach((k, v) -> out.add(new Group(k, Kind.CLUSTER, v)));
        if (!loose.isEmpty()) {
            out.add(new Group("unknown, in no cluster", Kind.UNCLUSTERED, loose));
        }
        noise.forEach((k, v) -> out.add(new Group(k, Kind.NOISE, v)));
        return out;
    }

    List<Group> of(Kind kind) {
        return groups.stream().filter(g -> g.kind() == kind).toList();
    }
}
