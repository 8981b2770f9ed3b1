package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "general-threshold 0.35 → 0.4": the keys whose values differ between two option sets. */
final class OptionDiff {
    private OptionDiff() {
    }

    static String describe(ObjectNode before, ObjectNode now) {
        Set<String> keys = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            JsonNode a = before.get(k);
            JsonNode b = now.get(k);
            if (a == null ? b != null : !a.equals(b)) {
                parts.add(k + " " + show(a) + " → " + show(b));
            }
        }
        return String.join(", ", parts);
    }

    private static String show(JsonNode n) {
        return n == null || n.isNull() ? "(unset)" : n.isTextual() ? n.asText() : n.toString();
    }
}
