package org.aniprep.dataset.caption;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tag field, in two steps. {@link #minimal}: canonical spelling, each tag once, the drop list,
 * implication pruning (core tags are counted after this step, as the successor counts them).
 * {@link #finish}: an image's characters' core tags and (when asked) their hair/eye traits dropped,
 * seeded shuffle, cut to the maximum, written with spaces and escapes as asked.
 */
final class TagPipeline {
    private final TagSettings settings;
    private final Implications implications;
    private final List<Pattern> drop;

    TagPipeline(TagSettings settings, Implications implications) {
        this.settings = settings;
        this.implications = implications;
        this.drop = settings.drop().stream().map(TagText::glob).toList();
    }

    List<String> minimal(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        for (String t : tags) {
            String c = TagText.canonical(t);
            if (!c.isEmpty() && drop.stream().noneMatch(p -> p.matcher(c).matches())) {
                unique.add(c);
            }
        }
        List<String> out = new ArrayList<>(unique);
        return settings.pruneImplied() ? implications.prune(out) : out;
    }

    List<String> finish(List<String> minimal, List<String> characters, CoreTags core, Random random) {
        Set<String> coreTags = settings.coreTags() ? core.of(characters) : Set.of();
        boolean traits = settings.pruneCharacterTraits() && !characters.isEmpty();
        List<String> kept = new ArrayList<>(minimal.size());
        for (String t : minimal) {
            if (!coreTags.contains(t) && !(traits && CharacterTraits.isTrait(t))) {
                kept.add(t);
            }
        }
        if (settings.shuffle()) {
            java.util.Collections.shuffle(kept, random);
        }
        List<String> cut = kept.subList(0, Math.min(settings.max(), kept.size()));
        return cut.stream().map(t -> TagText.written(t, settings.spaces(), settings.escapeParentheses())).toList();
    }
}
