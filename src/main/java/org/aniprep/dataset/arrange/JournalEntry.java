package org.aniprep.dataset.arrange;

import java.util.List;

/**
 * One image's step in an arrangement. {@code op}: {@code copy}, {@code link} (hard link, or a
 * symbolic link across file systems), {@code move}, {@code encode} (resized/re-encoded copy), or
 * {@code relocate} (a rerun moving an image it placed earlier to its new folder inside --dst).
 *
 * @param from       absolute path of the image it takes (for relocate: its old place in --dst)
 * @param source     the original source image (the manifest key); same as {@code from} except for relocate
 * @param to         the image's new path relative to --dst
 * @param files      companions as {@code [name beside from, name beside to]} (not the sidecar)
 * @param sidecar    the sidecar written beside {@code to} (null for relocate: it travels in {@code files})
 * @param original   for move: where the source's own sidecar is kept (relative to the journal folder) for --undo
 * @param type       the image type recorded in the section {@code arrange}
 * @param weight     an --extra folder's weight, or null
 * @param replaces   the earlier placement (relative to --dst) this entry replaces because its record, caption or
 *                   folder changed (op {@code copy}, {@code link}, {@code encode}), or the placement a {@code remove}
 *                   takes out; its files are moved to {@code <id>.replaced/} first and put back by --undo; null otherwise
 * @param replacedFiles the names of that placement's companions (sidecar included) beside it
 */
public record JournalEntry(String op, String from, String source, String to, List<List<String>> files, String sidecar,
                    String original, String type, Double weight, String replaces, List<String> replacedFiles) {
    static final String COPY = "copy";
    static final String LINK = "link";
    static final String MOVE = "move";
    static final String ENCODE = "encode";
    static final String RELOCATE = "relocate";
    /** A rerun taking out an image it placed earlier that is no longer chosen (removed by filter, dedup or the user). */
    static final String REMOVE = "remove";

    public JournalEntry {
        files = files == null ? List.of() : List.copyOf(files);
        replacedFiles = replacedFiles == null ? List.of() : List.copyOf(replacedFiles);
    }

    public JournalEntry(String op, String from, String source, String to, List<List<String>> files, String sidecar,
                        String original, String type, Double weight) {
        this(op, from, source, to, files, sidecar, original, type, weight, null, null);
    }
}
