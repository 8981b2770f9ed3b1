package org.aniprep.model;

import org.aniprep.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Hugging Face hub cache folder in huggingface_hub's layout:
 * {@code models--<org>--<name>/refs/<revision>} holds the commit,
 * {@code snapshots/<commit>/<path>} links to {@code blobs/<etag>}, and
 * {@code blobs/<etag>.incomplete} is a download in progress.
 */
public record HubCache(Path root) {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public Path repoDir(String repo) {
        return root.resolve("models--" + repo.replace("/", "--"));
    }

    public static boolean isCommit(String revision) {
        return COMMIT.matcher(revision).matches();
    }

    /** The commit a revision points at: the revision itself when it is a commit hash, else refs/<revision>. */
    public Optional<String> commit(String repo, String revision) {
        if (isCommit(revision)) {
            return Optional.of(revision);
        }
        Path ref = repoDir(repo).resolve("refs").resolve(revision);
        try {
            return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path snapshotDir(String repo, String commit) {
        return repoDir(repo).resolve("snapshots").resolve(commit);
    }

    /** The cached file for the revision, if the snapshot has it (following the blob link). */
    public Optional<Path> find(String repo, String revision, String file) {
        return commit(repo, revision)
                .map(c -> snapshotDir(repo, c).resolve(file))
                .filter(Files::isRegularFile);
    }

    public Path blob(String repo, String etag) {
        return repoDir(repo).resolve("blobs").resolve(etag);
    }

    public Path incomplete(String repo, String etag) {
        return repoDir(repo).resolve("blobs").resolve(etag + ".incomplete");
    }

    /** Points snapshots/<commit>/<file> at the blob (relative symlink as huggingface_hub does; a copy where links fail). */
    public Path link(String repo, String commit, String file, Path blob) throws IOException {
        Path target = snapshotDir(repo, commit).resolve(file);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        try {
            Files.createSymbolicLink(target, target.getParent().relativize(blob));
        } catch (UnsupportedOperationException | IOException e) {
            Path temp = AtomicFiles.newTempFile(target.getParent(), ".part");
            Files.copy(blob, temp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.move(temp, target);
        }
        return target;
    }

    public void writeRef(String repo, String revision, String commit) throws IOException {
        if (!isCommit(revision)) {
            AtomicFiles.writeString(repoDir(repo).resolve("refs").resolve(revision), commit);
        }
    }
}
