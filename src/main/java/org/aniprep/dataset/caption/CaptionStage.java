package org.aniprep.dataset.caption;

import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The caption stage: a caption file beside each image from its metadata keys ({@link CaptionRun}). */
public final class CaptionStage implements Stage<CaptionStage.Options> {
    private static final Logger LOG = LoggerFactory.getLogger(CaptionStage.class);

    /**
     * {@code aniprep caption}'s options (and {@code caption.*} in a run config). Options left unset
     * keep the value of {@code --config}'s file, then the default.
     */
    public static final class Options {
        @Option(names = "--src", required = true, description = "Folder of images with metadata (searched recursively).")
        public Path src;

        @Option(names = "--config", paramLabel = "FILE", description = "TOML file of caption settings (see docs/dataset.md).")
        public Path config;

        @Option(names = "--seed", paramLabel = "N", description = "Random seed for the inclusion draws and the tag shuffle. Default: 0.")
        public Long seed;

        @Option(names = "--extension", paramLabel = "EXT", description = "Caption file extension: txt (the seed's) or caption. Default: txt.")
        public String extension;

        @Option(names = "--fields", split = ",", paramLabel = "FIELD",
                description = "Field order, any of count, characters, general, facepos, tags. Default: all, in that order.")
        public List<String> fields;

        @Option(names = "--prob", split = ",", paramLabel = "FIELD=P",
                description = "Inclusion probability of a field, e.g. --prob facepos=0,count=0.5. Default: 1 for every field.")
        public Map<String, Double> probability;

        @Option(names = "--field-separator", paramLabel = "TEXT", description = "Between fields. Default: ', '.")
        public String fieldSeparator;

        @Option(names = "--tag-separator", paramLabel = "TEXT", description = "Between tags. Default: ', '.")
        public String tagSeparator;

        @Option(names = "--character-separator", paramLabel = "TEXT", description = "Between character names. Default: ' '.")
        public String characterSeparator;

        @Option(names = "--keep-tokens-separator", paramLabel = "TEXT",
                description = "kohya's keep_tokens_separator (e.g. '|||'), written before the --keep-tokens-before field. Default: none.")
        public String keepTokensSeparator;

        @Option(names = "--keep-tokens-before", paramLabel = "FIELD", description = "The field the keep-tokens separator precedes. Default: tags.")
        public String keepTokensBefore;

        @Option(names = "--max-tags", paramLabel = "N", description = "At most N tags. Default: 15 (the seed's).")
        public Integer maxTags;

        @Option(names = "--shuffle", negatable = true, description = "Shuffle the tags (seeded) before cutting to --max-tags. Default: off "
                + "(most probable first).")
        public Boolean shuffle;

        @Option(names = "--spaces", negatable = true, description = "Underscores to spaces in tags (long hair); kaomoji such as ^_^ kept. "
                + "Default: off (the seed's long_hair).")
        public Boolean spaces;

        @Option(names = "--escape-parentheses", negatable = true, description = "Write ( ) in tags as \\( \\). Default: off.")
        public Boolean escapeParentheses;

        @Option(names = "--drop", split = ",", paramLabel = "TAG", description = "Tags never written; * matches anything (alternate_*).")
        public List<String> drop;

        @Option(names = "--prune-implied", negatable = true, description = "Drop a tag implied by a more specific one present "
                + "(long_hair under very_long_hair). Default: on.")
        public Boolean pruneImplied;

        @Option(names = "--implications", paramLabel = "FILE", description = "Implication table instead of the bundled one: CSV "
                + "antecedent,consequent or Danbooru's tag_implications JSON.")
        public Path implications;

        @Option(names = "--prune-character-traits", negatable = true, description = "On images with named characters, drop hair and eye "
                + "tags (the name carries them). Default: off.")
        public Boolean pruneTraits;

        @Option(names = "--core-tags", negatable = true, description = "Drop each character's core tags (on >= --core-threshold of "
                + "its solo images) from its captions, and write them to <src>/core_tags.json. Default: on.")
        public Boolean core;

