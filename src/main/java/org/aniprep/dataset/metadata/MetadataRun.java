package org.aniprep.dataset.metadata;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.MetadataInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aniprep metadata}: writes the seed's five keys into the sidecar of every image under
 * {@code --src}. A rerun rewrites only what changed. Keys changed by hand since metadata last wrote
 * them (or written by another tool, such as the seed's own scripts) are kept and reported unless
 * {@code --overwrite}; names a user gave by moving images ({@code --from-folders}) survive a plain
 * rerun. An unreadable sidecar is reported and the run goes on.
 */
public final class MetadataRun {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataRun.class);

    private final MetadataOptions options;
    private final Problems problems;
    private final MetadataBuilder builder;

    public MetadataRun(MetadataOptions options, Problems problems) {
        this.options = options;
        this.problems = problems;
        this.builder = new MetadataBuilder(options);
    }

    /** Counts of one run; {@code missing}: images lacking each section the keys are made from. */
    public record Summary(int written, int unchanged, int keptEdited, int notNamedByFolder, int namesChanged,
                          Map<MissingSection, Integer> missing) {
    }

    private int written;
    private int unchanged;
    private int keptEdited;
    private int notNamedByFolder;
    private int namesChanged;
    private final Map<MissingSection, Integer> missing = new EnumMap<>(MissingSection.class);

    public Summary run() throws IOException {
        List<Path> images = MediaFiles.images(options.src(), problems::add);
        try (Progress progress = Progress.start("metadata", "img", images.size())) {
            for (Path image : images) {
                try {
                    one(image);
                } catch (SidecarException e) {
                    problems.add(image, e.getMessage());
                }
                progress.step();
            }
        }
        return new Summary(written, unchanged, keptEdited, notNamedByFolder, namesChanged, Collections.unmodifiableMap(new EnumMap<>(missing)));
    }

    private void one(Path image) {
        boolean hadSidecar = SidecarStore.exists(image);
        Sidecar s = SidecarStore.read(image);
        SeedKeys current = SeedKeys.read(s);
        MetadataInfo previous = s.get(MetadataInfo.SECTION, MetadataInfo.class).orElse(null);
        boolean edited = !current.isEmpty() && (previous == null || !KeysFingerprint.of(current).equals(previous.written()));
        MetadataBuilder.Built built;
        if (options.fromFolders()) {
            FolderNames.Label label = FolderNames.read(options.src(), image, options.levels());
            if (!label.saysWho()) {
                notNamedByFolder++;
                LOG.debug("{}: folder '{}' names nobody; names left as they are", image, label.folder());
                unchanged++;
                return;
            }
            built = builder.fromFolder(s, current, previous, label);
            checkCount(image, label, built.keys());
            if (!Objects.equals(built.keys().characters(), current.characters())) {
                namesChanged++;
                LOG.info("{}: names {} -> {} (from folder '{}')", image.getFileName(), current.characterList(),
                        built.keys().characterList(), label.folder());
            }
        } else {
            if (edited && !options.overwrite()) {
                keptEdited++;
                LOG.warn("{}: its count/characters/general/facepos/tags were changed since aniprep metadata wrote them "
                        + "(by hand or another tool); kept as they are (--overwrite replaces them)", image);
                return;
            }
            built = builder.build(s, current, previous);
        }
        if (!hadSidecar) {
            built.missing().add(MissingSection.SIDECAR);
        }
        built.missing().forEach(m -> missing.merge(m, 1, Integer::sum));
        if (built.keys().equals(current) && built.info().equals(previous)) {
            unchanged++;
            return;
        }
        SidecarStore.update(image, fresh -> built.keys().writeTo(fresh).put(MetadataInfo.SECTION, built.info()));
        written++;
    }

    private static void checkCount(Path image, FolderNames.Label label, SeedKeys keys) {
        Integer said = label.countFolder();
        int n = keys.characterList().size();
        if (said != null && (label.atLeast() ? n < said : n != said)) {
            LOG.warn("{}: folder '{}' says {}{} character(s) but names {} ({}); the names are used", image, label.folder(),
                    said, label.atLeast() ? "+" : "", n, String.join(", ", keys.characterList()));
        }
    }
}
