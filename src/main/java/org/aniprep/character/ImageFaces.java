package org.aniprep.character;

import org.aniprep.sidecar.ReviewInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One image of a classify run: its faces, whether it still needs detecting, and its tags (for cluster names). */
final class ImageFaces {
    final Path image;
    final boolean needsDetection;
    final List<String> tags;
    final List<FaceItem> faces = new ArrayList<>();
    /** Set when the image could not be read: no classify section is written for it. */
    boolean failed;
    /** The user's decisions about this image. */
    ReviewInfo review = ReviewInfo.empty();

    ImageFaces(Path image, boolean needsDetection, List<String> tags) {
        this.image = image;
        this.needsDetection = needsDetection;
        this.tags = List.copyOf(tags);
    }

    boolean needsWork() {
        return needsDetection || faces.stream().anyMatch(f -> f.embedding == null);
    }

    /** A face and what the run finds out about it. */
    static final class FaceItem {
        final FaceBox box;
        final String previousCluster;
        float[] embedding;
        String hair;
        String character;
        Double distance;
        String nearest;
        boolean sink;
        /** The name the shape test judged this face for (passed or not); null when no shape test ran ({@link ShapeVote}). */
        String voteName;
        String cluster;
        /** The user's decision on this face, or null. */
        ReviewInfo.Face review;
        /** {@code ClassifyInfo} status of the face; {@code candidate}: the name an uncertain face is asked about. */
        String status;
        String candidate;

        FaceItem(FaceBox box, float[] embedding, String hair, String previousCluster) {
            this.box = box;
            this.embedding = embedding;
            this.hair = hair;
            this.previousCluster = previousCluster;
        }

        boolean ignored() {
            return review != null && review.isIgnored();
        }

        /** The name the user gave this face, or null. */
        String confirmed() {
            return review == null || ignored() ? null : review.character();
        }

        String link() {
            return review == null ? null : review.link();
        }

        /** True when the user said this face must never be {@code name}. */
        boolean ruledOut(String name) {
            return review != null && review.rules(name);
        }

        /** Unnamed and open to clustering: unknown or uncertain (not ignored, not a noise sink's). */
        boolean clusterable() {
            return character == null && !sink && !ignored();
        }
    }
}
