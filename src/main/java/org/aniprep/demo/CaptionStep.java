package org.aniprep.demo;

import org.aniprep.io.MediaFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo's caption step: a {@code .txt} caption beside every frame, from its metadata. */
final class CaptionStep {
    static final DemoStep STEP = new DemoStep("caption", CaptionStep::report);
    /** Captions quoted in the report. */
    private static final int SHOWN = 3;

    private CaptionStep() {
    }

    /** How many frames have a caption, and a few of them (from different episodes where there are several). */
    static DemoStep.Report report(DemoStep.Context c) {
        List<Path> frames = DemoSteps.images(c.layout().frames(), true);
        List<String> samples = new ArrayList<>();
        long captioned = 0;
        int stride = Math.max(1, frames.size() / SHOWN);
        for (int i = 0; i < frames.size(); i++) {
            Path txt = frames.get(i).resolveSibling(MediaFiles.stem(frames.get(i)) + ".txt");
            if (!Files.isRegularFile(txt)) {
                continue;
            }
            captioned++;
            if (i % stride == 0 && samples.size() < SHOWN) {
                samples.add("  " + frames.get(i).getFileName() + ": " + read(txt));
            }
        }
        List<String> lines = new ArrayList<>();
        if (captioned == 0) {
            lines.add("no frame has a caption");
            return new DemoStep.Report(lines, List.of());
        }
        lines.add(DemoSteps.plural(captioned, "caption") + " (<frame>.txt beside each frame), e.g.:");
        lines.addAll(samples);
        return new DemoStep.Report(lines, List.of());
    }

    private static String read(Path txt) {
        try {
            return Files.readString(txt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
