package org.aniprep.review;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.aniprep.report.Links;
import org.aniprep.report.Pager;
import org.aniprep.sidecar.ReviewInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The frames view: every frame of the folder (kept ones, then removed ones) as a paged grid of
 * thumbnails, filtered by the query parameters of {@link FrameFilter}; the server cuts one page from
 * the index, so the browser never receives every frame.
 */
public final class FramesView implements ReviewView {
    static final int PER_PAGE = 60;
    /** Suggestions in the tag field: enough for a tagger's common tags, few enough for a small page. */
    static final int TAG_SUGGESTIONS = 150;
    private final int perPage;

    public FramesView() {
        this(PER_PAGE);
    }

    /** A view with {@code perPage} tiles a page (tests page over a small folder). */
    public FramesView(int perPage) {
        this.perPage = Math.max(1, perPage);
    }

    @Override
    public String label() {
        return "Frames";
    }

    @Override
    public String path() {
        return "/frames";
    }

    /** A frame tile: its thumbnail, its page, the verdict and a line of what it holds. */
    public record Tile(String rel, String thumb, String href, String verdict, String fate, String twin, String twinHref,
                       String who, String title, String error, String mine) {
    }

    /** A choice of a filter's select: the value and what it reads. */
    public record Option(String value, String label) {
    }

    public record Model(ReviewContext.Chrome chrome, FrameFilter filter, List<Option> characters, List<Option> episodes,
                        List<Option> faces, List<Option> bands, List<Option> verdicts, List<Tile> tiles, Pager pager,
                        int matched, int total, String summary, List<String> tags) {
    }

    @Override
    public void register(ReviewContext context, RoutesConfig routes) {
        routes.get("/frames", c -> grid(context, c));
        routes.get("/frame/<rel>", c -> FramePage.show(context, c, c.pathParam("rel"), perPage));
        routes.post("/api/frames", c -> FrameActions.act(context, c));
        routes.post("/api/frames/count", c -> FrameActions.count(context, c));
    }

    private void grid(ReviewContext context, Context c) {
        List<FrameEntry> all = context.index().all();
        FrameFilter filter = FrameFilter.of(c::queryParam);
        List<FrameEntry> matched = filter.apply(all);
        WebPaging paging = WebPaging.of(c.queryParam("page"), matched.size(), perPage);
        List<Tile> tiles = new ArrayList<>();
        for (FrameEntry f : matched.subList(paging.from(), paging.to())) {
            tiles.add(tile(context.index(), f, filter));
        }
        FrameFilter.Choices choices = choices(context.index(), all);
        String summary = filter.none()
                ? ReviewActions.count(all.size(), "frame") + " (" + all.stream().filter(f -> !f.removed()).count() + " kept, "
                + all.stream().filter(FrameEntry::removed).count() + " removed)"
                : matched.size() + " of " + ReviewActions.count(all.size(), "frame") + " match the filter";
        Model m = new Model(context.chrome("Frames", path()), filter, options(choices.characters()), options(choices.episodes()),
                options(choices.faces()), options(choices.bands()), verdicts(choices.verdicts()), tiles,
                paging.pager(p -> filter.href(path(), "page=" + p)), matched.size(), all.size(), summary,
                filter.none() ? choices.tags() : commonTags(matched));
        context.page(c, "review/frames.jte", m);
    }

    /** The filter's choices and the common tags of every frame, made again only after a change of the index. */
    private FrameFilter.Choices choices(ReviewIndex index, List<FrameEntry> all) {
        long version = index.version();
        Cached c = cached;
        if (c == null || c.version() != version || c.size() != all.size()) {
            c = new Cached(version, all.size(), FrameFilter.Choices.of(all, commonTags(all)));
            cached = c;
        }
        return c.choices();
    }

    private record Cached(long version, int size, FrameFilter.Choices choices) {
    }

    private volatile Cached cached;

