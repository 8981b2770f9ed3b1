package org.aniprep.review;

import org.aniprep.sidecar.JournalFaults;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A child process for {@link ReviewCrashTest}: starts a review server on {@code args[1]} whose batches
 * stop before file operation {@code args[0]}, then removes the frames {@code args[2..]} through its
 * actions (as the frames view's remove does), printing "stopped before ..." and waiting to be killed there.
 */
public final class ReviewCrashChild {
    private ReviewCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        JournalFaults.pauseBefore(Integer.parseInt(args[0]));
        ReviewServer server = ReviewServer.start(ReviewFolder.of(Path.of(args[1])),
                new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
        List<String> rels = Arrays.asList(args).subList(2, args.length);
        System.out.println("started");
        System.out.flush();
        server.context().actions().remove(rels);
        System.out.println("finished");
        System.exit(0);
    }
}
