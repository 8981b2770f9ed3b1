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
 */
public record JournalEntry(String op, String from, String source, String to, List<List<String>> files, String sidecar,
                    String original, String type, Double weight) {
    static final String COPY = "copy";
    static final String LINK = "link";
    static final String MOVE = "move";
    static final String ENCODE = "encode";
    static final String RELOCATE = "relocate";

    public JournalEntry {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
