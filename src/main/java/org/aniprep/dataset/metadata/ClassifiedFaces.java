package org.aniprep.dataset.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.Sidecar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the {@code classify} section says about an image, read tolerantly (the section may come from
 * another aniprep version): {@code characters}, the named characters in face order, and, when the
 * section lists its {@code faces}, each face's character by index into the detect section's face
 * boxes. Names that mean "nobody" ({@code unknown}, {@code ood}, {@code noise*}, empty) are left
 * out, as the seed leaves them out.
 *
 * @param characters the named characters, in face order, each once
 * @param faceNames  per face box index the name, or null for an unnamed face; null when the section
 *                   does not list its faces
 */
record ClassifiedFaces(List<String> characters, List<String> faceNames) {
    static final String SECTION = "classify";

    /** The classify section of {@code sidecar}, or empty when it has none. */
    static Optional<ClassifiedFaces> read(Sidecar sidecar) {
        JsonNode section = sidecar.node(SECTION).orElse(null);
        if (section == null || !section.isObject()) {
            return Optional.empty();
        }
        List<String> faceNames = faceNames(section.get("faces"));
        LinkedHashSet<String> names = new LinkedHashSet<>();
        JsonNode list = section.get("characters");
        if (list != null && list.isArray()) {
            list.forEach(n -> name(n).ifPresent(names::add));
        } else if (faceNames != null) {
            faceNames.stream().filter(n -> n != null).forEach(names::add);
        }
        return Optional.of(new ClassifiedFaces(List.copyOf(names), faceNames));
    }

    /** A name, or empty for a "nobody" entry; an object entry is read through its {@code name} or {@code character}. */
    static Optional<String> name(JsonNode n) {
        if (n != null && n.isObject()) {
            n = n.hasNonNull("name") ? n.get("name") : n.get("character");
        }
        if (n == null || !n.isTextual()) {
            return Optional.empty();
        }
        String s = n.asText().strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || lower.equals("unknown") || lower.equals("ood") || lower.startsWith("noise")) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Face-kind entries by their {@code index}; null when there are none or an index is unusable. */
    private static List<String> faceNames(JsonNode faces) {
        if (faces == null || !faces.isArray() || faces.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode f : faces) {
            String kind = f.path("kind").asText("face");
            if (!kind.equals("face")) {
                continue;
            }
            JsonNode index = f.get("index");
            if (index == null || !index.canConvertToInt() || index.asInt() < 0 || index.asInt() > 10_000) {
                return null;
            }
            int i = index.asInt();
            while (out.size() <= i) {
                out.add(null);
            }
            out.set(i, name(f.get("character")).orElse(null));
        }
        return out.isEmpty() ? null : out;
    }
}
