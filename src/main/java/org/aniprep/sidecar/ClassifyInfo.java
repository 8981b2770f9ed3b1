package org.aniprep.sidecar;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * Section {@code classify}: who the faces of the image are.
 *
 * @param embedder   the character embedder that made the embeddings ({@code offline-v4} or a CCIP model id)
 * @param threshold  the distance within which a face took a reference character's name
 * @param characters the named characters of the image in face order, each once ({@code unknown} faces left out)
 * @param faces      one entry per face box of the {@code detect} section that was looked at
 */
public record ClassifyInfo(String embedder, Double threshold, List<String> characters, List<Face> faces) {
    public static final String SECTION = "classify";
    /** The character of a face no reference matched. */
    public static final String UNKNOWN = "unknown";
    /** {@link Face#status}: the user said who it is ({@code review.faces[].character}). */
    public static final String CONFIRMED = "confirmed";
    /** {@link Face#status}: within the threshold of a reference folder's face, safely apart from every other candidate. */
    public static final String NAMED = "named";
    /** {@link Face#status}: nearest a face the user named, not yet confirmed by the user. */
    public static final String PROPOSED = "proposed";
    /** {@link Face#status}: near a reference but not safely apart from another candidate: unnamed, {@link Face#candidate} asked about. */
    public static final String UNCERTAIN = "uncertain";
    /** {@link Face#status}: the user said to leave it alone: unknown and in no cluster. */
    public static final String IGNORED = "ignored";
    /** {@link Face#status}: nearest a {@code refs/noise*} sink: unknown and in no cluster. */
    public static final String NOISE = "noise";
    /** {@link Face#status}: no reference within the threshold. */
    public static final String STATUS_UNKNOWN = "unknown";

    public ClassifyInfo {
        characters = characters == null ? List.of() : List.copyOf(characters);
        faces = faces == null ? List.of() : List.copyOf(faces);
    }

    /**
     * One face.
     *
     * @param kind      which detect boxes it indexes: {@code face}, or {@code head}/{@code person} in
     *                  images that have those but no faces
     * @param index     its index in {@code detect.<kind>s.boxes}
     * @param box       that box ({@code [x0, y0, x1, y1]}), so a changed detection is noticed
     * @param character the reference character it matched, or {@code unknown}
     * @param distance  distance to the nearest reference face (of any character, noise sinks included); null without references
     * @param nearest   the character (or noise folder) of that nearest reference face, also when too far to take its name
     * @param cluster   for unknown faces: the cluster of look-alikes it belongs to, null when it belongs to none
     * @param hair      the hair colour the offline signature saw ({@code red}, {@code black}, ...), for cluster names
     * @param embedding the cached embedding (base64 of little-endian float32)
     * @param status    how sure the name is: {@link #CONFIRMED}, {@link #NAMED}, {@link #PROPOSED} (these three give
     *                  {@code character} a name), {@link #UNCERTAIN}, {@link #IGNORED}, {@link #NOISE} or
     *                  {@link #STATUS_UNKNOWN}; null in sections written before statuses existed
     * @param candidate for {@link #UNCERTAIN} faces: the name withheld (the user is asked about it); else null
     */
    public record Face(String kind, int index, List<Integer> box, String character, Double distance, String nearest,
                       String cluster, String hair, String embedding, String status, String candidate) {
        @JsonCreator
        public Face {
            box = List.copyOf(box);
        }

        /** A face as sections without statuses recorded it. */
        public Face(String kind, int index, List<Integer> box, String character, Double distance, String nearest,
                    String cluster, String hair, String embedding) {
            this(kind, index, box, character, distance, nearest, cluster, hair, embedding, null, null);
        }

        public boolean named() {
            return character != null && !UNKNOWN.equals(character);
        }
    }
}
