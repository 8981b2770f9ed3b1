package org.aniprep.review;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.aniprep.report.Links;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dataset view: the tree arrange and balance would make from the records as they are (folders,
 * image counts, multiplies, a few sample thumbnails; a dry run, nothing written), and Apply, which runs
 * metadata → caption → arrange → balance in the background ({@link DatasetApply}) while the page polls
 * its progress, then lists what changed in {@code dataset/}.
 */
public final class DatasetView implements ReviewView {
    private DatasetApply apply;

    @Override
    public String label() {
        return "Dataset";
    }

    @Override
    public String path() {
        return "/dataset";
    }

    /**
     * A row: the folder, its depth, images, multiply (null for a folder of folders), samples not shown
     * (crops and fan art have no thumbnail here), share of steps and sample thumbnails.
     */
    public record Row(String rel, String name, int depth, int images, String multiply, int unshown, String share,
                      List<String> samples) {
        public boolean group() {
            return multiply == null;
        }
    }

    public record Model(ReviewContext.Chrome chrome, List<Row> rows, String summary, String problem, List<String> bad,
                        DatasetApply.Status status, boolean canApply) {
    }

    @Override
    public void register(ReviewContext context, RoutesConfig routes) {
        apply = new DatasetApply(context.folder(), context.writer(), context.index());
        routes.get("/dataset", c -> page(context, c));
        routes.get("/api/dataset/status", c -> ReviewServer.json(c, statusJson(apply.status())));
        routes.post("/api/dataset/apply", c -> {
            DatasetApply.Status s = apply.start();
            Map<String, Object> out = statusJson(s);
            out.put("ok", true);
            out.put("message", "Apply started");
            ReviewServer.json(c, out);
        });
    }

    /** The status as the page polls it. */
    static Map<String, Object> statusJson(DatasetApply.Status s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.state());
        out.put("step", s.step());
        out.put("steps", s.steps());
        out.put("stage", s.stage());
        out.put("message", s.message());
        out.put("started", s.started());
        out.put("finished", s.finished());
        out.put("changes", s.changes());
        return out;
    }

    private void page(ReviewContext context, Context c) {
        DatasetPlan.Tree tree = DatasetPlan.tree(context.folder());
        Path frames = context.index().frames();
        List<Row> rows = new ArrayList<>();
        for (DatasetPlan.Folder f : tree.folders()) {
            List<String> samples = new ArrayList<>();
            for (Path p : f.samples()) {
                Path abs = p.toAbsolutePath().normalize();
                if (abs.startsWith(frames)) {
                    String rel = frames.relativize(abs).toString().replace('\\', '/');
                    if (context.index().frame(rel) != null) {
                        samples.add("/thumb/" + Links.encode(rel));
                    }
                }
            }
            int depth = f.rel().isEmpty() ? 0 : f.rel().split("/").length - 1;
            String name = f.rel().isEmpty() ? "dataset/" : f.rel().substring(f.rel().lastIndexOf('/') + 1);
            rows.add(new Row(f.rel(), name, depth, f.images(), f.multiply(), f.samples().size() - samples.size(), String.format(Locale.ROOT, "%.1f %%", 100 * f.share()), samples));
        }
        String summary = tree.problem() != null ? null : String.format(Locale.ROOT,
                "%d images in %d folders; with the multiplies an epoch sees %.0f images", tree.images(), rows.stream().filter(r -> !r.group()).count(), tree.virtualSize());
        ReviewContext.Chrome chrome = context.chrome("Dataset", path());
        boolean can = tree.problem() == null && chrome.readOnly() == null && !apply.status().running();
        context.page(c, "review/dataset.jte", new Model(chrome, rows, summary, tree.problem(), tree.bad(), apply.status(), can));
    }
}
