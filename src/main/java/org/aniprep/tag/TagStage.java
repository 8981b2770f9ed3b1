package org.aniprep.tag;

import org.aniprep.console.Problems;
import org.aniprep.model.ModelCache;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ResolvedModel;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ModelOptions;
import org.aniprep.pipeline.PerImageStage;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tag stage: WD14 tags for every image of a folder, into the sidecars ({@link TagRun}). */
public final class TagStage implements PerImageStage<TagStage.Options, TagRun.Plan> {
    private static final Logger LOG = LoggerFactory.getLogger(TagStage.class);

    /** {@code aniprep tag}'s options (and {@code tag.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
        public Path src;

        @Option(names = "--model", defaultValue = Wd14Models.DEFAULT_ID,
                description = "Built-in model id or repo id ('aniprep models list'), or a path to a WD14 model.onnx "
                        + "with selected_tags.csv beside it. Default: ${DEFAULT-VALUE}.")
        public String model;

        @Option(names = "--general-threshold", defaultValue = "0.35", description = "Keep general tags with p > this. Default: ${DEFAULT-VALUE}.")
        public double generalThreshold;

        @Option(names = "--character-threshold", defaultValue = "0.85", description = "Keep character tags with p > this. Default: ${DEFAULT-VALUE}.")
        public double characterThreshold;

        @Option(names = "--mcut", description = "Pick both thresholds per image with MCut (character floor 0.15) instead.")
        public boolean mcut;

        @Option(names = "--batch", defaultValue = "8", description = "Images per inference call (v2 models force 1). Default: ${DEFAULT-VALUE}.")
        public int batch;

        @Option(names = "--overwrite", description = "Re-tag images already tagged by this model; replace existing .tags files.")
        public boolean overwrite;

        @Option(names = "--tags-file", description = "Also write <image>.tags (comma-separated, underscores kept), as the seed pipeline does.")
        public boolean tagsFile;

        @Mixin
        public ModelOptions models = new ModelOptions();
    }

    @Override
    public String name() {
        return "tag";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public void check(Options o) {
        BadOptions.requireFolder("--src", o.src);
        BadOptions.requirePositive("--batch", o.batch);
        for (double t : new double[] {o.generalThreshold, o.characterThreshold}) {
            if (!(t >= 0 && t <= 1)) {
                throw new BadOptions("thresholds must lie between 0 and 1, got " + t);
            }
        }
    }

    @Override
    public Optional<String> unavailable(Options o) {
        try {
            open(o);
            return Optional.empty();
        } catch (ModelException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public List<Path> writes(Options o) {
        return List.of(o.src);
    }

    @Override
    public TagRun.Plan plan(Options o, Problems problems) throws IOException {
        Wd14Tagger tagger = open(o);
        LOG.info("tagging with {} ({} tags, input {}, {})", tagger.spec().id(), tagger.tags().size(), tagger.input(),
                tagger.model().device());
        return tagRun(o, tagger, problems).plan();
    }

    @Override
    public Map<String, Long> process(Options o, List<Path> images, Problems problems) {
        return Map.of("tagged", (long) tagRun(o, open(o), problems).tag(images));
    }

    @Override
    public StageResult summarise(Options o, TagRun.Plan plan, Map<String, Long> counts, Problems problems) {
        Wd14Tagger tagger = open(o);
        TagRun.Summary s = tagRun(o, tagger, problems).finish(plan, counts.getOrDefault("tagged", 0L).intValue());
        return StageResult.of(String.format("tagged %d image(s), %d skipped, %d failed; tagger %s", s.tagged(), s.skipped(), s.failed(),
                        tagger.spec().id()),
                "tagged", s.tagged(), "skipped", s.skipped(), "failed", s.failed())
                .withModels(List.of("tagger: " + tagger.spec().id() + " (WD14)"));
    }

    private static TagRun tagRun(Options o, Wd14Tagger tagger, Problems problems) {
        TagOptions options = new TagOptions(o.src, o.model,
                new Wd14Decoder.Settings(o.generalThreshold, o.mcut, o.characterThreshold, o.mcut), o.batch, o.overwrite, o.tagsFile);
        return new TagRun(tagger, options, problems);
    }

    /** Once per JVM for the model and its files as they are now (a file replaced under the same name is opened again). */
    private static Wd14Tagger open(Options o) {
        ModelResolver resolver = new ModelResolver(o.models.settings());
        ResolvedModel resolved = Wd14Tagger.resolve(o.model, resolver);
        String key = o.model + "|" + o.models.settings() + "|" + stamp(resolved.modelPath()) + "|" + stamp(resolved.require(Wd14Models.TAGS_ROLE));
        return ModelCache.get(key, Wd14Tagger.class, () -> Wd14Tagger.open(resolved, resolver));
    }

    private static String stamp(Path file) {
        try {
            return file.toAbsolutePath().normalize() + "@" + Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toString(); // opening it says what is wrong
        }
    }
}
