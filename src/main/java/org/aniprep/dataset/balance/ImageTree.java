package org.aniprep.dataset.balance;

import org.aniprep.io.MediaFiles;
import org.aniprep.io.NaturalOrder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The folders of a training tree that hold images (directly or below), with their image counts
 * and the first few images by name. Hidden folders and aniprep's own ({@code _report}, ...) are
 * not part of it.
 */
public final class ImageTree {
    /** Images remembered per folder, for report thumbnails. */
    public static final int SAMPLES = 4;

    /** One folder: {@code rel} is its path below the root ('/'-separated, "" for the root). */
    public record Node(Path dir, String rel, int images, List<Path> samples, List<Node> children) {
        public Node {
            samples = List.copyOf(samples);
            children = List.copyOf(children);
        }

        public String name() {
            return rel.isEmpty() ? dir.getFileName() == null ? "/" : dir.getFileName().toString() : rel.substring(rel.lastIndexOf('/') + 1);
        }

        /** Images in this folder and below. */
        public int total() {
            return images + children.stream().mapToInt(Node::total).sum();
        }

        /** This node and every node below it, parents first. */
        public void visit(Consumer<Node> visitor) {
            visitor.accept(this);
            children.forEach(c -> c.visit(visitor));
        }
    }

    private ImageTree() {
    }

    /** The tree under {@code root}; an unreadable folder is reported to {@code unreadable} and left out. */
    public static Node scan(Path root, java.util.function.BiConsumer<Path, String> unreadable) throws IOException {
        Node n = scan(root.toAbsolutePath().normalize(), "", unreadable);
        return n != null ? n : new Node(root.toAbsolutePath().normalize(), "", 0, List.of(), List.of());
    }

    private static Node scan(Path dir, String rel, java.util.function.BiConsumer<Path, String> unreadable) {
        List<String> images = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!MediaFiles.RESERVED_FOLDERS.contains(name)) {
                        dirs.add(p);
                    }
                } else if (MediaFiles.isImage(p)) {
                    images.add(name);
                }
            }
        } catch (IOException e) {
            unreadable.accept(dir, "folder cannot be read");
            return null;
        }
        images.sort(NaturalOrder.INSTANCE);
        dirs.sort(NaturalOrder.PATHS);
        List<Node> children = new ArrayList<>();
        for (Path d : dirs) {
            String name = d.getFileName().toString();
            Node child = scan(d, rel.isEmpty() ? name : rel + "/" + name, unreadable);
            if (child != null && (child.images() > 0 || !child.children().isEmpty())) {
                children.add(child);
            }
        }
        List<Path> samples = images.stream().limit(SAMPLES).map(dir::resolve).toList();
        return new Node(dir, rel, images.size(), samples, children);
    }
}
