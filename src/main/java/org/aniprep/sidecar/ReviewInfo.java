package org.aniprep.sidecar;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

/**
 * Section {@code review}: the user's own decisions about this image, made in {@code aniprep review}
 * (docs/sidecar.md "The review section"). Only the review server writes it; every stage reads it and
 * never undoes it: a later run keeps a reviewed name, never gives a face a name it was told is wrong,
 * never brings back a box marked not-a-face, never removes a restored frame or restores a removed one,
 * and keeps tag and caption edits.
 *
 * @param faces   per-face decisions, each tied to the box it was made on (matched by {@link #face})
 * @param frame   the frame's own fate as the user decided it, or null (no decision: the stages decide)
 * @param tags    tags the user added to or removed from the image's tag list, or null
 * @param caption the caption the user wrote for this image (written as it is), or null
 */
public record ReviewInfo(List<Face> faces, Frame frame, TagEdits tags, String caption) {
    public static final String SECTION = "review";
    /** {@link Frame#decision}: the frame stays in the dataset whatever filter and dedup say. */
    public static final String KEEP = "keep";
    /** {@link Frame#decision}: the frame stays out of the dataset (in {@code _removed/}). */
    public static final String REMOVE = "remove";
    /** {@link Frame#reason} of a frame the user removed. */
    public static final String MANUAL = "manual";
    /** Boxes whose intersection over union with a decision's box is at least this are the decision's face. */
    public static final double SAME_BOX_IOU = 0.5;

    public ReviewInfo {
        faces = faces == null ? List.of() : List.copyOf(faces);
    }

    public static ReviewInfo empty() {
        return new ReviewInfo(List.of(), null, null, null);
    }

    /**
     * A decision about one face.
     *
     * @param kind      the detect boxes it was made on: {@code face}, or {@code head} (images classified from heads)
     * @param box       that box in pixels {@code [x0, y0, x1, y1]} of the {@code detect} section
     * @param character "this is NAME": the face is this character (also a reference for NAME from then on); null: not said
     * @param not       "not NAME": names this face must never get (may hold several)
     * @param notAFace  the detector was wrong: the box is dropped from the frame's faces and never comes back
     * @param ignore    leave this face out of naming and clustering (it stays {@code unknown}, in no cluster)
     * @param link      a group the user made of unnamed faces (merge, split): faces with the same link are one
     *                  cluster, faces with different links are never in one cluster; null: none
     */
    public record Face(String kind, List<Integer> box, String character, List<String> not,
                       @JsonProperty("not_a_face") Boolean notAFace,
                       Boolean ignore, String link) {
        public Face {
            box = List.copyOf(box);
            not = not == null || not.isEmpty() ? null : List.copyOf(not);
        }

        @JsonIgnore
        public boolean isNotAFace() {
            return Boolean.TRUE.equals(notAFace);
        }

        @JsonIgnore
        public boolean isIgnored() {
            return Boolean.TRUE.equals(ignore);
        }

        /** True when the user said this face must never be {@code name}. */
        public boolean rules(String name) {
            return not != null && not.stream().anyMatch(n -> n.equalsIgnoreCase(name));
        }

        /** True when this decision says nothing any more (every field cleared). */
        public boolean blank() {
            return character == null && not == null && !isNotAFace() && !isIgnored() && link == null;
        }
    }

    /**
     * @param decision {@link #KEEP} (restored or confirmed by the user) or {@link #REMOVE}
     * @param reason   why, for {@link #REMOVE}: {@link #MANUAL}
     */
    public record Frame(String decision, String reason) {
        public boolean keep() {
            return KEEP.equals(decision);
        }

        public boolean remove() {
            return REMOVE.equals(decision);
        }
    }

    /**
     * Edits of the image's tag list, Danbooru spelling ({@code long_hair}); {@code aniprep metadata}
     * applies them to the seed's {@code tags} (tagger's tags minus {@code remove}, plus {@code add}),
     * so captions keep them.
     */
    public record TagEdits(List<String> add, List<String> remove) {
        public TagEdits {
            add = add == null ? List.of() : List.copyOf(add);
            remove = remove == null ? List.of() : List.copyOf(remove);
        }

        public boolean blank() {
            return add.isEmpty() && remove.isEmpty();
        }
    }

    /** The decision made on the box that best matches {@code box} of {@code kind} (IoU ≥ {@link #SAME_BOX_IOU}), if any. */
    public Optional<Face> face(String kind, List<Integer> box) {
        Face best = null;
        double bestIou = SAME_BOX_IOU;
        for (Face f : faces) {
            if (!f.kind().equals(kind)) {
                continue;
            }
            double iou = iou(f.box(), box);
            if (iou >= bestIou) {
                best = f;
                bestIou = iou;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when the user marked a box matching {@code box} of {@code kind} as not a face. */
    public boolean notAFace(String kind, List<Integer> box) {
        return face(kind, box).map(Face::isNotAFace).orElse(false);
    }

    public boolean keepFrame() {
        return frame != null && frame.keep();
    }

    public boolean removeFrame() {
        return frame != null && frame.remove();
    }

    /** True when nothing is decided (the section can be dropped). */
    public boolean blank() {
        return faces.stream().allMatch(Face::blank) && frame == null && (tags == null || tags.blank()) && caption == null;
    }

    /** Intersection over union of two {@code [x0, y0, x1, y1]} boxes (0 when either is empty). */
    public static double iou(List<Integer> a, List<Integer> b) {
        if (a.size() < 4 || b.size() < 4) {
            return 0;
        }
        long ix = Math.max(0, Math.min(a.get(2), b.get(2)) - (long) Math.max(a.get(0), b.get(0)));
        long iy = Math.max(0, Math.min(a.get(3), b.get(3)) - (long) Math.max(a.get(1), b.get(1)));
        long inter = ix * iy;
        long areaA = Math.max(0, a.get(2) - (long) a.get(0)) * Math.max(0, a.get(3) - (long) a.get(1));
        long areaB = Math.max(0, b.get(2) - (long) b.get(0)) * Math.max(0, b.get(3) - (long) b.get(1));
        long union = areaA + areaB - inter;
        return union <= 0 ? 0 : (double) inter / union;
    }
}
