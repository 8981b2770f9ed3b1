package org.aniprep.review;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.aniprep.report.Links;
import org.aniprep.report.Pager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The characters view: every named character and unknown cluster as a grid of face crops, doubtful
 * faces first, a few groups per page (a group's own page holds all its faces, paged), and the face
 * actions (this is NAME, not NAME, not a face, ignore, group: name, merge, split off).
 */
public final class CharactersView implements ReviewView {
    static final int GROUPS_PER_PAGE = 12;
    static final int FACES_PER_GROUP = 24;
    static final int FACES_PER_PAGE = 120;

    @Override
    public String label() {
        return "Characters";
    }

    @Override
    public String path() {
        return "/characters";
    }

    /** A face tile: the crop, its frame, the name shown and why it is doubtful. */
    public record Tile(String id, String crop, String frame, String title, String status, String candidate) {
    }

    /** One group as shown: its faces (one page of them), counts and the link to all of them. */
    public record Group(String key, String label, String kind, String character, int faces, long frames, long uncertain,
                        List<Tile> tiles, String more) {
    }

    public record Model(ReviewContext.Chrome chrome, List<Group> groups, Pager pager, List<String> names, String summary) {
    }

    @Override
    public void register(ReviewContext context, RoutesConfig routes) {
        routes.get("/characters", c -> list(context, c));
        routes.get("/characters/group", c -> group(context, c));
        routes.post("/api/faces", c -> act(context, c));
    }

    private void list(ReviewContext context, Context c) {
        ReviewIndex.Groups groups = context.index().groups();
        WebPaging paging = WebPaging.of(c.queryParam("page"), groups.all().size(), GROUPS_PER_PAGE);
        List<Group> shown = new ArrayList<>();
        for (FaceGroup g : groups.all().subList(paging.from(), paging.to())) {
            shown.add(view(g, 0, FACES_PER_GROUP, g.size() > FACES_PER_GROUP ? groupHref(g.key(), 1) : null));
        }
        long faces = groups.all().stream().mapToLong(FaceGroup::size).sum();
        long named = groups.all().stream().filter(g -> g.character() != null).count();
        String summary = faces + " faces in " + groups.all().size() + " groups: " + named + " characters, "
                + (groups.all().size() - named) + " clusters and other groups";
        context.page(c, "review/characters.jte", new Model(context.chrome("Characters", path()), shown,
                paging.pager(p -> "/characters?page=" + p), groups.names(), summary));
    }

    private void group(ReviewContext context, Context c) {
        String key = c.queryParam("g");
        FaceGroup g = key == null ? null : context.index().groups().byKey().get(key);
        if (g == null) {
            throw new HttpResponseException(404, "no such group (it may have been emptied): " + key);
        }
        WebPaging paging = WebPaging.of(c.queryParam("page"), g.size(), FACES_PER_PAGE);
        Group shown = view(g, paging.from(), paging.to(), null);
        context.page(c, "review/characters.jte", new Model(context.chrome(g.label(), path()), List.of(shown),
                paging.pager(p -> groupHref(key, p)), context.index().groups().names(),
                g.size() + " faces in " + g.frames() + " frames"));
    }

    static String groupHref(String key, int page) {
        return "/characters/group?g=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&page=" + page;
    }

    private static Group view(FaceGroup g, int from, int to, String more) {
        List<Tile> tiles = new ArrayList<>();
        for (FaceEntry f : g.faces().subList(Math.min(from, g.size()), Math.min(to, g.size()))) {
            String crop = "/crop/" + Links.encode(f.frame()) + "?face=" + f.kind() + f.index();
            String title = f.frame() + " · " + f.character() + (f.status() == null ? "" : " (" + f.status() + ")")
                    + (f.uncertain() ? " · is this " + f.candidate() + "?" : "")
                    + (f.distance() == null ? "" : String.format(java.util.Locale.ROOT, " · distance %.3f", f.distance()));
            tiles.add(new Tile(f.id(), crop, "/frame/" + Links.encode(f.frame()), title,
                    f.status() == null ? "" : f.status(), f.uncertain() ? f.candidate() : null));
        }
        return new Group(g.key(), g.label(), g.kind(), g.character(), g.size(), g.frames(), g.uncertain(), tiles, more);
    }

    /** POST /api/faces: {@code action} (name, not, notface, ignore, clear, link) on {@code face} ids or whole {@code group}s. */
    private void act(ReviewContext context, Context c) {
        String action = c.formParam("action");
        List<String> ids = new ArrayList<>(c.formParams("face"));
        for (String key : c.formParams("group")) {
            FaceGroup g = context.index().groups().byKey().get(key);
            if (g == null) {
                throw new ReviewWriter.Refused(404, "no such group: " + key);
            }
            g.faces().forEach(f -> ids.add(f.id()));
        }
        if (ids.isEmpty()) {
            throw new ReviewWriter.Refused(400, "select faces first");
        }
        ReviewActions a = context.actions();
        OpLog.Op op = switch (action == null ? "" : action) {
            case "name" -> a.name(ids, c.formParam("name"));
            case "not" -> a.not(ids, c.formParam("name"));
            case "notface" -> a.notAFace(ids);
            case "ignore" -> a.ignore(ids);
            case "clear" -> a.clear(ids);
            case "link" -> a.link(ids, c.formParams("group").size() > 1 ? "merge " + c.formParams("group").size() + " groups" : "split off");
            default -> throw new ReviewWriter.Refused(400, "unknown action: " + action);
        };
        ReviewServer.json(c, Map.of("ok", true, "message", op.label()));
    }
}
