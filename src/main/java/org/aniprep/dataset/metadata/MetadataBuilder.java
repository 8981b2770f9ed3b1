package org.aniprep.dataset.metadata;

import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FanartInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.MetadataInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.Reviews;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.Tags;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fills the seed's five keys of one image from its sections (see docs/dataset.md): {@code count} as
 * {@code --count} says, {@code characters} from classify in face order, {@code general} from
 * {@code --general} and the source section, {@code facepos} from detect when faces and names
 * correspond, {@code tags} from the tagger's kept general tags. Pure: reads a sidecar, returns keys.
 */
final class MetadataBuilder {
    record Built(SeedKeys keys, MetadataInfo info, Set<MissingSection> missing) {
    }

    private final MetadataOptions options;

    MetadataBuilder(MetadataOptions options) {
        this.options = options;
    }

    /** The keys rebuilt from the sections; names {@code previous} took from folders are kept unless --overwrite. */
    Built build(Sidecar s, SeedKeys current, MetadataInfo previous) {
        Set<MissingSection> missing = EnumSet.noneOf(MissingSection.class);
        Optional<ClassifiedFaces> classify = ClassifiedFaces.read(s);
        Optional<DetectInfo> detect = s.get(DetectInfo.SECTION, DetectInfo.class);
        Optional<Tags> tag = s.get(Tags.SECTION, Tags.class);
        Optional<FanartInfo> fanart = s.get(FanartInfo.SECTION, FanartInfo.class);
        boolean keepFolderNames = !options.overwrite() && previous != null
                && MetadataInfo.FROM_FOLDERS.equals(previous.charactersFrom()) && current.characters() != null;
        List<String> names;
        String from;
        if (keepFolderNames) {
            names = current.characters();
            from = MetadataInfo.FROM_FOLDERS;
        } else if (fanart.isPresent() && !fanart.get().characters().isEmpty()) {
            names = fanart.get().characters(); // a person's or booru's labels beat the classifier's
            from = MetadataInfo.FROM_GIVEN;
        } else if (classify.isPresent()) {
            names = classify.get().characters();
            from = MetadataInfo.FROM_CLASSIFY;
        } else {
            names = List.of();
            from = MetadataInfo.FROM_NONE;
            missing.add(MissingSection.CLASSIFY);
        }
        List<String> faceNames = null;
        if (classify.isPresent() && sameSet(names, classify.get().characters())) {
            names = classify.get().characters();
            faceNames = classify.get().faceNames();
        }
        List<String> tagged = tag.map(t -> t.general().stream().map(g -> Tags.danbooruName(g.tag())).toList()).orElse(current.tags());
        if (fanart.isPresent()) {
            tagged = given(fanart.get().tags(), tagged);
        }
        List<String> tags = withEdits(tagged, Reviews.of(null, s).tags());
        if (tag.isEmpty() && fanart.map(f -> f.tags().isEmpty()).orElse(true)) {
            missing.add(MissingSection.TAG);
        }
        String count = count(names, detect, tags);
        String general = fanart.isPresent() ? GeneralText.fanart(options.general())
                : GeneralText.of(options.general(), s.get(FrameSource.SECTION, FrameSource.class).orElse(null));
        List<String> facepos = facepos(detect, names, faceNames);
        if (detect.isEmpty()) {
            missing.add(MissingSection.DETECT);
        }
        SeedKeys keys = new SeedKeys(count, names, general, facepos, tags);
        return new Built(keys, info(keys, from, keepFolderNames ? previous.folder() : null), missing);
    }

