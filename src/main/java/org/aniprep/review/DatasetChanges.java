package org.aniprep.review;

import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an Apply changed in {@code dataset/}: images added, removed and moved to another folder, and
 * captions changed. An image is known by its file name (arrange names each placed file after its
 * episode and frame, so the name stays when only the folder changes).
 */
public final class DatasetChanges {
    /** Changes listed per kind at most this many (the counts are whole). */
    static final int LISTED = 200;

    /** Image file name → where it is ({@code folder/name}) and its caption text (null: none). */
    public record Snapshot(Map<String, Entry> images) {
    }

    public record Entry(String path, String caption) {
    }

    /** A move: the image's path before and after. */
    public record Move(String from, String to) {
    }

    public record Changes(int added, int removed, int moved, int captions, List<String> addedList, List<String> removedList,
                   List<Move> movedList, List<String> captionList) {
        public String summary() {
            return added + " image(s) added, " + removed + " removed, " + moved + " moved, " + captions + " caption(s) changed";
        }
    }

    private DatasetChanges() {
    }

    static Snapshot snapshot(Path dataset) throws IOException {
        Map<String, Entry> out = new TreeMap<>();
        if (!Files.isDirectory(dataset)) {
            return new Snapshot(out);
        }
        Files.walkFileTree(dataset, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                return !dir.equals(dataset) && (name.startsWith(".") || MediaFiles.RESERVED_FOLDERS.contains(name))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (MediaFiles.isImage(file)) {
                    Path txt = file.resolveSibling(MediaFiles.stem(file) + ".txt");
                    String caption = Files.isRegularFile(txt) ? Files.readString(txt, StandardCharsets.UTF_8) : null;
                    out.put(file.getFileName().toString(), new Entry(dataset.relativize(file).toString().replace('\\', '/'), caption));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // one unreadable file does not hide the rest
            }
        });
        return new Snapshot(out);
    }

    static Changes diff(Snapshot before, Snapshot after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int[] n = new int[4];
        after.images().forEach((name, now) -> {
            Entry was = before.images().get(name);
            if (was == null) {
                add(added, now.path(), n, 0);
                return;
            }
            if (!was.path().equals(now.path())) {
                if (n[2]++ < LISTED) {
                    moved.add(new Move(was.path(), now.path()));
                }
            }
            if (!Objects.equals(was.caption(), now.caption())) {
                add(captions, now.path(), n, 3);
            }
        });
        before.images().forEach((name, was) -> {
            if (!after.images().containsKey(name)) {
                add(removed, was.path(), n, 1);
            }
        });
        return new Changes(n[0], n[1], n[2], n[3], added, removed, moved, captions);
    }

    private static void add(List<String> list, String path, int[] n, int kind) {
        if (n[kind]++ < LISTED) {
            list.add(path);
        }
    }
}
