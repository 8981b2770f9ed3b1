package org.aniprep.review;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The frames view's filter, as query parameters (so a filtered grid is a link, and "every filtered
 * frame" of a bulk action is the same query string): {@code character} (a name shown on one of the
 * frame's faces, {@code unknown} included), {@code episode}, {@code faces} (a face count, {@code 3+}
 * for three or more), {@code band} (detect's face-height bucket, {@code none} for frames without a
 * face), {@code verdict} ({@code kept}, {@code removed}, {@code filter}, {@code filter:REASON},
 * {@code dedup}, {@code manual}) and {@code q} (a tag, any spelling, or words of the caption). Empty
 * or missing parameters do not filter.
 */
public record FrameFilter(String character, String episode, String faces, String band, String verdict, String q) {
    public static final FrameFilter NONE = new FrameFilter(null, null, null, null, null, null);
    /** The parameters, in the order the form shows them. */
    static final List<String> PARAMS = List.of("character", "episode", "faces", "band", "verdict", "q");

    public FrameFilter {
        character = clean(character);
        episode = clean(episode);
        faces = clean(faces);
        band = clean(band);
        verdict = clean(verdict);
        q = clean(q);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** From a request's query parameters ({@code param} gives one or null). */
    public static FrameFilter of(Function<String, String> param) {
        return new FrameFilter(param.apply("character"), param.apply("episode"), param.apply("faces"), param.apply("band"),
                param.apply("verdict"), param.apply("q"));
    }

    /** From a query string ({@code character=Eileen&page=2}); other parameters are ignored. */
    public static FrameFilter parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.replaceFirst("^\\?", "").split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(k, v);
            }
        }
        return of(values::get);
    }

    public boolean none() {
        return character == null && episode == null && faces == null && band == null && verdict == null && q == null;
    }

    /** The query string of this filter ({@code character=Eileen&faces=1}), empty for none. */
    public String query() {
        StringBuilder sb = new StringBuilder();
        List<String> values = values();
        for (int i = 0; i < PARAMS.size(); i++) {
            if (values.get(i) != null) {
                sb.append(sb.length() == 0 ? "" : "&").append(PARAMS.get(i)).append('=')
                        .append(URLEncoder.encode(values.get(i), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    List<String> values() {
        List<String> v = new ArrayList<>();
        v.add(character);
        v.add(episode);
        v.add(faces);
        v.add(band);
        v.add(verdict);
        v.add(q);
        return v;
    }

    /** {@code path} with this filter's query and more parameters ({@code "page=2"}) after it. */
    public String href(String path, String more) {
        String query = query();
        String all = query.isEmpty() ? (more == null ? "" : more) : more == null ? query : query + "&" + more;
        return all.isEmpty() ? path : path + "?" + all;
    }

    public boolean matches(FrameEntry f) {
        return matches(f, q == null ? null : Text.of(q));
    }

    private boolean matches(FrameEntry f, Text text) {
        if (episode != null && !episode.equals(f.episode())) {
            return false;
        }
        if (verdict != null && !verdictMatches(f)) {
            return false;
        }
        if (f.error() != null) { // an unreadable record has no faces, tags nor caption to match
            return character == null && faces == null && band == null && q == null;
        }
        if (character != null && f.faces().stream().noneMatch(x -> !x.notAFace() && x.character().equalsIgnoreCase(character))) {
            return false;
        }
        if (faces != null && !facesMatch(f.faceCount())) {
            return false;
        }
        if (band != null && !band.equals(f.heightBand() == null ? "none" : f.heightBand())) {
            return false;
        }
        return q == null || textMatches(f, text);
    }

    private boolean verdictMatches(FrameEntry f) {
        return switch (verdict) {
            case "kept" -> !f.removed();
            case "removed" -> f.removed();
            case "filter", "dedup", "manual" -> verdict.equals(f.verdict());
            default -> verdict.startsWith("filter:") && "filter".equals(f.verdict())
                    && verdict.substring("filter:".length()).equals(f.reason());
        };
    }

    private boolean facesMatch(long n) {
        if (faces.endsWith("+")) {
            try {
                return n >= Long.parseLong(faces.substring(0, faces.length() - 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        try {
            return n == Long.parseLong(faces);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A tag equal to {@code q} in Danbooru spelling ({@code long hair} = {@code long_hair}), or the caption containing it. */
    private boolean textMatches(FrameEntry f, Text text) {
        for (String t : f.tags()) {
            if (t.equalsIgnoreCase(text.tag()) || text.inTag().matcher(t).find()) {
                return true;
            }
        }
        return f.caption() != null && text.inCaption().matcher(f.caption()).find();
    }

    /** {@code q} as a tag, and as case-insensitive searches in a tag ({@code _} for spaces) and in a caption. */
    private record Text(String tag, Pattern inTag, Pattern inCaption) {
        static Text of(String q) {
            int flags = Pattern.LITERAL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            return new Text(org.aniprep.sidecar.Tags.danbooruName(q), Pattern.compile(q.replace(' ', '_'), flags), Pattern.compile(q, flags));
        }
    }

    /** Every frame of {@code all} that matches, in the index's order. */
    public List<FrameEntry> apply(List<FrameEntry> all) {
        if (none()) {
            return all;
        }
        List<FrameEntry> out = new ArrayList<>();
        Text text = q == null ? null : Text.of(q);
        for (FrameEntry f : all) {
            if (matches(f, text)) {
                out.add(f);
            }
        }
        return out;
    }

    /** What the filter form offers, from the frames there are: names, episodes, face counts, bands, verdicts, common tags. */
    public record Choices(List<String> characters, List<String> episodes, List<String> faces, List<String> bands,
                          List<String> verdicts, List<String> tags) {
        static Choices of(List<FrameEntry> all, List<String> tags) {
            TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            TreeSet<String> episodes = new TreeSet<>(org.aniprep.io.NaturalOrder.INSTANCE);
            TreeSet<String> bands = new TreeSet<>(java.util.Comparator.comparingInt(Choices::bandStart)
                    .thenComparing(java.util.Comparator.naturalOrder()));
            TreeSet<String> reasons = new TreeSet<>();
            for (FrameEntry f : all) {
                episodes.add(f.episode());
                if (f.error() != null) {
                    continue;
                }
                f.faces().stream().filter(x -> !x.notAFace()).forEach(x -> names.add(x.character()));
                bands.add(f.heightBand() == null ? "none" : f.heightBand());
                if ("filter".equals(f.verdict()) && f.reason() != null) {
                    reasons.add(f.reason());
                }
            }
            List<String> faces = List.of("0", "1", "2", "3+");
            List<String> verdicts = new ArrayList<>(List.of("kept", "removed", "filter"));
            reasons.forEach(r -> verdicts.add("filter:" + r));
            verdicts.add("dedup");
            verdicts.add("manual");
            return new Choices(List.copyOf(names), List.copyOf(episodes), faces, List.copyOf(bands), verdicts, tags);
        }

        private static int bandStart(String band) {
            int dash = band.indexOf('-');
            try {
                return dash < 0 ? -1 : Integer.parseInt(band.substring(0, dash));
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }
    }
}
