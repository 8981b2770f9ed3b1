package org.aniprep.dataset.caption;

import org.aniprep.sidecar.SeedKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Puts a caption together from the seed's keys as the seed's {@code generate_captions.py} did: each
 * field in order, included with its probability, fields joined by the field separator, e.g.
 * {@code 2people, KuraueHinata AobaKokona, anishot yamaS2EP04, fvp 42 70 fhp 22 39 fvp 15 37 fhp 62 75, backpack, ...}.
 * One inclusion draw per field, always in the same order, so a given seed gives the same caption
 * whatever the probabilities of other fields are. With kohya's {@code keep_tokens_separator}, that
 * separator (with a space either side) replaces the field separator before the {@code keepTokensBefore} field.
 */
final class CaptionText {
    private CaptionText() {
    }

    static String build(CaptionSettings s, SeedKeys keys, List<String> tags, Random random) {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String field : s.fields()) {
            boolean include = random.nextDouble() < s.probabilityOf(field);
            String text = include ? text(s, field, keys, tags) : null;
            if (text != null && !text.isEmpty()) {
                parts.add(text);
                names.add(field);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                boolean keep = s.keepTokensSeparator() != null && names.get(i).equals(s.keepTokensBefore());
                out.append(keep ? " " + s.keepTokensSeparator().strip() + " " : s.fieldSeparator());
            }
            out.append(parts.get(i));
        }
        return out.toString();
    }

    private static String text(CaptionSettings s, String field, SeedKeys keys, List<String> tags) {
        return switch (field) {
            case CaptionSettings.COUNT -> count(s, keys.count());
            case CaptionSettings.CHARACTERS -> String.join(s.characterSeparator(), keys.characterList());
            case CaptionSettings.GENERAL -> keys.general() == null ? null : keys.general().strip();
            case CaptionSettings.FACEPOS -> keys.facepos() == null ? null : String.join(s.faceposSeparator(), keys.facepos());
            case CaptionSettings.TAGS -> String.join(s.tagSeparator(), tags);
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** {@code 1person}, {@code 2people}, {@code manypeople}; nothing for no count or 0 (an empty frame has no people to count). */
    private static String count(CaptionSettings s, String count) {
        if (count == null || count.isBlank() || count.strip().equals("0")) {
            return null;
        }
        String c = count.strip();
        return c + (c.equals("1") ? s.countSingular() : s.countPlural());
    }
}
