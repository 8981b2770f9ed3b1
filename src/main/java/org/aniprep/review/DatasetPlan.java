package org.aniprep.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.console.Problems;
import org.aniprep.character.ClassifyStage;
import org.aniprep.dataset.arrange.ArrangeStage;
import org.aniprep.dataset.arrange.Arranger;
import org.aniprep.dataset.balance.BalanceStage;
import org.aniprep.dataset.balance.ImageTree;
import org.aniprep.dataset.balance.MultiplyPlan;
import org.aniprep.dataset.caption.CaptionStage;
import org.aniprep.dataset.metadata.MetadataStage;
import org.aniprep.detect.DetectStage;
import org.aniprep.io.NaturalOrder;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.pipeline.PipelineRunner;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.RunState;
import org.aniprep.pipeline.Setting;
import org.aniprep.pipeline.Stage;
import org.aniprep.tag.TagStage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stages Apply runs on a run folder as {@code aniprep run --from detect} would bind them: the
 * options each stage last finished with (from {@code .aniprep/run.json}), so Apply makes what a rerun
 * makes; and the dry run of arrange and balance over the records as they are (no writes).
 */
final class DatasetPlan {
    /**
     * The stages Apply runs, in order: those of {@code aniprep run} from detect on. The dataset stages
     * alone would not do: the review's decisions take effect where the pipeline reads them (detect drops
     * a box marked not-a-face, classify gives a face its reviewed name), and each stage does only what
     * its records say is still to do, so detect, tag and classify cost little on a reviewed folder.
     * Extract, filter and dedup need the episodes or act on frames the review already moved.
     */
    static List<Stage<?>> stages() {
        return List.of(new DetectStage(), new TagStage(), new ClassifyStage(), new MetadataStage(), new CaptionStage(),
                new ArrangeStage(), new BalanceStage());
    }

    private static BoundStage<?> named(List<BoundStage<?>> bound, String name) {
        return bound.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * One folder of the tree: its path below dataset/, images, multiply, share of training steps, a few
     * samples; a folder of folders has no multiply (null) and counts the images below it.
     */
    record Folder(String rel, int images, String multiply, double share, List<Path> samples) {
    }

    /** The tree arrange and balance would make now, or why there is none. */
    record Tree(List<Folder> folders, int images, double virtualSize, String problem, List<String> bad) {
    }

    private DatasetPlan() {
    }

    /** The run folder's layout with the references and fan art its last run was given (see {@link RunState#recordedLayout}). */
    static RunLayout layout(ReviewFolder folder) {
        RunLayout bare = new RunLayout(folder.root().resolve("VIDEOS"), folder.root(), null, List.of());
        return folder.run() ? RunState.load(bare).recordedLayout(folder.root()) : bare;
    }

    /** Why Apply cannot run here (null: it can). */
    static String unavailable(ReviewFolder folder) {
        if (!folder.run()) {
            return "this is a frames folder, not a run folder: it has no dataset/ to arrange (run `aniprep arrange` and "
                    + "`aniprep balance` on it yourself)";
        }
        Path dataset = folder.root().resolve("dataset");
        if ((Files.exists(dataset.resolve(Arranger.EXTRA_WEIGHTS)) || Files.isDirectory(dataset.resolve("fanart")))
                && layout(folder).extras().isEmpty()) {
            return "this run arranged --extra fan-art folders, which its record does not name; rerun `aniprep run --from "
                    + "metadata` with the same --extra instead";
        }
        return null;
    }

    /** The settings the dataset stages last finished with, as {@code run} reads them from a config. */
    static List<Setting> settings(ReviewFolder folder) {
        RunState state = RunState.load(layout(folder));
        List<Setting> out = new ArrayList<>();
        for (Stage<?> s : stages()) {
            ObjectNode options = state.finishedWith(s.name()).orElse(null);
            if (options == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = options.fields(); it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                out.add(new Setting(s.name(), e.getKey(), e.getValue(), RunState.fileOf(layout(folder)).toString()));
            }
        }
        return out;
    }

    static List<BoundStage<?>> bind(ReviewFolder folder) {
        return new PipelineRunner(stages(), (l, r) -> { }).bind(layout(folder), settings(folder));
    }

    /** The dry run: arrange's plan over the records as they are, and balance's multiplies over that tree. */
    static Tree tree(ReviewFolder folder) {
        String why = unavailable(folder);
        if (why != null) {
            return new Tree(List.of(), 0, 0, why, List.of());
        }
        Problems problems = new Problems();
        try {
            List<BoundStage<?>> bound = bind(folder);
            ArrangeStage.Options arrange = (ArrangeStage.Options) named(bound, "arrange").options();
            BalanceStage.Options balance = (BalanceStage.Options) named(bound, "balance").options();
            List<Arranger.Planned> planned = new ArrangeStage().plan(arrange, problems);
            ImageTree.Node root = node(arrange.dst.toAbsolutePath().normalize(), "", planned);
            MultiplyPlan plan = new BalanceStage().plan(balance, root);
            Map<String, MultiplyPlan.Folder> byRel = new java.util.HashMap<>();
            plan.folders().forEach(f -> byRel.put(f.node().rel(), f));
            List<Folder> out = new ArrayList<>();
            root.visit(n -> {
                if (!n.children().isEmpty() && !n.rel().isEmpty()) {
                    double share = byRel.values().stream().filter(f -> f.node().rel().startsWith(n.rel() + "/"))
                            .mapToDouble(MultiplyPlan.Folder::share).sum();
                    out.add(new Folder(n.rel(), n.total(), null, share, List.of()));
                }
                MultiplyPlan.Folder f = byRel.get(n.rel());
                if (f != null) {
                    out.add(new Folder(n.rel(), n.images(), MultiplyPlan.format(f.multiply()), f.share(), n.samples()));
                }
            });
            return new Tree(out, planned.size(), plan.virtualSize(), null,
                    problems.list().stream().map(Problems.Problem::toString).toList());
        } catch (RuntimeException | IOException e) {
            return new Tree(List.of(), 0, 0, "the dry run failed: " + e.getMessage(), List.of());
        }
    }

    /** The tree of folders the planned images make, as balance would scan it once arrange placed them. */
    static ImageTree.Node node(Path dst, String rel, List<Arranger.Planned> planned) {
        Map<String, List<Arranger.Planned>> below = new TreeMap<>(NaturalOrder.INSTANCE);
        List<Path> here = new ArrayList<>();
        for (Arranger.Planned p : planned) {
            String rest = rel.isEmpty() ? p.folder() : p.folder().equals(rel) ? "" : p.folder().substring(rel.length() + 1);
            if (rest.isEmpty()) {
                here.add(p.image());
            } else {
                int slash = rest.indexOf('/');
                String child = slash < 0 ? rest : rest.substring(0, slash);
                below.computeIfAbsent(rel.isEmpty() ? child : rel + "/" + child, k -> new ArrayList<>()).add(p);
            }
        }
        List<ImageTree.Node> children = new ArrayList<>();
        below.forEach((childRel, items) -> children.add(node(dst, childRel, items)));
        here.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()));
        return new ImageTree.Node(rel.isEmpty() ? dst : dst.resolve(rel), rel, here.size(),
                here.stream().limit(ImageTree.SAMPLES).toList(), children);
    }
}
