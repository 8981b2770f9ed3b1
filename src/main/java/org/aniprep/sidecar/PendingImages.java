package org.aniprep.sidecar;

import org.aniprep.console.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a stage's images into those still to do and those whose sidecar says they are done (unless
 * {@code --overwrite}); an unreadable sidecar is reported and the image left out.
 */
public record PendingImages(List<Path> remaining, int skipped) {
    public static PendingImages select(List<Path> images, boolean overwrite, Predicate<Path> done, Problems problems) {
        List<Path> remaining = new ArrayList<>();
        int skipped = 0;
        for (Path image : images) {
            try {
                if (!overwrite && done.test(image)) {
                    skipped++;
                } else {
                    remaining.add(image);
                }
            } catch (SidecarException e) {
                problems.add(image, e.getMessage());
            }
        }
        return new PendingImages(List.copyOf(remaining), skipped);
    }
}
