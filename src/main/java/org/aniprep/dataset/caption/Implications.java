package org.aniprep.dataset.caption;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tag implications ({@code very_long_hair} ⇒ {@code long_hair}, {@code hairclip} ⇒
 * {@code hair_ornament}), closed transitively: a tag implied by another tag present says nothing more
 * and is pruned. The bundled table ({@code tag_implications.csv} beside this class) is curated after
 * Danbooru's implications; {@code --implications FILE} replaces it with a CSV of
 * {@code antecedent,consequent} lines (a header naming {@code antecedent_name}/{@code consequent_name}
 * columns is understood too) or Danbooru's JSON ({@code [{"antecedent_name": ..., "consequent_name":
 * ..., "status": "active"}, ...]}). Tags are in Danbooru spelling (underscores).
 */
public final class Implications {
    static final String BUNDLED = "tag_implications.csv";

    private final Map<String, Set<String>> implied;

    private Implications(Map<String, Set<String>> direct) {
        Map<String, Set<String>> closed = new HashMap<>();
        for (String tag : direct.keySet()) {
            closed.put(tag, Collections.unmodifiableSet(closure(tag, direct)));
        }
        this.implied = closed;
    }

    public static Implications bundled() {
        try (InputStream in = Implications.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + BUNDLED + " is missing from the jar");
            }
            return fromCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + BUNDLED, e);
        }
    }

    /** A table from a file; one that cannot be read or understood is an {@link IllegalArgumentException} naming it. */
    public static Implications read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the implication table (" + e.getMessage() + ")");
        }
        String trimmed = text.stripLeading();
        return trimmed.startsWith("[") ? fromDanbooruJson(trimmed, file.toString()) : fromCsv(text, file.toString());
    }

    static Implications fromCsv(String text, String where) {
        Map<String, Set<String>> direct = new HashMap<>();
        int from = 0;
        int to = 1;
        boolean header = true;
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            List<String> cols = List.of(l.split(",", -1));
            if (header) {
                header = false;
                int a = indexOfColumn(cols, "antecedent");
                int c = indexOfColumn(cols, "consequent");
                if (a >= 0 && c >= 0) {
                    from = a;
                    to = c;
                    continue;
                }
            }
            if (cols.size() <= Math.max(from, to)) {
                throw new IllegalArgumentException(where + " line " + lineNo + ": expected 'antecedent,consequent', got '" + l + "'");
            }
            add(direct, cols.get(from), cols.get(to));
        }
        return new Implications(direct);
    }

    static Implications fromDanbooruJson(String text, String where) {
        Map<String, Set<String>> direct = new HashMap<>();
        try {
            JsonNode root = Json.MAPPER.readTree(text);
            for (JsonNode n : root) {
                String status = n.path("status").asText("active");
                if (n.hasNonNull("antecedent_name") && n.hasNonNull("consequent_name") && status.equals("active")) {
                    add(direct, n.get("antecedent_name").asText(), n.get("consequent_name").asText());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not Danbooru implication JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return new Implications(direct);
    }

    private static int indexOfColumn(List<String> cols, String word) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).strip().toLowerCase(Locale.ROOT).startsWith(word)) {
                return i;
            }
        }
        return -1;
    }

    private static void add(Map<String, Set<String>> direct, String antecedent, String consequent) {
        String a = TagText.canonical(antecedent);
        String c = TagText.canonical(consequent);
        if (!a.isEmpty() && !c.isEmpty() && !a.equals(c)) {
            direct.computeIfAbsent(a, k -> new HashSet<>()).add(c);
        }
    }

    private static Set<String> closure(String tag, Map<String, Set<String>> direct) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(direct.getOrDefault(tag, Set.of()));
        while (!pending.isEmpty()) {
            String t = pending.pop();
            if (!t.equals(tag) && out.add(t)) {
                pending.addAll(direct.getOrDefault(t, Set.of()));
            }
        }
        return out;
    }

    /** Everything {@code tag} implies, directly or through others. */
    public Set<String> impliedBy(String tag) {
        return implied.getOrDefault(tag, Set.of());
    }

    public int size() {
        return implied.values().stream().mapToInt(Set::size).sum();
    }

    /** {@code tags} without those implied by another tag of the list; order kept. */
    public List<String> prune(List<String> tags) {
        Set<String> drop = new HashSet<>();
        for (String t : tags) {
            drop.addAll(impliedBy(t));
        }
        List<String> out = new ArrayList<>(tags.size());
        for (String t : tags) {
            if (!drop.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
