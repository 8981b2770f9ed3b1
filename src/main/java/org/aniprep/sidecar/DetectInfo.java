package org.aniprep.sidecar;

import java.util.List;

/**
 * Section {@code detect}: what the detectors found in the image. {@code faces}, {@code heads} and
 * {@code persons} each hold one detector's boxes (absent when that detector has not run). The
 * face summary follows the reference scripts: {@code facepos} has one {@code "fvp T B fhp L R"}
 * string per face (each value {@code int(relative × 100)}), {@code faceHeightRatio} is the tallest
 * face's height over the image height, and its bucket is {@code min(int(r × 100), 99)} floored to
 * a step of 25 ({@code "0-25"} … {@code "75-100"}). {@code width}/{@code height}: the image size the
 * boxes refer to.
 */
public record DetectInfo(Integer width, Integer height, Boxes faces, Boxes heads, Boxes persons, Integer faceCount,
                         List<String> facepos, Double faceHeightRatio, String faceHeightBucket) {
    public static final String SECTION = "detect";

    /** One detector's result on this image. */
    public record Boxes(String detector, List<Box> boxes) {
        public Boxes {
            boxes = List.copyOf(boxes);
        }
    }

    /**
     * A box in pixels ({@code [x0, y0, x1, y1]}) and relative to the image size, with label and score.
     * {@code foundBy}: when the section's detector merges several ({@code anime_faceboxes+lbpcascade_animeface}),
     * each one that found this box with its own score (FaceBoxes 0–1, the cascade's votes); else absent.
     */
    public record Box(String label, double score, List<Integer> box, List<Double> rel, java.util.Map<String, Double> foundBy) {
        public Box {
            box = List.copyOf(box);
            rel = List.copyOf(rel);
            foundBy = foundBy == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(foundBy));
        }

        public Box(String label, double score, List<Integer> box, List<Double> rel) {
            this(label, score, box, rel, null);
        }
    }

    public DetectInfo withSize(int w, int h) {
        return new DetectInfo(w, h, faces, heads, persons, faceCount, facepos, faceHeightRatio, faceHeightBucket);
    }

    public DetectInfo withFaces(Boxes b, Integer count, List<String> pos, Double ratio, String bucket) {
        return new DetectInfo(width, height, b, heads, persons, count, pos, ratio, bucket);
    }

    public DetectInfo withHeads(Boxes b) {
        return new DetectInfo(width, height, faces, b, persons, faceCount, facepos, faceHeightRatio, faceHeightBucket);
    }

    public DetectInfo withPersons(Boxes b) {
        return new DetectInfo(width, height, faces, heads, b, faceCount, facepos, faceHeightRatio, faceHeightBucket);
    }

    /** The boxes of one kind ({@code face}, {@code head}, {@code person}), or null. */
    public Boxes of(String kind) {
        return switch (kind) {
            case "face" -> faces;
            case "head" -> heads;
            case "person" -> persons;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static DetectInfo empty() {
        return new DetectInfo(null, null, null, null, null, null, null, null, null);
    }
}