    /**
     * The keys with the names a folder gives ({@code label.saysWho()}); the other keys as they are
     * ({@code current}, or built from the sections when the image has none yet).
     */
    Built fromFolder(Sidecar s, SeedKeys current, MetadataInfo previous, FolderNames.Label label) {
        Built base = current.isEmpty() ? build(s, current, previous) : new Built(current, previous, EnumSet.noneOf(MissingSection.class));
        SeedKeys keys = base.keys();
        Optional<ClassifiedFaces> classify = ClassifiedFaces.read(s);
        List<String> known = new ArrayList<>(keys.characterList());
        classify.ifPresent(c -> known.addAll(c.characters()));
        List<String> names = new ArrayList<>();
        for (String part : label.names()) {
            String name = known.stream().filter(k -> folderName(k).equals(part)).findFirst().orElse(part);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        List<String> faceNames = null;
        if (sameSet(names, keys.characterList())) {
            names = keys.characterList();
        }
        if (classify.isPresent() && sameSet(names, classify.get().characters())) {
            names = classify.get().characters();
            faceNames = classify.get().faceNames();
        }
        Optional<DetectInfo> detect = s.get(DetectInfo.SECTION, DetectInfo.class);
        List<String> facepos = names.equals(keys.characterList()) && keys.facepos() != null ? keys.facepos()
                : facepos(detect, names, faceNames);
        String count = countMode(previous) == CountMode.CHARACTERS ? Integer.toString(names.size()) : keys.count();
        SeedKeys updated = new SeedKeys(count, names, keys.general(), facepos, keys.tags());
        String countFrom = countMode(previous).id();
        return new Built(updated, new MetadataInfo(countFrom, MetadataInfo.FROM_FOLDERS, label.folder(), fingerprint(updated)),
                base.missing());
    }

    /**
     * The user's tag edits applied: {@code tags} minus {@code remove}, plus {@code add} (appended, each once), all in
     * Danbooru spelling. Idempotent, so a list that already holds the edits stays as it is.
     */
    static List<String> withEdits(List<String> tags, ReviewInfo.TagEdits edits) {
        if (edits == null || edits.blank()) {
            return tags;
        }
        Set<String> removed = new HashSet<>();
        edits.remove().forEach(t -> removed.add(Tags.danbooruName(t)));
        List<String> out = new ArrayList<>();
        for (String t : tags == null ? List.<String>of() : tags) {
            if (!removed.contains(Tags.danbooruName(t)) && !out.contains(t)) {
                out.add(t);
            }
        }
        for (String t : edits.add()) {
            String d = Tags.danbooruName(t);
            if (!d.isEmpty() && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Fan art's given tags first (a person chose them), then the tagger's not among them. */
    static List<String> given(List<String> given, List<String> tagged) {
        List<String> out = new ArrayList<>(given);
        for (String t : tagged == null ? List.<String>of() : tagged) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private CountMode countMode(MetadataInfo previous) {
        if (previous != null && CountMode.of(previous.countFrom()) != null) {
            return CountMode.of(previous.countFrom());
        }
        return options.count();
    }

    /** The folder spelling of a name, as arrange writes it (dots removed, made safe for a path, '+' replaced). */
    static String folderName(String name) {
        return SafePaths.component(name.replace(".", ""), "_").replace('+', '_');
    }

    private String count(List<String> names, Optional<DetectInfo> detect, List<String> tags) {
        return switch (options.count()) {
            case CHARACTERS -> Integer.toString(names.size());
            case FACES -> detect.map(DetectInfo::faceCount).map(String::valueOf).orElse(null);
            case PEOPLE -> tags == null ? null : PeopleCount.fromTags(tags);
        };
    }

    private List<String> facepos(Optional<DetectInfo> detect, List<String> names, List<String> faceNames) {
        if (detect.isEmpty() || detect.get().facepos() == null || detect.get().facepos().isEmpty()) {
            return null;
        }
        List<String> pos = detect.get().facepos();
        return options.alwaysFacepos() || FaceCorrespondence.corresponds(names, faceNames, pos.size()) ? pos : null;
    }

    private MetadataInfo info(SeedKeys keys, String charactersFrom, String folder) {
        return new MetadataInfo(options.count().id(), charactersFrom, folder, fingerprint(keys));
    }

    static String fingerprint(SeedKeys keys) {
        return KeysFingerprint.of(keys);
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
