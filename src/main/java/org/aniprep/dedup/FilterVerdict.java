package org.aniprep.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.Sidecar;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code aniprep filter} said about a frame, read tolerantly from its {@code filter} section
 * (written by the filter stage; only these fields are read): {@code verdict} ({@code drop} or
 * {@code keep}) and {@code hits}, every check that fired (fade, flash, subtitles, credits, blur,
 * ...), also those the filter's options keep. A frame without the section, or with one this reader
 * does not understand, is {@link #UNKNOWN}: judged by the picture measures alone.
 */
record FilterVerdict(boolean dropped, List<String> hits) {
    static final String SECTION = "filter";
    static final FilterVerdict UNKNOWN = new FilterVerdict(false, List.of());

    static FilterVerdict of(Sidecar sidecar) {
        JsonNode f = sidecar.json().get(SECTION);
        if (f == null || !f.isObject()) {
            return UNKNOWN;
        }
        List<String> hits = new ArrayList<>();
        JsonNode h = f.get("hits");
        if (h != null && h.isArray()) {
            h.forEach(n -> {
                if (n.isTextual()) {
                    hits.add(n.asText());
                }
            });
        }
        JsonNode reason = f.get("reason");
        if (reason != null && reason.isTextual() && !hits.contains(reason.asText())) {
            hits.add(reason.asText());
        }
        return new FilterVerdict("drop".equals(f.path("verdict").asText(null)), List.copyOf(hits));
    }

    /** 0 for a clean frame, 1 for one with findings the filter kept, 2 for one it would drop: lower is better. */
    int rank() {
        return dropped ? 2 : hits.isEmpty() ? 0 : 1;
    }
}
