package org.aniprep.cli;

import org.aniprep.demo.ClipRecorder;
import org.aniprep.demo.DemoEpisode;
import org.aniprep.demo.DemoLayout;
import org.aniprep.demo.DemoRunner;
import org.aniprep.demo.DemoSteps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", sortOptions = false,
        description = {"Draws two sample episodes (four anime-style characters: held shots, lip flap, "
                + "a pan, close-ups, cuts back, an opening both episodes share) into DST/input, then runs "
                + "every stage of this build on them and says what each did and where to look.",
                "Rerunning reuses what is already there."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dst", paramLabel = "DIR", defaultValue = "aniprep-demo",
            description = "Demo folder (default: ./${DEFAULT-VALUE}).")
    Path dst;

    @Option(names = "--seconds", hidden = true, paramLabel = "S",
            description = "Length of episode 1 in seconds (tests use short episodes).")
    double seconds = DemoEpisode.EPISODE_1_SECONDS;

    @Option(names = "--size", hidden = true, paramLabel = "WxH", defaultValue = "1280x720",
            description = "Frame size of the sample episodes.")
    String size;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0)) {
            throw new UsageException("--seconds must be positive");
        }
        ClipRecorder.Settings settings = settings(size);
        PrintWriter out = spec.commandLine().getOut();
        DemoRunner runner = new DemoRunner(new DemoLayout(dst), settings, seconds, Main::run,
                name -> RunCommand.stages().stream().anyMatch(s -> s.name().equals(name)), out);
        return runner.run(DemoSteps.all());
    }

    private static ClipRecorder.Settings settings(String size) {
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            return ClipRecorder.Settings.of(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        } catch (RuntimeException e) {
            throw new UsageException("--size must be WIDTHxHEIGHT with even numbers, not " + size);
        }
    }
}
