package org.aniprep.tag;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.image.ImageLoader;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.model.BatchPipeline;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelSpec;
import org.aniprep.pipeline.PerImage;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.PendingImages;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code aniprep tag}: tags every image under a folder with a WD14 model; results go to the
 * {@code tags} section of each sidecar (and optionally {@code <image>.tags}). Decoding and
 * preprocessing run on worker threads alongside inference; bad images are reported and skipped.
 */
public final class TagRun {
    private static final Logger LOG = LoggerFactory.getLogger(TagRun.class);

    private final Wd14Tagger tagger;
    private final TagOptions options;
    private final Problems problems;
    private final ImageLoader loader = new ImageLoader();

    public TagRun(Wd14Tagger tagger, TagOptions options, Problems problems) {
        this.tagger = tagger;
        this.options = options;
        this.problems = problems;
    }

    /** Counts of one run. */
    public record Summary(int tagged, int skipped, int failed) {
    }

    /** The images still to do, and what was skipped. */
    public record Plan(List<Path> todo, int skipped, int failedBefore) implements PerImage.Plan {
    }

    public Summary run() throws IOException {
        Plan plan = plan();
        return finish(plan, tag(plan.todo()));
    }

    /** Which images are still to do (the records say which are done). */
    public Plan plan() throws IOException {
        int failedBefore = problems.count(); // every image reported from here on counts as failed, as in the summary
        List<Path> images = MediaFiles.images(options.src(), problems::add);
        PendingImages pending = PendingImages.select(images, options.overwrite(), this::alreadyTagged, problems);
        if (pending.skipped() > 0) {
            LOG.info("{} image(s) already tagged by {}, skipped (--overwrite re-tags them)", pending.skipped(), tagger.spec().id());
        }
        return new Plan(pending.remaining(), pending.skipped(), failedBefore);
    }

    /** Tags {@code remaining} (some or all of a plan's) into their sidecars; returns how many were tagged. */
    public int tag(List<Path> remaining) {
        if (remaining.isEmpty()) {
            return 0;
        }
        int batch = batchSize();
        java.util.concurrent.atomic.AtomicInteger tagged = new java.util.concurrent.atomic.AtomicInteger();
        Wd14Decoder decoder = new Wd14Decoder(tagger.tags(), options.decoding());
        try (Progress progress = Progress.start("tag", "img", remaining.size())) {
            BatchPipeline.run(remaining, BatchPipeline.Options.forBatch(batch),
                    image -> Wd14Preprocessor.toTensor(loader.load(image), tagger.size()),
                    tagger::predict,
                    (image, probs) -> {
                        write(image, decoder.decode(probs));
                        tagged.incrementAndGet();
                        progress.step();
                    },
                    (image, error) -> {
                        problems.add(image, message(error));
                        progress.step();
                    });
        }
        return tagged.get();
    }

    public Summary finish(Plan plan, int tagged) {
        return new Summary(tagged, plan.skipped(), problems.count() - plan.failedBefore());
    }

    private int batchSize() {
        int fixed = tagger.fixedBatch();
        if (fixed > 0 && fixed != options.batch()) {
            LOG.info("{} takes a fixed batch of {}; using it instead of --batch {}", tagger.spec().id(), fixed, options.batch());
            return fixed;
        }
        return Math.max(1, options.batch());
    }

    private boolean alreadyTagged(Path image) {
        Optional<Tags> tags = SidecarStore.read(image).get(Tags.SECTION, Tags.class);
        return tags.isPresent() && tagger.spec().id().equals(tags.get().model())
                && (!options.tagsFile() || Files.exists(tagsFile(image)));
    }

    static Path tagsFile(Path image) {
        return image.resolveSibling(image.getFileName() + ".tags");
    }

    /**
     * Sidecar first, then the .tags file: after a crash in between, the sidecar claims a .tags file
     * that is missing, so {@link #alreadyTagged} is false and the rerun writes both again.
     */
    private void write(Path image, Wd14Decoder.Decoded d) throws IOException {
        Path file = tagsFile(image);
        if (options.tagsFile() && Files.exists(file) && !options.overwrite() && !weWrote(image)) {
            throw new IOException(file.getFileName() + " already exists and was not written by aniprep; "
                    + "--overwrite replaces it");
        }
        Wd14Decoder.Settings s = options.decoding();
        Tags section = new Tags(tagger.spec().id(), repoOf(), Wd14Preprocessor.VARIANT,
                d.generalThreshold(), s.generalMcut(), d.characterThreshold(), s.characterMcut(),
                d.rating(), d.ratings(), d.general(), d.character(), options.tagsFile());
        SidecarStore.put(image, Tags.SECTION, section);
        if (options.tagsFile()) {
            AtomicFiles.writeString(file, String.join(", ", d.rawTags()));
        }
    }

    private String repoOf() {
        return ModelRegistry.find(tagger.spec().id()).map(ModelSpec::repo).orElse(null);
    }

    private static boolean weWrote(Path image) {
        Sidecar s = SidecarStore.read(image);
        return s.get(Tags.SECTION, Tags.class).map(Tags::tagsFile).orElse(false);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
