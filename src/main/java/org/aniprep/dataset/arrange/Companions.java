package org.aniprep.dataset.arrange;

import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files that travel with an image: its sidecar {@code <stem>.json}, captions {@code <stem>.txt}
 * and {@code <stem>.caption}, tag files {@code <stem>.tags} and {@code <image>.tags} (the seed's),
 * booru metadata {@code <image>.json}, and the successor's {@code .processed_tags}/{@code .characters}.
 * Each folder is listed once, so a large tree costs one listing per folder, not a probe per file.
 */
final class Companions {
    static final List<String> STEM_SUFFIXES = List.of(".json", ".txt", ".caption", ".tags", ".processed_tags", ".characters");
    static final List<String> NAME_SUFFIXES = List.of(".tags", ".json");

    private final Map<Path, Set<String>> listings = new HashMap<>();
    private final Set<Path> claimedStems = new HashSet<>();

    /** Names of {@code image}'s companions present beside it, the sidecar first. */
    List<String> of(Path image) throws IOException {
        Set<String> names = listing(image.getParent());
        List<String> out = new ArrayList<>();
        for (String name : candidates(image.getFileName().toString())) {
            if (names.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Marks {@code image}'s stem as taken; false when another image of that folder with the same
     * stem ({@code a.png}, {@code a.jpg}) took it first, whose stem files they are then.
     */
    boolean claimStem(Path image) {
        return claimedStems.add(image.resolveSibling(MediaFiles.stem(image)));
    }

    /** Only the companions named after the whole image name ({@code <image>.tags}, {@code <image>.json}). */
    static List<String> ownNamed(Path image, List<String> names) {
        String n = image.getFileName().toString();
        return names.stream().filter(c -> c.startsWith(n + ".")).toList();
    }

    /** Every companion name an image of this file name could have, the sidecar first. */
    static List<String> candidates(String imageName) {
        String stem = MediaFiles.stem(Path.of(imageName));
        List<String> out = new ArrayList<>();
        for (String s : STEM_SUFFIXES) {
            out.add(stem + s);
        }
        for (String s : NAME_SUFFIXES) {
            out.add(imageName + s);
        }
        return out;
    }

    /** The companion's name for an image renamed from {@code oldImage} to {@code newImage}. */
    static String renamed(String companion, String oldImage, String newImage) {
        if (companion.startsWith(oldImage + ".")) {
            return newImage + companion.substring(oldImage.length());
        }
        String oldStem = MediaFiles.stem(Path.of(oldImage));
        return MediaFiles.stem(Path.of(newImage)) + companion.substring(oldStem.length());
    }

    private Set<String> listing(Path dir) throws IOException {
        Set<String> names = listings.get(dir);
        if (names == null) {
            names = new HashSet<>();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    names.add(p.getFileName().toString());
                }
            }
            listings.put(dir, names);
        }
        return names;
    }
}
