package org.aniprep.review;

import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Every frame and face of the folder, read from the sidecars once at start and then kept up to date
 * record by record as the review writes them ({@link #refresh}); pages are cut from it, so the browser
 * never receives everything. Frames are kept in natural order; the characters' grouping is cached
 * until the next change.
 */
public final class ReviewIndex {
    private final Path frames;
    private final Map<String, FrameEntry> byRel = new ConcurrentHashMap<>();
    private volatile List<String> order = List.of();
    private volatile Groups groups;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    private ReviewIndex(Path frames) {
        this.frames = frames;
    }

    /** Reads every record below {@code frames} (kept frames and {@code _removed/}); unreadable folders go to {@code problems}. */
    public static ReviewIndex build(Path frames, BiConsumer<Path, String> problems) throws IOException {
        ReviewIndex index = new ReviewIndex(frames.toAbsolutePath().normalize());
        List<String> rels = new ArrayList<>();
        for (Path p : MediaFiles.images(index.frames, problems)) {
            rels.add(rel(index.frames, p));
        }
        Path removed = index.frames.resolve(RecordReader.REMOVED);
        if (java.nio.file.Files.isDirectory(removed)) {
            for (Path p : MediaFiles.images(removed, problems)) {
                rels.add(rel(index.frames, p));
            }
        }
        rels.parallelStream().forEach(r -> index.byRel.put(r, RecordReader.read(index.frames, r)));
        index.order = List.copyOf(rels);
        return index;
    }

    static String rel(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
    }

    public Path frames() {
        return frames;
    }

    public FrameEntry frame(String rel) {
        return rel == null ? null : byRel.get(rel);
    }

    /** Every frame in natural order (kept ones, then removed ones). */
    public List<FrameEntry> all() {
        List<String> o = order;
        List<FrameEntry> out = new ArrayList<>(o.size());
        for (String r : o) {
            FrameEntry e = byRel.get(r);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    public int size() {
        return order.size();
    }

    /** The face {@code id} ({@code <frame>#<kind><index>}), or null. */
    public FaceEntry face(String id) {
        int hash = id == null ? -1 : id.lastIndexOf('#');
        if (hash < 0) {
            return null;
        }
        FrameEntry f = byRel.get(id.substring(0, hash));
        return f == null ? null : f.faces().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * Re-reads the records of {@code gone} and {@code added} after a write: a frame moved from
     * {@code gone} to {@code added} (removed, restored) takes its old place in the order.
     */
    public synchronized void refresh(Collection<String> gone, Collection<String> added) {
        if (new java.util.HashSet<>(gone).equals(new java.util.HashSet<>(added)) && added.stream().allMatch(byRel::containsKey)) {
            // records changed in place (names, tags, captions): the order stays
            added.forEach(a -> byRel.put(a, RecordReader.read(frames, a)));
            groups = null;
            return;
        }
        List<String> o = new ArrayList<>(order);
        Map<String, Integer> at = new LinkedHashMap<>();
        for (String g : gone) {
            if (!added.contains(g)) {
                int i = o.indexOf(g);
                if (i >= 0) {
                    at.put(g, i);
                }
                byRel.remove(g);
            }
        }
        List<String> gl = new ArrayList<>(gone);
        List<String> al = new ArrayList<>(added);
        for (int k = 0; k < al.size(); k++) {
            String a = al.get(k);
            byRel.put(a, RecordReader.read(frames, a));
            if (!o.contains(a)) {
                Integer i = k < gl.size() ? at.get(gl.get(k)) : null;
                if (i != null) {
                    o.set(i, a);
                } else {
                    o.add(a);
                }
            }
        }
        o.removeIf(r -> !byRel.containsKey(r));
        order = List.copyOf(o);
        groups = null;
        version.incrementAndGet();
    }

    /** Changes with every {@link #refresh}: what a view derives from every frame can be kept until it moves. */
    public long version() {
        return version.get();
    }

    /** The characters view's groups, computed once per change. */
    public Groups groups() {
        Groups g = groups;
        if (g == null) {
            g = Groups.of(all());
            groups = g;
        }
        return g;
    }

    /** Faces in groups: named characters first (by face count), then clusters and links, then the rest. */
    public record Groups(List<FaceGroup> all, Map<String, FaceGroup> byKey) {
        static Groups of(List<FrameEntry> frames) {
            Map<String, List<FaceEntry>> by = new LinkedHashMap<>();
            for (FrameEntry f : frames) {
                if (f.removed() || f.error() != null) {
                    continue;
                }
                for (FaceEntry face : f.faces()) {
                    if (!face.notAFace()) {
                        by.computeIfAbsent(face.group(), k -> new ArrayList<>()).add(face);
                    }
                }
            }
            List<FaceGroup> all = new ArrayList<>();
            by.forEach((k, v) -> all.add(FaceGroup.of(k, v)));
            all.sort(Comparator.comparingInt(FaceGroup::rank).thenComparing(Comparator.comparingInt(FaceGroup::size).reversed())
                    .thenComparing(FaceGroup::key));
            Map<String, FaceGroup> byKey = new LinkedHashMap<>();
            all.forEach(g -> byKey.put(g.key(), g));
            return new Groups(List.copyOf(all), byKey);
        }

        /** Names of the characters that have a group (for "this is NAME" suggestions). */
        public List<String> names() {
            return all.stream().filter(g -> g.key().startsWith("c:")).map(FaceGroup::label).toList();
        }
    }
}
