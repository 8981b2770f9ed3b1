package org.aniprep.dataset.fanart;

import org.aniprep.console.Problems;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.IoErrors;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.pipeline.ExtraFolder;
import org.aniprep.sidecar.CaptionInfo;
import org.aniprep.sidecar.FanartInfo;
import org.aniprep.sidecar.GivenLabels;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Copies the pictures of the {@code --extra} folders into {@code <dst>/<group>/} (same sub-folders and
 * names), each with a sidecar holding only its {@code fanart} section, so that detect, tag, classify,
 * metadata and caption treat it like a frame and arrange places it under its group. The originals are
 * never changed. A rerun converges: an unchanged original is left alone (its given labels refreshed), a
 * changed one is imported again (its old copy, record and caption replaced), and copies whose original
 * is no longer in any {@code --extra} folder are taken out with their record and caption.
 */
public final class FanartImport {
    private static final Logger LOG = LoggerFactory.getLogger(FanartImport.class);

    /** What a run did. */
    public record Summary(int imported, int unchanged, int reimported, int removed, int failed) {
    }

    private final List<ExtraFolder> extras;
    private final Path dst;
    private final Problems problems;
    private int imported;
    private int unchanged;
    private int reimported;
    private int failed;

    public FanartImport(List<ExtraFolder> extras, Path dst, Problems problems) {
        this.extras = List.copyOf(extras);
        this.dst = dst.toAbsolutePath().normalize();
        this.problems = problems;
    }

    public Summary run() throws IOException {
        Set<Path> wanted = new HashSet<>();
        for (ExtraFolder extra : extras) {
            Path groupDir = SafePaths.inside(dst, extra.group());
            Set<String> stems = new HashSet<>();
            List<Path> images = MediaFiles.find(extra.dir(), true, null, MediaFiles::isImage, problems::add, Set.of(dst));
            for (Path image : images) {
                Path target = target(groupDir, extra.dir().relativize(image), stems);
                wanted.add(target);
                try {
                    one(extra, image, target);
                } catch (IOException | SidecarException e) {
                    failed++;
                    problems.add(image, "fan art not imported (" + describe(e) + ")");
                }
            }
        }
        int removed = removeUnwanted(wanted);
        return new Summary(imported, unchanged, reimported, removed, failed);
    }

    /**
     * Where the copy goes: the same relative path under its group; a second picture of one stem in a folder
     * ({@code a.png}, {@code a.jpg}) is named {@code a_jpg.jpg}, as both would otherwise share {@code a.json}.
     */
    private static Path target(Path groupDir, Path relative, Set<String> stems) {
        Path target = SafePaths.inside(groupDir, relative.toString().replace('\\', '/'));
        String key = target.resolveSibling(MediaFiles.stem(target)).toString().toLowerCase(Locale.ROOT);
        if (!stems.add(key)) {
            String ext = MediaFiles.extension(target);
            target = target.resolveSibling(MediaFiles.stem(target) + "_" + ext + "." + ext);
            stems.add(target.resolveSibling(MediaFiles.stem(target)).toString().toLowerCase(Locale.ROOT));
        }
        return target;
    }

    private void one(ExtraFolder extra, Path image, Path target) throws IOException {
        long size = Files.size(image);
        long modified = Files.getLastModifiedTime(image).toMillis();
        GivenLabels.Labels given = GivenLabels.of(image);
        FanartInfo info = new FanartInfo(image.toAbsolutePath().normalize().toString(), extra.group(), extra.weight(), size,
                modified, given.characters(), given.tags());
        Optional<FanartInfo> before = Files.isRegularFile(target)
                ? SidecarStore.read(target).get(FanartInfo.SECTION, FanartInfo.class) : Optional.empty();
        if (before.isPresent() && before.get().source().equals(info.source()) && before.get().size() == size
                && before.get().modified() == modified) {
            if (before.get().equals(info)) {
                unchanged++;
            } else { // its labels, weight or group changed: the picture's own records stay
                SidecarStore.put(target, FanartInfo.SECTION, info);
                unchanged++;
            }
            return;
        }
        if (Files.exists(target)) {
            LOG.info("{}: changed since it was imported; imported again (its records start afresh)", image);
            takeOut(target);
            reimported++;
        } else {
            imported++;
        }
        AtomicFiles.write(target, out -> Files.copy(image, out));
        SidecarStore.write(target, Sidecar.empty().put(FanartInfo.SECTION, info));
    }

    /** Copies under {@code dst} whose original is gone (or no longer given), with their records and captions. */
    private int removeUnwanted(Set<Path> wanted) throws IOException {
        if (!Files.isDirectory(dst)) {
            return 0;
        }
        int removed = 0;
        for (Path copy : MediaFiles.find(dst, true, null, MediaFiles::isImage, (f, why) -> { }, Set.of())) {
            if (!wanted.contains(copy.toAbsolutePath().normalize())) {
                takeOut(copy);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("{} imported fan-art picture(s) no longer in any --extra folder: taken out of {} (the originals were "
                    + "never touched)", removed, dst);
        }
        return removed;
    }

    /** The copy, its sidecar and the caption aniprep wrote for it. */
    private static void takeOut(Path copy) throws IOException {
        try {
            Optional<CaptionInfo> caption = SidecarStore.read(copy).get(CaptionInfo.SECTION, CaptionInfo.class);
            if (caption.isPresent() && caption.get().file() != null) {
                Files.deleteIfExists(copy.resolveSibling(SafePaths.component(caption.get().file(), "_")));
            }
        } catch (SidecarException e) {
            // an unreadable record goes with the copy
        }
        Files.deleteIfExists(SidecarStore.pathFor(copy));
        Files.deleteIfExists(copy);
    }

    private static String describe(Exception e) {
        return e instanceof IOException io ? IoErrors.describe(io) : e.getMessage();
    }
}
