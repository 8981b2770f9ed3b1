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
 * {@code aniprep demo}: draws the sample episodes and the cast's references, runs {@code aniprep run}
 * on them with the demo's {@code pipeline.yaml}, and tells the user what each stage did and where to look.
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
     * @param registered whether this build's run has a stage of that name
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
        CastReferences.ensure(layout.refs());
        List<DemoStep> built = steps.stream().filter(s -> registered.test(s.command())).toList();
        Path config = DemoConfig.write(layout, built.stream().map(DemoStep::command).collect(java.util.stream.Collectors.toSet()));
        List<String> args = new ArrayList<>(DemoConfig.runArgs(layout, config));
        if (Progress.isQuiet()) {
            args.add("--quiet");
        }
        out.printf("%ndemo: aniprep %s%n", String.join(" ", args.stream().map(DemoRunner::quote).toList()));
        out.printf("  (the demo's settings are in %s)%n", layout.show(config));
        out.flush();
        long t = System.nanoTime();
        int exit = cli.applyAsInt(args.toArray(String[]::new));
        out.printf("run: %s (%s)%n", outcome(exit), seconds(t));
        if (exit == ExitCodes.SOME_INPUTS_FAILED) {
            out.println("  (the ERROR lines above name each input it could not handle; the others were processed)");
        }
        List<Path> look = new ArrayList<>(List.of(DemoIndex.path(layout), layout.report(), layout.storyboard().resolve("cast.png"),
                layout.input()));
        List<DemoIndex.Section> sections = new ArrayList<>();
        if (exit != ExitCodes.USAGE) {
            for (DemoStep step : built) {
                DemoStep.Report report = step.reporter().apply(context);
                out.printf("%n%s:%n", step.command());
                report.lines().forEach(line -> out.println("  " + line));
                look.addAll(report.lookAt());
                sections.add(new DemoIndex.Section(step.command(), "aniprep " + step.command(), report.lines(), report.lookAt()));
            }
        }
        new DemoIndex(layout).write(episodes, sections);
        out.printf("%ndemo: done in %s. Look at these:%n", seconds(t0));
        // a path a step pointed at may have been moved by a later stage (dedup moves frames away)
        look.stream().filter(Files::exists).distinct().forEach(p -> out.println("  " + p));
        if (exit != ExitCodes.USAGE) {
            out.printf("%nNext: check and correct who is who, the frames and the captions in your browser, then Apply there:%n  %s%n",
                    reviewCommand(layout.run()));
        }
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

    /** {@code ./aniprep review RUN}, the run folder relative to the working folder when it lies inside it. */
    public static String reviewCommand(Path run) {
        Path here = Path.of("").toAbsolutePath().normalize();
        Path abs = run.toAbsolutePath().normalize();
        String shown = abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs).toString() : abs.toString();
        return "./aniprep review " + quote(shown);
    }

    private static String quote(String arg) {
        return arg.contains(" ") ? "'" + arg + "'" : arg;
    }

    private static String seconds(long start) {
        return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    }
}
