package org.aniprep.dataset.balance;

import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * kohya's folder convention, {@code <out>/<repeats>_<a~b~c>/} for the image folder {@code a/b/c}
 * (the successor's flatten_folder.py layout), filled with hard links (copies where links cannot be
 * made) of the images and their captions. The folder is aniprep's own (marked by
 * {@code .aniprep-kohya}) and rebuilt on every run, since the repeats are part of the names.
 */
public final class KohyaFolders {
    static final String MARKER = ".aniprep-kohya";

    private KohyaFolders() {
    }

    /** Refuses an output folder inside the tree (the next balance would count it) or one holding other files. */
    public static void check(Path src, Path out) throws IOException {
        if (SafePaths.isWithin(out, src)) {
            throw new IllegalArgumentException("--kohya-folders " + out + " lies inside --src; choose a folder beside it");
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                    throw new IllegalArgumentException("--kohya-folders " + out + " already holds files aniprep did not write; "
                            + "choose an empty or new folder");
                }
            }
        }
    }

    /** Writes the folders; returns the number of images linked. */
    public static int write(Path out, String rootName, List<MultiplyPlan.Folder> folders, int[] repeats, String captionExtension)
            throws IOException {
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(MARKER), "written by aniprep balance --kohya-folders; rebuilt on every run\n");
        clear(out);
        int linked = 0;
        for (int i = 0; i < folders.size(); i++) {
            ImageTree.Node node = folders.get(i).node();
            Path dir = SafePaths.inside(out, repeats[i] + "_" + name(node.rel(), rootName));
            Files.createDirectories(dir);
            try (DirectoryStream<Path> s = Files.newDirectoryStream(node.dir())) {
                for (Path p : s) {
                    if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".") || !MediaFiles.isImage(p)) {
                        continue;
                    }
                    link(p, dir.resolve(p.getFileName()));
                    linked++;
                    for (String ext : List.of(captionExtension, ".txt")) {
                        Path caption = p.resolveSibling(MediaFiles.stem(p) + ext);
                        if (Files.isRegularFile(caption) && !Files.exists(dir.resolve(caption.getFileName()))) {
                            link(caption, dir.resolve(caption.getFileName()));
                        }
                    }
                }
            }
        }
        return linked;
    }

    /** {@code a~b~c} for the folder {@code a/b/c}; the tree's own name for its root. */
    static String name(String rel, String rootName) {
        if (rel.isEmpty()) {
            return SafePaths.component(rootName, "root");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : rel.split("/")) {
            sb.append(sb.length() == 0 ? "" : "~").append(SafePaths.component(part, "_"));
        }
        return sb.toString();
    }

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(to)) {
                throw e;
            }
            Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Removes the {@code <N>_...} folders of an earlier run (links and copies only; the images stay in the tree). */
    private static void clear(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            for (Path d : s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("\\d+_.*")).toList()) {
                try (Stream<Path> walk = Files.walk(d)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
