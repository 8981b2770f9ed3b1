package org.aniprep.dataset.arrange;

import java.nio.file.Path;
import java.util.List;

/**
 * What arrange knows about one image it may place: the file, its companions (sidecar, caption,
 * tag files: names in the same folder), and the fields the tree is built from.
 *
 * @param file            the image
 * @param root            the folder it was found under ({@code --src} or an {@code --extra} folder)
 * @param companions      names of the files that travel with it (sidecar first when it has one)
 * @param characters      character names in face order (may repeat a name; empty: no character)
 * @param faceCount       faces found by detect (null: unknown)
 * @param faceHeightRatio the tallest face's height over the image height (0 without faces)
 * @param type            {@code screenshots}, {@code fanart} (an --extra folder) or {@code reg} (sampled regularisation)
 * @param group           the top folder for extras ({@code fanart}), null for screenshots
 * @param sharpness       dedup's sharpness (null: unknown)
 * @param episode         prefix, season and episode of the source video (null: unknown)
 * @param time            seconds into the episode (null: unknown)
 * @param crop            the frame a crop was cut from, and the part of it the crop covers; null for frames
 */
public record DatasetImage(Path file, Path root, List<String> companions, List<String> characters, Integer faceCount,
                           double faceHeightRatio, String type, String group, Double sharpness, String episode, Double time,
                           Crop crop) {
    public static final String SCREENSHOTS = "screenshots";
    public static final String FANART = "fanart";
    public static final String REG = "reg";

    public DatasetImage {
        companions = List.copyOf(companions);
        characters = List.copyOf(characters);
    }

    /** A crop of {@code frame} covering {@code areaFraction} of it. */
    public record Crop(Path frame, double areaFraction) {
    }

    /** The unique names, in first-appearance order. */
    public List<String> uniqueCharacters() {
        return characters.stream().distinct().toList();
    }

    public String relative() {
        return root.relativize(file).toString();
    }

    public DatasetImage withType(String newType, String newGroup) {
        return new DatasetImage(file, root, companions, characters, faceCount, faceHeightRatio, newType, newGroup, sharpness,
                episode, time, crop);
    }

    public DatasetImage withCharacters(List<String> names) {
        return new DatasetImage(file, root, companions, names, faceCount, faceHeightRatio, type, group, sharpness, episode,
                time, crop);
    }
}