        @Option(names = "--core-threshold", paramLabel = "X", description = "Share of a character's solo images a core tag is on. Default: 0.35.")
        public Double coreThreshold;

        @Option(names = "--core-min-images", paramLabel = "N", description = "Solo images a character needs for core tags. Default: 5.")
        public Integer coreMinImages;

        @Option(names = "--core-tags-file", paramLabel = "FILE", description = "Read core tags from FILE ({\"Name\": [tags]}, as core_tags.json) "
                + "instead of computing them.")
        public Path coreTagsFile;

        @Option(names = "--overwrite", description = "Replace caption files aniprep did not write or that were edited since.")
        public boolean overwrite;

        /** The options given here, as a config on top of the file's. */
        CaptionConfig asConfig() {
            return new CaptionConfig(fields, extension, seed, probability,
                    new CaptionConfig.Separators(fieldSeparator, tagSeparator, characterSeparator, null, keepTokensSeparator, keepTokensBefore,
                            null, null),
                    new CaptionConfig.TagTable(maxTags, shuffle, spaces, escapeParentheses, drop, pruneImplied,
                            implications == null ? null : implications.toString(), pruneTraits, core, coreThreshold, coreMinImages,
                            coreTagsFile == null ? null : coreTagsFile.toString()));
        }
    }

    /** The settings the options come to, with the tables they name read. */
    private record Resolved(CaptionSettings settings, Implications implications, CoreTags given) {
    }

    @Override
    public String name() {
        return "caption";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public void check(Options o) {
        resolve(o);
    }

    @Override
    public List<Path> writes(Options o) {
        return List.of(o.src);
    }

    @Override
    public StageResult run(Options o, StageContext context) throws IOException {
        Resolved r = resolve(o);
        CaptionRun.Summary s = new CaptionRun(o.src, r.settings(), o.overwrite, r.implications(), r.given(), context.problems()).run();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d .%s file(s) written, %d unchanged%s%s%s", s.written(), r.settings().extension(), s.unchanged(),
                s.edited() == 0 ? "" : ", " + s.edited() + " edited since aniprep wrote them kept (--overwrite rewrites them)",
                s.keptOthers() == 0 ? "" : ", " + s.keptOthers() + " kept (not written by aniprep; --overwrite replaces them)",
                s.empty() == 0 ? "" : ", " + s.empty() + " with nothing to say (no file)"));
        if (s.coreTagsFile() != null) {
            lines.add(String.format("core tags of %d character(s) in %s", s.coreTags(), s.coreTagsFile()));
        }
        if (s.noMetadata() > 0) {
            LOG.warn("{} image(s) have no metadata keys and got no caption (run 'aniprep metadata --src {}')", s.noMetadata(), o.src);
        }
        return StageResult.ofLines(lines, "written", s.written(), "skipped", s.unchanged(), "kept", s.keptOthers(), "edited", s.edited(),
                "empty", s.empty(), "no-metadata", s.noMetadata());
    }

    /** defaults &lt; {@code --config} file &lt; the options given; any bad value is a {@link BadOptions}. */
    private static Resolved resolve(Options o) {
        BadOptions.requireFolder("--src", o.src);
        try {
            CaptionSettings base = CaptionSettings.defaults();
            if (o.config != null) {
                if (!Files.isRegularFile(o.config)) {
                    throw new BadOptions("--config " + o.config + ": no such file");
                }
                base = CaptionConfig.read(o.config).applyTo(base);
            }
            CaptionSettings settings = o.asConfig().applyTo(base);
            Implications table = settings.tags().implications() == null ? Implications.bundled() : Implications.read(settings.tags().implications());
            CoreTags given = settings.tags().coreTagsFile() == null ? null : CoreTags.read(settings.tags().coreTagsFile());
            return new Resolved(settings, table, given);
        } catch (IllegalArgumentException e) {
            throw new BadOptions(e.getMessage());
        }
    }
}
