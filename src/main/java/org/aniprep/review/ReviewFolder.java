package org.aniprep.review;

import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What {@code aniprep review DIR} works on: a run folder of {@code aniprep run} ({@code DIR/frames},
 * {@code DIR/.aniprep/run.json}) or a frames folder the stage commands wrote (episode folders of
 * images with sidecars). The records live in {@link #frames}; the review's own state (op log, pending
 * batch, thumbnails) in {@link #state}. Anything else is refused in one plain sentence.
 *
 * @param root   the folder given (the run folder, or the frames folder itself)
 * @param frames the frames folder: episode folders, {@code _removed/}, {@code _crops/}
 * @param run    true for a run folder
 */
public record ReviewFolder(Path root, Path frames, boolean run) {
    public ReviewFolder {
        root = root.toAbsolutePath().normalize();
        frames = frames.toAbsolutePath().normalize();
    }

    /** Thrown for a folder that is neither a run folder nor a frames folder; the message is the whole story. */
    public static final class NotReviewable extends RuntimeException {
        public NotReviewable(String message) {
            super(message);
        }
    }

    public static ReviewFolder of(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new NotReviewable(dir + ": no such folder");
        }
        if (!Files.isDirectory(root)) {
            throw new NotReviewable(dir + ": not a folder; give a run folder of `aniprep run` (it holds frames/) or a frames folder");
        }
        if (Files.isDirectory(root.resolve("frames")) && (Files.isRegularFile(root.resolve(".aniprep/run.json"))
                || Files.isDirectory(root.resolve("dataset")))) {
            return new ReviewFolder(root, root.resolve("frames"), true);
        }
        if (holdsRecords(root)) {
            return new ReviewFolder(root, root, false);
        }
        throw new NotReviewable(dir + ": neither a run folder of `aniprep run` (with frames/ and .aniprep/run.json) nor a "
                + "frames folder (episode folders of images with their .json records); nothing to review");
    }

    /** The review's own files: {@code <run>/.aniprep/review/} or {@code <frames>/.aniprep/review/}. */
    public Path state() {
        return root.resolve(".aniprep").resolve("review");
    }

    public Path opLog() {
        return state().resolve("ops.jsonl");
    }

    /** A frames folder: some image, directly or one episode folder down, has a sidecar. */
    private static boolean holdsRecords(Path root) {
        try (Stream<Path> walk = Files.walk(root, 2)) {
            return walk.filter(Files::isRegularFile).filter(MediaFiles::isImage)
                    .anyMatch(p -> Files.isRegularFile(p.resolveSibling(MediaFiles.stem(p) + ".json")));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