    /** The tags the matched frames carry most, for the tag field's suggestions. */
    static List<String> commonTags(List<FrameEntry> frames) {
        java.util.Map<String, Integer> n = new java.util.HashMap<>();
        frames.forEach(f -> f.tags().forEach(t -> n.merge(t, 1, Integer::sum)));
        return n.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey())).limit(TAG_SUGGESTIONS).map(java.util.Map.Entry::getKey).toList();
    }

    static Tile tile(ReviewIndex index, FrameEntry f, FrameFilter filter) {
        String href = filter.href("/frame/" + Links.encode(f.rel()), null);
        if (f.error() != null) {
            return new Tile(f.rel(), null, href, "error", "record unreadable", null, null, "", f.rel() + ": " + f.error(), f.error(), null);
        }
        String twin = "dedup".equals(f.verdict()) ? twin(index, f) : null;
        String fate = switch (f.verdict()) {
            case "kept" -> "";
            case "filter" -> "filter: " + f.reason();
            case "dedup" -> "dup of " + (twin != null ? twin : f.reason());
            default -> ReviewInfo.MANUAL.equals(f.reason()) ? "removed by you" : "removed";
        };
        String who = who(f);
        String title = f.rel() + (who.isEmpty() ? "" : " · " + who) + (fate.isEmpty() ? "" : " · " + fate)
                + (f.tags().isEmpty() ? "" : " · " + String.join(", ", f.tags()));
        return new Tile(f.rel(), "/thumb/" + Links.encode(f.rel()), href, f.verdict(), fate, twin,
                twin == null ? null : "/frame/" + Links.encode(twin), who, title, null, mine(f.review()));
    }

    /** What the user decided on the frame itself ({@code kept, tags, caption}), or null. */
    static String mine(ReviewInfo r) {
        List<String> out = new ArrayList<>();
        if (r.frame() != null && r.frame().keep()) {
            out.add("kept");
        }
        if (r.tags() != null && !r.tags().blank()) {
            out.add("tags");
        }
        if (r.caption() != null) {
            out.add("caption");
        }
        return out.isEmpty() ? null : "yours: " + String.join(", ", out);
    }

    /** The faces as one line: the names shown, {@code unknown ×2}, or {@code no face}. */
    static String who(FrameEntry f) {
        List<String> names = new ArrayList<>();
        int unknown = 0;
        for (FaceEntry x : f.faces()) {
            if (x.notAFace()) {
                continue;
            }
            if (x.named()) {
                if (!names.contains(x.character())) {
                    names.add(x.character());
                }
            } else {
                unknown++;
            }
        }
        if (unknown > 0) {
            names.add(unknown == 1 ? FaceEntry.UNKNOWN : FaceEntry.UNKNOWN + " ×" + unknown);
        }
        return names.isEmpty() ? "no face" : String.join(", ", names);
    }

    /**
     * The kept frame of a frame dedup removed, as a frame of the index: dedup names it relative to the
     * folder it ran on (the frames folder, or an episode folder), or null when it is not in the index.
     */
    static String twin(ReviewIndex index, FrameEntry f) {
        String kept = f.reason();
        if (kept == null) {
            return null;
        }
        Set<String> tries = new LinkedHashSet<>(List.of(kept, f.episode() + "/" + kept, RecordReader.REMOVED + "/" + kept));
        for (String t : tries) {
            if (index.frame(t) != null && !t.equals(f.rel())) {
                return t;
            }
        }
        return null;
    }

    private static List<Option> options(List<String> values) {
        return values.stream().map(v -> new Option(v, v.isEmpty() ? "(top folder)" : v)).toList();
    }

    private static List<Option> verdicts(List<String> values) {
        List<Option> out = new ArrayList<>();
        for (String v : values) {
            out.add(new Option(v, switch (v) {
                case "kept" -> "kept";
                case "removed" -> "removed (any reason)";
                case "filter" -> "removed by filter";
                case "dedup" -> "removed by dedup";
                case "manual" -> "removed by you";
                default -> "  filter: " + v.substring("filter:".length());
            }));
        }
        return out;
    }
}
