package org.aniprep.demo;

import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stages the demo runs, in pipeline order. A new stage joins the demo with one entry here: its
 * command line on the demo folder and a reporter that reads its output (one class per stage), plus
 * the small file helpers the reporters share.
 */
public final class DemoSteps {
    private DemoSteps() {
    }

    public static List<DemoStep> all() {
        return List.of(ExtractStep.STEP, FilterStep.STEP, DedupStep.STEP, DetectStep.STEP, TagStep.STEP, ClassifyStep.STEP,
                MetadataStep.STEP, CaptionStep.STEP, ArrangeStep.STEP, BalanceStep.STEP);
    }

    /** Episode folders under {@code dir}: sub-folders except hidden ones and aniprep's own ({@code _removed}, ...). */
    static List<Path> episodeFolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !MediaFiles.RESERVED_FOLDERS.contains(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Images in {@code folder} (and below it when {@code recursive}, skipping aniprep's own folders); none if it is absent. */
    static List<Path> images(Path folder, boolean recursive) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try {
            return MediaFiles.find(folder, recursive, null, MediaFiles::isImage, (f, m) -> { }, Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section of an image's sidecar; empty when absent or unreadable (the stage itself reports bad files). */
    static <T> Optional<T> section(Path image, String section, Class<T> type) {
        try {
            return SidecarStore.read(image).get(section, type);
        } catch (SidecarException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The sample episode a frame was extracted from, and the shot it belongs to. */
    static Optional<String> shotOf(Path frame, List<SampleEpisodes.Episode> episodes) {
        return section(frame, FrameSource.SECTION, FrameSource.class).flatMap(src -> {
            Path video = Path.of(src.video()).getFileName();
            return episodes.stream().filter(e -> e.video().getFileName().equals(video)).findFirst()
                    .flatMap(e -> e.script().shots().stream()
                            .filter(s -> src.frameIndex() >= s.start() && src.frameIndex() < s.end())
                            .map(ClipScript.Span::name).findFirst());
        });
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
