package org.aniprep.dataset.caption;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.IoErrors;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.CaptionInfo;
import org.aniprep.sidecar.Reviews;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aniprep caption}: a caption file beside every image that has the seed's metadata keys. First
 * every image's tags get their minimal pruning, then the characters' core tags are computed over the
 * whole folder (or read with {@code --core-tags}), then each caption is drawn (per image random
 * streams, so a seed always gives the same captions) and written. A caption file aniprep did not
 * write, or one edited since, is never replaced without {@code --overwrite}.
 */
public final class CaptionRun {
    private static final Logger LOG = LoggerFactory.getLogger(CaptionRun.class);

    private final Path src;
    private final CaptionSettings settings;
    private final boolean overwrite;
    private final TagPipeline pipeline;
    private final CoreTags givenCore;
    private final Problems problems;

    /** @param givenCore core tags read from a file, or null to compute them (when the settings want them) */
    public CaptionRun(Path src, CaptionSettings settings, boolean overwrite, Implications implications, CoreTags givenCore, Problems problems) {
        this.src = src;
        this.settings = settings;
        this.overwrite = overwrite;
        this.pipeline = new TagPipeline(settings.tags(), implications);
        this.givenCore = givenCore;
        this.problems = problems;
    }

    /** Counts of one run; {@code coreTags}: characters with core tags. */
    public record Summary(int written, int unchanged, int keptOthers, int edited, int empty, int noMetadata, int coreTags, Path coreTagsFile) {
    }

    /** {@code userCaption}: the caption the user wrote in the review section (written as it is), or null. */
    private record Item(Path image, SeedKeys keys, List<String> tags, CaptionInfo previous, String userCaption) {
    }

    public Summary run() throws IOException {
        List<Path> images = MediaFiles.images(src, problems::add);
        List<Item> items = new ArrayList<>(images.size());
        int noMetadata = 0;
        for (Path image : images) {
            try {
                Sidecar s = SidecarStore.read(image);
                SeedKeys keys = SeedKeys.read(s);
                if (keys.isEmpty()) {
                    noMetadata++;
                    continue;
                }
                items.add(new Item(image, keys, pipeline.minimal(keys.tagList()), s.get(CaptionInfo.SECTION, CaptionInfo.class).orElse(null),
                        Reviews.of(image, s).caption()));
            } catch (SidecarException e) {
                problems.add(image, e.getMessage());
            }
        }
        Path coreFile = null;
        CoreTags core = CoreTags.none();
        if (settings.tags().coreTags()) {
            if (givenCore != null) {
                core = givenCore;
            } else {
                List<Map.Entry<List<String>, List<String>>> byImage = items.stream()
                        .map(i -> (Map.Entry<List<String>, List<String>>) new AbstractMap.SimpleEntry<>(i.keys().characterList(), i.tags()))
                        .toList();
                core = CoreTags.compute(byImage, settings.tags().coreThreshold(), settings.tags().coreMinImages());
                coreFile = src.resolve(CoreTags.FILE);
                core.write(coreFile);
            }
            core.asMap().forEach((name, tags) -> LOG.info("core tags of {}: {}", name, tags.isEmpty() ? "none" : String.join(", ", tags)));
        }
        Counts counts = new Counts();
        try (Progress progress = Progress.start("caption", "img", items.size())) {
            for (Item item : items) {
                write(item, core, counts);
                progress.step();
            }
        }
        return new Summary(counts.written, counts.unchanged, counts.keptOthers, counts.edited, counts.empty, noMetadata,
                (int) core.asMap().values().stream().filter(t -> !t.isEmpty()).count(), coreFile);
    }

    private static final class Counts {
        int written;
        int unchanged;
        int keptOthers;
        int edited;
        int empty;
    }

    /** The caption of one image, as this run draws it. */
    String caption(Path image, SeedKeys keys, List<String> minimalTags, CoreTags core) {
        List<String> tags = pipeline.finish(minimalTags, keys.characterList(), core, CaptionRandom.of(settings.seed(), src, image, "tags"));
        return CaptionText.build(settings, keys, tags, CaptionRandom.of(settings.seed(), src, image, "fields"));
    }

    private void write(Item item, CoreTags core, Counts counts) {
        boolean user = item.userCaption() != null;
        String text = user ? item.userCaption() : caption(item.image(), item.keys(), item.tags(), core);
        if (text.isEmpty()) {
            counts.empty++;
            return;
        }
        Path file = item.image().resolveSibling(MediaFiles.stem(item.image()) + "." + settings.extension());
        String name = file.getFileName().toString();
        CaptionInfo info = CaptionInfo.written(name, text, settings.seed(), user);
        CaptionInfo previous = item.previous();
        try {
            if (Files.exists(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8);
                boolean wasOurs = previous != null && name.equals(previous.file());
                boolean ours = wasOurs && previous.wrote(existing);
                if (existing.equals(text) && info.equals(previous)) {
                    counts.unchanged++;
                    return;
                }
                if (!ours && !existing.equals(text) && !overwrite) {
                    if (wasOurs) {
                        // aniprep wrote this file and someone changed it since (TagGUI, a text editor): theirs now
                        counts.edited++;
                    } else {
                        counts.keptOthers++;
                        LOG.warn("{}: not written by aniprep caption; kept as it is (--overwrite replaces it)", file);
                    }
                    // kept, and recorded as kept with the caption aniprep would write now: what a fresh run with this
                    // file in place records too, so a rerun's dataset does not depend on when the file changed
                    CaptionInfo kept = info.markedEdited();
                    if (!kept.equals(previous)) {
                        SidecarStore.update(item.image(), s -> s.put(CaptionInfo.SECTION, kept));
                    }
                    return;
                }
            }
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                AtomicFiles.writeString(file, text);
            }
            if (!Objects.equals(info, previous)) {
                SidecarStore.update(item.image(), s -> s.put(CaptionInfo.SECTION, info));
            }
            counts.written++;
        } catch (IOException e) {
            problems.add(file, "cannot write the caption (" + IoErrors.describe(e) + ")");
        } catch (SidecarException e) {
            problems.add(item.image(), e.getMessage());
        }
    }
}
