package org.aniprep.character;

import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FloatVectors;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what classify needs from a sidecar: the face boxes of the {@code detect} section (the
 * faces, or the heads of an image that has heads but no faces), the tags, and the embeddings an
 * earlier run cached in the {@code classify} section, each reused only when it was made by the same
 * embedder from the same box and decodes to a vector of the right length.
 */
final class FaceScan {
    private static final Logger LOG = LoggerFactory.getLogger(FaceScan.class);

    private FaceScan() {
    }

    static ImageFaces read(Path image, Sidecar sidecar, CharacterEmbedder embedder, boolean overwrite) {
        DetectInfo detect = sidecar.get(DetectInfo.SECTION, DetectInfo.class).orElse(null);
        List<String> tags = sidecar.get(Tags.SECTION, Tags.class)
                .map(t -> t.general() == null ? List.<String>of() : t.general().stream().map(Tags.Scored::tag).toList())
                .orElse(List.of());
        List<FaceBox> boxes = boxes(detect);
        ImageFaces out = new ImageFaces(image, boxes == null, tags);
        ReviewInfo review = review(image, sidecar);
        out.review = review;
        if (boxes == null) {
            return out;
        }
        ClassifyInfo previous = overwrite ? null : previous(image, sidecar);
        for (FaceBox b : boxes) {
            ReviewInfo.Face decision = review.face(b.kind(), detectBox(detect, b)).orElse(null);
            if (decision != null && decision.isNotAFace()) {
                continue;
            }
            ClassifyInfo.Face old = previous == null ? null : previous.faces().stream()
                    .filter(f -> f.kind().equals(b.kind()) && f.index() == b.index() && f.box().equals(b.box())).findFirst().orElse(null);
            float[] cached = null;
            if (old != null && embedder.id().equals(previous.embedder()) && old.embedding() != null) {
                cached = decode(image, old.embedding(), embedder.dims());
            }
            ImageFaces.FaceItem item = new ImageFaces.FaceItem(b, cached, cached == null ? null : old.hair(), old == null ? null : old.cluster());
            item.review = decision;
            out.faces.add(item);
        }
        return out;
    }

    /** The box of the detect section a face came from (for a head: the head box, not the face inside it). */
    private static List<Integer> detectBox(DetectInfo detect, FaceBox b) {
        DetectInfo.Boxes boxes = b.kind().equals("head") ? detect.heads() : detect.faces();
        return boxes == null || b.index() >= boxes.boxes().size() ? b.box() : boxes.boxes().get(b.index()).box();
    }

    /** The user's decisions ({@code review}); none when the section is unreadable (warned: it is kept as it is). */
    private static ReviewInfo review(Path image, Sidecar sidecar) {
        try {
            return sidecar.get(ReviewInfo.SECTION, ReviewInfo.class).orElse(ReviewInfo.empty());
        } catch (SidecarException e) {
            LOG.warn("{}: the review section is unreadable ({}); its decisions are not applied in this run", image, e.getMessage());
            return ReviewInfo.empty();
        }
    }

    /** The faces to classify, or null when the image has no detection results yet. */
    static List<FaceBox> boxes(DetectInfo detect) {
        if (detect == null || detect.width() == null) {
            return null;
        }
        if (detect.faces() != null && (!detect.faces().boxes().isEmpty() || detect.heads() == null)) {
            return toBoxes("face", detect.faces());
        }
        if (detect.heads() != null) {
            List<FaceBox> faces = new ArrayList<>();
            for (FaceBox h : toBoxes("head", detect.heads())) {
                faces.add(faceInHead(h));
            }
            return faces;
        }
        return null;
    }

    /** Where the face sits in a head box: below the top hair, inside the side hair. */
    static FaceBox faceInHead(FaceBox h) {
        int w = h.width();
        int ht = h.height();
        int x0 = h.x0() + (int) Math.round(0.18 * w);
        int x1 = h.x1() - (int) Math.round(0.18 * w);
        int y0 = h.y0() + (int) Math.round(0.3 * ht);
        int y1 = h.y1() - (int) Math.round(0.05 * ht);
        return new FaceBox(h.kind(), h.index(), x0, y0, Math.max(x0 + 1, x1), Math.max(y0 + 1, y1));
    }

    private static List<FaceBox> toBoxes(String kind, DetectInfo.Boxes boxes) {
        List<FaceBox> out = new ArrayList<>();
        for (int i = 0; i < boxes.boxes().size(); i++) {
            List<Integer> b = boxes.boxes().get(i).box();
            if (b.size() == 4 && b.get(2) > b.get(0) && b.get(3) > b.get(1)) {
                out.add(FaceBox.of(kind, i, b));
            }
        }
        return out;
    }

    private static ClassifyInfo previous(Path image, Sidecar sidecar) {
        try {
            Optional<ClassifyInfo> info = sidecar.get(ClassifyInfo.SECTION, ClassifyInfo.class);
            return info.orElse(null);
        } catch (SidecarException e) {
            LOG.warn("{}: the classify section is unreadable ({}); its embeddings are recomputed", image, e.getMessage());
            return null;
        }
    }

    private static float[] decode(Path image, String base64, int dims) {
        try {
            float[] v = FloatVectors.decode(base64);
            if (v.length == dims && allFinite(v)) {
                return v;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the warning
        }
        LOG.warn("{}: a cached face embedding is corrupt; it is recomputed", image);
        return null;
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
