package org.aniprep.extract;

import org.aniprep.io.AtomicFiles;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Written last into an episode folder: says which video, with which settings, gave how many frames.
 * Its absence means the episode is unfinished and will be redone cleanly.
 */
public record CompletionMarker(String video, long videoBytes, long videoModified, String selection, String format,
                               String prefix, String label, long frames, String crop) {
    public static final String FILE = ".aniprep-extract.json";

    public static Path path(Path folder) {
        return folder.resolve(FILE);
    }

    public static CompletionMarker of(EpisodePlan plan, ExtractOptions options, long frames) throws IOException {
        return new CompletionMarker(plan.video().toAbsolutePath().toString(), Files.size(plan.video()),
                Files.getLastModifiedTime(plan.video()).toMillis(), options.selection().describe(),
                options.encoder().extension(), plan.prefix(), plan.label(), frames, options.crop().describe());
    }

    public static CompletionMarker read(Path folder) {
        Path file = path(folder);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), CompletionMarker.class);
        } catch (IOException e) {
            return null;
        }
    }

    public void write(Path folder) throws IOException {
        AtomicFiles.write(path(folder), Json.MAPPER.writeValueAsBytes(this));
    }

    /**
     * Same video (size and time) and same settings: the folder's frames are what a rerun would make.
     * A marker from before {@code --crop} existed matches any crop, so an upgrade does not redo finished episodes.
     */
    public boolean matches(CompletionMarker other) {
        return other != null && videoBytes == other.videoBytes && videoModified == other.videoModified
                && selection.equals(other.selection) && format.equals(other.format)
                && prefix.equals(other.prefix) && label.equals(other.label)
                && (other.crop == null || other.crop.equals(crop)); // markers written before --crop existed: frames kept
    }
}
