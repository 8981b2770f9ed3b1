package org.aniprep.cli;

import org.aniprep.console.Problems;
import org.aniprep.dataset.caption.CaptionConfig;
import org.aniprep.dataset.caption.CaptionRun;
import org.aniprep.dataset.caption.CaptionSettings;
import org.aniprep.dataset.caption.CoreTags;
import org.aniprep.dataset.caption.Implications;
import org.aniprep.io.FolderLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aniprep caption}: a caption file per image from the seed's metadata keys. */
@Command(name = "caption", sortOptions = false,
        description = {"Write a caption <stem>.txt beside each image from its metadata (run 'aniprep metadata' first): "
                + "count, characters, general, facepos and tags, each with its own inclusion probability, e.g.",
                "  2people, KuraueHinata AobaKokona, anishot yamaS2EP04, fvp 42 70 fhp 22 39 fvp 15 37 fhp 62 75, backpack, ...",
                "Settings: defaults < --config FILE (TOML) < options given here. Same seed, same captions.",
                "Writes <src>/core_tags.json (each character's core tags) unless --no-core-tags or --core-tags-file FILE."})
public final class CaptionCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CaptionCommand.class);

    @Option(names = "--src", required = true, description = "Folder of images with metadata (searched recursively).")
    Path src;

    @Option(names = "--config", paramLabel = "FILE", description = "TOML file of caption settings (see docs/dataset.md).")
    Path config;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed for the inclusion draws and the tag shuffle. Default: 0.")
    Long seed;

    @Option(names = "--extension", paramLabel = "EXT", description = "Caption file extension: txt (the seed's) or caption. Default: txt.")
    String extension;

    @Option(names = "--fields", split = ",", paramLabel = "FIELD",
            description = "Field order, any of count, characters, general, facepos, tags. Default: all, in that order.")
    List<String> fields;

    @Option(names = "--prob", split = ",", paramLabel = "FIELD=P",
            description = "Inclusion probability of a field, e.g. --prob facepos=0,count=0.5. Default: 1 for every field.")
    Map<String, Double> probability;

    @Option(names = "--field-separator", paramLabel = "TEXT", description = "Between fields. Default: ', '.")
    String fieldSeparator;

    @Option(names = "--tag-separator", paramLabel = "TEXT", description = "Between tags. Default: ', '.")
    String tagSeparator;

    @Option(names = "--character-separator", paramLabel = "TEXT", description = "Between character names. Default: ' '.")
    String characterSeparator;

    @Option(names = "--keep-tokens-separator", paramLabel = "TEXT",
            description = "kohya's keep_tokens_separator (e.g. '|||'), written before the --keep-tokens-before field. Default: none.")
    String keepTokensSeparator;

    @Option(names = "--keep-tokens-before", paramLabel = "FIELD", description = "The field the keep-tokens separator precedes. Default: tags.")
    String keepTokensBefore;

    @Option(names = "--max-tags", paramLabel = "N", description = "At most N tags. Default: 15 (the seed's).")
    Integer maxTags;

    @Option(names = "--shuffle", negatable = true, description = "Shuffle the tags (seeded) before cutting to --max-tags. Default: off "
            + "(most probable first).")
    Boolean shuffle;

    @Option(names = "--spaces", negatable = true, description = "Underscores to spaces in tags (long hair); kaomoji such as ^_^ kept. "
            + "Default: off (the seed's long_hair).")
    Boolean spaces;

    @Option(names = "--escape-parentheses", negatable = true, description = "Write ( ) in tags as \\( \\). Default: off.")
    Boolean escapeParentheses;

    @Option(names = "--drop", split = ",", paramLabel = "TAG", description = "Tags never written; * matches anything (alternate_*).")
    List<String> drop;

    @Option(names = "--prune-implied", negatable = true, description = "Drop a tag implied by a more specific one present "
            + "(long_hair under very_long_hair). Default: on.")
    Boolean pruneImplied;

    @Option(names = "--implications", paramLabel = "FILE", description = "Implication table instead of the bundled one: CSV "
            + "antecedent,consequent or Danbooru's tag_implications JSON.")
    Path implications;

    @Option(names = "--prune-character-traits", negatable = true, description = "On images with named characters, drop hair and eye "
            + "tags (the name carries them). Default: off.")
    Boolean pruneTraits;

    @Option(names = "--core-tags", negatable = true, description = "Drop each character's core tags (on >= --core-threshold of "
            + "its solo images) from its captions, and write them to <src>/core_tags.json. Default: on.")
    Boolean core;

    @Option(names = "--core-threshold", paramLabel = "X", description = "Share of a character's solo images a core tag is on. Default: 0.35.")
    Double coreThreshold;

    @Option(names = "--core-min-images", paramLabel = "N", description = "Solo images a character needs for core tags. Default: 5.")
    Integer coreMinImages;

    @Option(names = "--core-tags-file", paramLabel = "FILE", description = "Read core tags from FILE ({\"Name\": [tags]}, as core_tags.json) "
            + "instead of computing them.")
    Path coreTagsFile;

    @Option(names = "--overwrite", description = "Replace caption files aniprep did not write or that were edited since.")
    boolean overwrite;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        CaptionSettings settings;
        Implications table;
        CoreTags given;
        try {
            CaptionSettings base = CaptionSettings.defaults();
            if (config != null) {
                if (!Files.isRegularFile(config)) {
                    throw new UsageException("--config " + config + ": no such file");
                }
                base = CaptionConfig.read(config).applyTo(base);
            }
            settings = commandLine().applyTo(base);
            table = settings.tags().implications() == null ? Implications.bundled() : Implications.read(settings.tags().implications());
            given = settings.tags().coreTagsFile() == null ? null : CoreTags.read(settings.tags().coreTagsFile());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Problems problems = new Problems();
        CaptionRun.Summary s;
        try (FolderLock lock = locking.lock(src)) {
            s = new CaptionRun(src, settings, overwrite, table, given, problems).run();
        }
        LOG.info("caption: {} .{} file(s) written, {} unchanged{}{}", s.written(), settings.extension(), s.unchanged(),
                s.keptOthers() == 0 ? "" : ", " + s.keptOthers() + " kept (not written by aniprep or edited; --overwrite replaces them)",
                s.empty() == 0 ? "" : ", " + s.empty() + " with nothing to say (no file)");
        if (s.coreTagsFile() != null) {
            LOG.info("core tags of {} character(s) in {}", s.coreTags(), s.coreTagsFile());
        }
        if (s.noMetadata() > 0) {
            LOG.warn("{} image(s) have no metadata keys and got no caption (run 'aniprep metadata --src {}')", s.noMetadata(), src);
        }
        return problems.summarize("caption");
    }

    /** The options given here, as a config on top of the file's. */
    private CaptionConfig commandLine() {
        return new CaptionConfig(fields, extension, seed, probability,
                new CaptionConfig.Separators(fieldSeparator, tagSeparator, characterSeparator, null, keepTokensSeparator, keepTokensBefore,
                        null, null),
                new CaptionConfig.TagTable(maxTags, shuffle, spaces, escapeParentheses, drop, pruneImplied,
                        implications == null ? null : implications.toString(), pruneTraits, core, coreThreshold, coreMinImages,
                        coreTagsFile == null ? null : coreTagsFile.toString()));
    }
}
