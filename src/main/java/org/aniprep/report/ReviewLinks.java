package org.aniprep.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The review app's views as {@code report.html} links them. A static page cannot know the server's
 * token, so the links point at the default port and work in the browser that has opened the URL
 * {@code aniprep review} printed (that sets the token cookie); the page says so beside them.
 *
 * @param command the command that starts the review of this run folder
 * @param views   Characters, Frames, Dataset on the default port
 */
public record ReviewLinks(String command, List<Link> views) {
    /** {@code aniprep review}'s default {@code --port}. */
    public static final String DEFAULT_PORT = "8377";

    public static ReviewLinks of(Path runFolder) {
        String base = "http://127.0.0.1:" + DEFAULT_PORT;
        return new ReviewLinks("aniprep review " + shellQuoted(runFolder.toAbsolutePath().normalize().toString()),
                List.of(new Link(base + "/characters", "Characters"), new Link(base + "/frames", "Frames"),
                        new Link(base + "/dataset", "Dataset")));
    }

    static String shellQuoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:@%+=,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
