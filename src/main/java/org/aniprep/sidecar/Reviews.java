package org.aniprep.sidecar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Reads the user's decisions ({@link ReviewInfo}) for the stages. An unreadable {@code review} section is
 * warned about once per image and treated as "nothing decided"; it is never changed, so nothing the user
 * wrote is lost.
 */
public final class Reviews {
    private static final Logger LOG = LoggerFactory.getLogger(Reviews.class);

    private Reviews() {
    }

    /** The decisions in {@code sidecar} (none when absent or unreadable). */
    public static ReviewInfo of(Path image, Sidecar sidecar) {
        try {
            return sidecar.get(ReviewInfo.SECTION, ReviewInfo.class).orElse(ReviewInfo.empty());
        } catch (SidecarException e) {
            LOG.warn("{}: the review section is unreadable ({}); its decisions are not applied in this run", image == null ? "a record" : image, e.getMessage());
            return ReviewInfo.empty();
        }
    }

    /** The decisions in the sidecar of {@code image} (none when it has none, or it cannot be read). */
    public static ReviewInfo of(Path image) {
        try {
            return of(image, SidecarStore.read(image));
        } catch (SidecarException e) {
            return ReviewInfo.empty(); // the stage reading the image reports the bad file itself
        }
    }
}
