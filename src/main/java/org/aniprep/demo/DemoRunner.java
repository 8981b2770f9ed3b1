package org.aniprep.demo;

import org.aniprep.console.ExitCodes;
import org.aniprep.console.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * {@code aniprep demo}: draws the sample episodes, runs each registered stage on them through the
 * normal command line, and tells the user what each did and where to look.
 */
public final class DemoRunner {
    private final DemoLayout layout;
    private final ClipRecorder.Settings settings;
    private final double seconds;
    private final ToIntFunction<String[]> cli;
    private final Predicate<String> registered;
    private final PrintWriter out;

    /**
     * @param cli        runs an aniprep command line and returns its exit code
     * @param registered whether a command of that name exists in this build
     */
    public DemoRunner(DemoLayout layout, ClipRecorder.Settings settings, double seconds,
                      ToIntFunction<String[]> cli, Predicate<String> registered, PrintWriter out) {
        this.layout = layout;
        this.settings = settings;
        this.seconds = seconds;
        this.cli = cli;
        this.registered = registered;
        this.out = out;
    }

    public int run(List<DemoStep> steps) throws IOException {
        long t0 = System.nanoTime();
        List<SampleEpisodes.Episode> episodes = SampleEpisodes.build(layout, settings, seconds);
        out.printf("demo: sample episodes (%dx%d, %.0f fps) in %s%n", settings.width(), settings.height(),
                settings.fps(), layout.show(layout.input()));
        Set<String> earlier = new HashSet<>();
        for (SampleEpisodes.Episode ep : episodes) {
            ClipScript s = ep.script();
            long shared = s.uniquePictures().stream().filter(earlier::contains).count();
            out.printf("  %s: %.1f s, %d frames, %d shots, %d distinct pictures%s%s%n", ep.video().getFileName(),
                    s.seconds(), s.frameCount(), s.shots().size(), s.uniquePictures().size(),
                    shared > 0 ? " (" + shared + " of them also in an earlier episode)" : "",
                    ep.drawn() ? "" : " (already drawn)");
            earlier.addAll(s.uniquePictures());
        }
        out.printf("  (%s)%n", seconds(t0));
        out.flush();

        DemoStep.Context context = new DemoStep.Context(layout, episodes);
        if (context.redrawn()) {
            clearDerived();
        }
        List<Path> look = new ArrayList<>(List.of(DemoIndex.path(layout), layout.storyboard().resolve("cast.png"),
                layout.input()));
        List<DemoIndex.Section> sections = new ArrayList<>();
        int exit = ExitCodes.OK;
        for (DemoStep step : steps) {
            if (!registered.test(step.command())) {
                continue;
            }
            Optional<String> unavailable = step.unavailable().apply(context);
            if (unavailable.isPresent()) {
                out.printf("%ndemo: %s skipped: %s%n", step.command(), unavailable.get());
                sections.add(new DemoIndex.Section(step.command(), "aniprep " + step.command() + "  (skipped)", List.of(unavailable.get()), List.of()));
                out.flush();
                continue;
            }
            List<String> args = new ArrayList<>(step.args().apply(context));
            if (Progress.isQuiet()) {
                args.add("--quiet");
            }
            out.printf("%ndemo: aniprep %s%n", String.join(" ", args.stream().map(DemoRunner::quote).toList()));
            out.flush();
            long t = System.nanoTime();
            int code = cli.applyAsInt(args.toArray(String[]::new));
            DemoStep.Report report = step.reporter().apply(context);
            String outcome = outcome(code);
            out.printf("%s: %s (%s)%n", step.command(), outcome, seconds(t));
            if (code == ExitCodes.SOME_INPUTS_FAILED) {
                out.println("  (the ERROR lines above name each input it could not handle; the others were processed)");
            }
            report.lines().forEach(line -> out.println("  " + line));
            look.addAll(report.lookAt());
            sections.add(new DemoIndex.Section(step.command(), "aniprep " + String.join(" ", args) + "  (" + outcome + ")",
                    report.lines(), report.lookAt()));
            out.flush();
            exit = Math.max(exit, code);
            if (code == ExitCodes.USAGE) {
                out.printf("demo: %s could not run; later stages skipped%n", step.command());
                break;
            }
        }
        new DemoIndex(layout).write(episodes, sections);
        out.printf("%ndemo: done in %s. Look at these:%n", seconds(t0));
        // a path a step pointed at may have been moved by a later stage (dedup moves frames away)
        look.stream().filter(Files::exists).forEach(p -> out.println("  " + p));
        out.flush();
        return exit;
    }

    private static String outcome(int code) {
        return switch (code) {
            case ExitCodes.OK -> "exit 0";
            case ExitCodes.SOME_INPUTS_FAILED -> "finished with problems, exit 2";
            default -> "failed, exit " + code;
        };
    }

    /**
     * Episodes drawn anew are extracted anew (--overwrite), so what the stages made from the old
     * frames (moved duplicates, crops, reports) no longer matches them; the demo owns that folder.
     */
    private void clearDerived() throws IOException {
        for (Path dir : layout.derived()) {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
                out.printf("demo: removed %s (made from the previous drawings)%n", layout.show(dir));
            }
        }
    }

    private static String quote(String arg) {
        return arg.contains(" ") ? "'" + arg + "'" : arg;
    }

    private static String seconds(long start) {
        return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    }
}
