package org.aniprep.cli;

import org.aniprep.report.ReviewLinks;
import org.aniprep.review.ReviewFolder;
import org.aniprep.review.ReviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code aniprep review DIR}: the local web app to check and correct a run's dataset. */
@Command(name = "review", sortOptions = false,
        description = {"Starts a local web app to check and correct the result of a run: who is who, which frames "
                + "were removed, tags and captions. Prints one URL (it holds the access token); Ctrl-C stops it.",
                "Every decision goes into the images' records (the review section), which every later run respects."})
public final class ReviewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "a run folder of `aniprep run`, or a frames folder")
    Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = ReviewLinks.DEFAULT_PORT, description = "port to listen on (0: any free one; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to bind (default ${DEFAULT-VALUE}: this machine only); anything else lets other machines "
                    + "reach the server (they still need the token)")
    String host;

    @Option(names = "--open", description = "also open the URL in the default browser")
    boolean open;

    @Override
    public Integer call() throws Exception {
        ReviewFolder folder;
        try {
            folder = ReviewFolder.of(dir);
        } catch (ReviewFolder.NotReviewable e) {
            throw new UsageException(e.getMessage());
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + ": give 0 to 65535");
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            System.err.println("aniprep: WARNING --host " + host + " lets other machines reach the review server; "
                    + "anyone with the printed URL can change the dataset");
        }
        ReviewServer server;
        try {
            server = ReviewServer.start(folder, new ReviewServer.Options(host, port, ReviewServer.defaultViews()));
        } catch (ReviewServer.PortInUse e) {
            throw new UsageException(e.getMessage());
        }
        System.out.println("aniprep review: " + server.index().size() + " frames of " + folder.root());
        System.out.println("Open " + server.url() + "   (Ctrl-C stops the server)");
        System.out.flush();
        if (open) {
            openBrowser(server.url());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private static void openBrowser(String url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            new ProcessBuilder("xdg-open", url).inheritIO().start();
        } catch (Exception e) {
            System.err.println("aniprep: cannot open a browser (" + e.getMessage() + "); open the URL above yourself");
        }
    }
}
