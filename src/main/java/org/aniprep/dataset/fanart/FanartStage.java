package org.aniprep.dataset.fanart;

import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ExtraFolder;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fanart stage: {@code --extra} folders imported into the run's {@code frames/_extra/} ({@link FanartImport}),
 * after filter and dedup (fan art is neither an episode nor a repeat of one) and before detect, so fan art
 * is detected, tagged, named, described and captioned like the frames.
 */
public final class FanartStage implements Stage<FanartStage.Options> {
    /** {@code aniprep fanart}'s options ({@code run} sets both from its own {@code --extra} and folder). */
    public static final class Options {
        @Option(names = "--extra", paramLabel = "DIR[:WEIGHT]", description = "A folder of fan art (recursive; a .txt, "
                + ".tags or booru JSON beside a picture gives its tags and characters), weighted by balance with WEIGHT "
                + "(default 1). Repeatable; none takes out what an earlier import brought in.")
        public List<String> extras = new ArrayList<>();

        @Option(names = "--dst", required = true, description = "Where the copies go, one folder per group (a run's "
                + "frames/" + MediaFiles.EXTRA_FOLDER + ").")
        public Path dst;
    }

    @Override
    public String name() {
        return "fanart";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public List<String> layoutArgs(RunLayout layout) {
        List<String> args = new ArrayList<>(List.of("--dst", layout.frames().resolve(MediaFiles.EXTRA_FOLDER).toString()));
        for (String extra : layout.extras()) {
            args.add("--extra");
            args.add(extra);
        }
        return args;
    }

    /** {@code run.extra} sets the folders; an empty list is the run's too. */
    @Override
    public List<String> layoutOptions() {
        return List.of("extra", "dst");
    }

    @Override
    public void check(Options o) {
        for (ExtraFolder e : ExtraFolder.parseAll(o.extras)) {
            if (SafePaths.isWithin(o.dst, e.dir())) {
                continue; // the run folder inside a fan-art folder: its own copies are skipped
            }
            if (SafePaths.isWithin(e.dir(), o.dst.toAbsolutePath().normalize())) {
                throw new BadOptions("--extra " + e.dir() + " lies inside " + o.dst + ", where its copies would go");
            }
        }
    }

    @Override
    public List<Path> writes(Options o) {
        return List.of(o.dst);
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        FanartImport.Summary s = new FanartImport(ExtraFolder.parseAll(o.extras), o.dst, context.problems()).run();
        String line = o.extras.isEmpty() && s.removed() == 0 ? "no --extra folders"
                : String.format("%d fan-art picture(s) imported into %s, %d unchanged, %d imported again (changed), %d taken out "
                + "(no longer given)%s", s.imported(), o.dst, s.unchanged(), s.reimported(), s.removed(),
                s.failed() > 0 ? ", " + s.failed() + " not imported (listed)" : "");
        return StageResult.of(line, "imported", s.imported(), "unchanged", s.unchanged(), "reimported", s.reimported(),
                "removed", s.removed(), "failed", s.failed());
    }
}
