package org.aniprep.sidecar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Section {@code caption}: the caption file {@code aniprep caption} wrote beside the image and its
 * text, so a rerun knows the file is its own (same text) and never replaces a caption written by
 * someone else or edited by hand without {@code --overwrite}.
 *
 * @param file   the caption file's name ({@code <stem>.txt} or {@code <stem>.caption})
 * @param text   the caption as written
 * @param seed   the random seed it was drawn with
 * @param sha256 SHA-256 (hex) of the file's bytes as aniprep wrote them (UTF-8 of {@code text}); absent in
 *               sections written before it (then {@code text} alone tells)
 * @param edited true when the file changed since aniprep wrote it (another tool or a text editor) and
 *               was kept as it is; null otherwise. The review UI shows such captions as edited.
 * @param user   true when {@code text} is the user's own caption from the {@code review} section; null otherwise
 */
public record CaptionInfo(String file, String text, long seed, String sha256, Boolean edited, Boolean user) {
    public static final String SECTION = "caption";

    /** What caption records for {@code text} it writes into {@code file}. */
    public static CaptionInfo written(String file, String text, long seed, boolean user) {
        return new CaptionInfo(file, text, seed, sha256(text), null, user ? Boolean.TRUE : null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEdited() {
        return Boolean.TRUE.equals(edited);
    }

    /** True when {@code content} (the file as it is now) is what aniprep wrote. */
    public boolean wrote(String content) {
        return sha256 != null ? sha256.equals(sha256(content)) : content.equals(text);
    }

    public CaptionInfo markedEdited() {
        return new CaptionInfo(file, text, seed, sha256, Boolean.TRUE, user);
    }

    /** SHA-256 (hex) of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
