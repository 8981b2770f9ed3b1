package org.aniprep.character;

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
        String cluster;

        FaceItem(FaceBox box, float[] embedding, String hair, String previousCluster) {
            this.box = box;
            this.embedding = embedding;
            this.hair = hair;
            this.previousCluster = previousCluster;
        }
    }
}
