package org.aniprep.io;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/** Finds videos and images under a folder, in natural order, reporting folders it cannot read. */
public final class MediaFiles {
    public static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "mkv", "avi", "flv", "mov", "wmv", "webm", "ts", "m2ts");
    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "webp", "bmp", "gif", "tif", "tiff");
    /** Folders aniprep itself creates inside a dataset and never treats as input. */
    public static final Set<String> RESERVED_FOLDERS = Set.of("_removed", "_report", "_crops");
    /**
     * Fan art {@code aniprep run} imported ({@code dataset.fanart}): seen by the per-image stages from detect on,
     * not by filter and dedup, which judge episodes ({@link #frames}). No episode folder has this name.
     */
    public static final String EXTRA_FOLDER = "_extra";

    private MediaFiles() {
    }

    public static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }

    public static boolean isImage(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file));
    }

    public static boolean isVideo(Path file) {
        return VIDEO_EXTENSIONS.contains(extension(file));
    }

    /** Like {@link #images}, without the imported fan art ({@link #EXTRA_FOLDER}): the episodes' frames. */
    public static List<Path> frames(Path root, BiConsumer<Path, String> unreadable) throws IOException {
        return find(root, true, null, MediaFiles::isImage, unreadable, Set.of(root.resolve(EXTRA_FOLDER)));
    }

    /** Every image below {@code root} (recursive), skipping hidden files and aniprep's own folders. */
    public static List<Path> images(Path root, BiConsumer<Path, String> unreadable) throws IOException {
        return find(root, true, null, MediaFiles::isImage, unreadable, Set.of());
    }

    /**
     * Walks {@code root} and returns files accepted by {@code glob} (matched against the file name,
     * when given) or by {@code accept}, sorted naturally by path. Folders in {@code skip} are not
     * entered (e.g. the output folder when it lies inside the input), also when reached through a link.
     * Links to files and folders are followed (libraries are often links); a link that leads back into
     * a folder being walked is not entered again, and a broken link with a wanted name is reported.
     */
    public static List<Path> find(Path root, boolean recursive, String glob,
                                  java.util.function.Predicate<Path> accept,
                                  BiConsumer<Path, String> unreadable, Set<Path> skip) throws IOException {
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> found = new ArrayList<>();
        Path start = root.toAbsolutePath().normalize();
        Set<Path> skipReal = new java.util.HashSet<>();
        for (Path p : skip) {
            skipReal.add(p.toAbsolutePath().normalize());
            try {
                skipReal.add(p.toRealPath());
            } catch (IOException e) {
                // not there (yet): only its own path is skipped
            }
        }
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(start)) {
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".") || RESERVED_FOLDERS.contains(name) || skipReal.contains(dir) || skipReal.contains(real(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || attrs.isDirectory()) {
                    return FileVisitResult.CONTINUE; // a folder at the depth limit
                }
                boolean ok = matcher != null ? matcher.matches(file.getFileName()) : accept.test(file);
                if (ok && attrs.isRegularFile()) {
                    found.add(file);
                } else if (ok && attrs.isSymbolicLink()) {
                    unreadable.accept(file, "is a link to " + linkTarget(file) + ", which does not exist");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (exc instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // a link back into a folder being walked: its files are found there
                }
                unreadable.accept(file, Files.isDirectory(file) ? "folder cannot be read" : "cannot be read (" + IoErrors.describe(exc) + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(NaturalOrder.PATHS);
        return found;
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }
}
