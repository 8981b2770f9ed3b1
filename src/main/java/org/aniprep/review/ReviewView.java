package org.aniprep.review;

import io.javalin.config.RoutesConfig;

/**
 * A view of the review app: a nav link and the routes behind it. The server registers every view it
 * is given ({@link ReviewServer.Options#views}); each sits behind the same token check, and its POST
 * routes behind the same cross-site check, so a view needs no security of its own. Pages render
 * through {@link ReviewContext#page}; state changes go through {@link ReviewContext#writer} (logged,
 * undoable) or, for long jobs such as applying the dataset, hold the folder lock themselves.
 */
public interface ReviewView {
    /** The nav label ({@code Characters}). */
    String label();

    /** The page the nav links to ({@code /characters}). */
    String path();

    /** Adds the view's GET pages and POST actions. */
    void register(ReviewContext context, RoutesConfig routes);
}
