package org.aniprep.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.console.Problems;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.NaturalOrder;
import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.DedupInfo.Representative;
import org.aniprep.sidecar.Json;
import org.aniprep.sidecar.MoveJournal;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Carries out a plan: moves (or deletes) the non-kept members of each group and records the group
 * in the kept frame's sidecar, through a {@link MoveJournal}. Moves go to
 * {@code SRC/_removed/<relative path>} with the sidecar. {@link #recoverInterruptedMoves} repairs a
 * move that an aniprep without the journal left half done (sidecar moved, image not).
 */
final class DedupActions {
    static final String REMOVED_FOLDER = "_removed";
    private static final Logger LOG = LoggerFactory.getLogger(DedupActions.class);

    private final Path root;
    private final DedupOptions.Action action;
    private final Problems problems;

    DedupActions(Path root, DedupOptions.Action action, Problems problems) {
        this.root = root.toAbsolutePath().normalize();
        this.action = action;
        this.problems = problems;
    }

    Path removedFolder() {
        return root.resolve(REMOVED_FOLDER);
    }

    /**
     * Returns the number of images moved or deleted, as on disk. The whole batch (each kept frame's
     * final record, then each move with the moved frame's record) goes through a {@link MoveJournal},
     * so a run killed or stopped by a full disk part-way is finished by the next run on the folder.
     */
    int apply(DedupPlan plan) {
        List<MoveJournal.Step> steps = new ArrayList<>();
        Set<String> userKept = new java.util.HashSet<>();
        plan.items().stream().filter(DedupItem::userKeeps).forEach(i -> userKept.add(i.relative()));
        for (DedupPlan.Group g : plan.groups()) {
            DedupItem kept = plan.items().get(g.kept());
            List<DedupItem> gone = new ArrayList<>();
            List<MoveJournal.Step> removals = new ArrayList<>();
            for (int k = 0; k < g.size(); k++) {
                DedupItem m = plan.items().get(g.members()[k]);
                if (m == kept) {
                    continue;
                }
                if (m.userKeeps()) {
                    // the user kept this twin: it stays, and is nobody's removed duplicate any more
                    DedupInfo own = m.info().asUserKept();
                    if (!own.equals(m.info())) {
                        removals.add(MoveJournal.Step.update(m.relative(), DedupInfo.SECTION, own));
                    }
                    continue;
                }
                MoveJournal.Step step = removal(m, kept, g.distances()[k]);
                if (step != null) {
                    gone.add(m);
                    removals.add(step);
                }
            }
            // the group's first frame, recorded when another member is kept (a kept first frame keeps its own record)
            Representative first = g.kept() == g.representative() ? kept.anchor()
                    : plan.items().get(g.representative()).asRepresentative();
            DedupInfo record = record(kept, gone, first, userKept);
            if (!record.equals(kept.info())) {
                steps.add(MoveJournal.Step.update(kept.relative(), DedupInfo.SECTION, record));
            }
            steps.addAll(removals);
        }
        MoveJournal.Outcome done = MoveJournal.apply(root, "dedup", steps, problems::add);
        long planned = steps.stream().filter(st -> st.kind() != MoveJournal.Kind.UPDATE).count();
        if (!done.started()) {
            problems.add(root, "no duplicate " + verb() + ": " + done.error());
        } else if (!done.complete()) {
            problems.add(root, "stopped after " + (done.moved() + done.deleted()) + " of " + planned + " duplicate(s) " + verb()
                    + " (" + done.error() + "); the next aniprep run on this folder finishes the rest once that is fixed");
        }
        return done.moved() + done.deleted();
    }

    private String verb() {
        return action == DedupOptions.Action.DELETE ? "deleted" : "moved";
    }

    /** The step that removes {@code m}, or null (reported) when its place in {@code _removed/} is taken. */
    private MoveJournal.Step removal(DedupItem m, DedupItem kept, double distance) {
        if (action == DedupOptions.Action.DELETE) {
            return MoveJournal.Step.delete(m.relative());
        }
        Path target;
        try {
            target = SafePaths.inside(removedFolder(), m.relative());
        } catch (IllegalArgumentException e) {
            problems.add(m.file(), "cannot be moved into " + REMOVED_FOLDER + " (" + e.getMessage() + ")");
            return null;
        }
        if (Files.exists(target) || Files.exists(SidecarStore.pathFor(target))) {
            problems.add(m.file(), "duplicate of " + kept.relative() + " but " + root.relativize(target)
                    + " already exists; left in place");
            return null;
        }
        return MoveJournal.Step.move(m.relative(), root.relativize(target).toString(), DedupInfo.SECTION,
                m.info().asRemoved(kept.relative(), distance));
    }

    /** The kept frame's record: its earlier group plus the given members (and the groups they kept before). */
    private static DedupInfo record(DedupItem kept, List<DedupItem> members, Representative first, Set<String> userKept) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Integer> dropped = kept.info().droppedByEpisode();
        if (kept.info().removed() != null) {
            names.addAll(kept.info().removed());
        }
        for (DedupItem m : members) {
            names.add(m.relative());
            if (m.info().removed() != null) {
                names.addAll(m.info().removed()); // a former kept frame hands its group over
            }
            m.info().droppedByEpisode().forEach((ep, n) -> dropped.merge(ep, n, Integer::sum));
        }
        names.removeAll(userKept); // restored by the user: back in the folder, not in _removed/
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(NaturalOrder.INSTANCE);
        return kept.info().asKept(sorted, dropped, first);
    }

    /**
     * A crash between the two renames of a move leaves the image in place and its sidecar in
     * {@code _removed/}: move such sidecars back beside their image, so the rerun sees it whole.
     */
    void recoverInterruptedMoves() {
        Path removed = removedFolder();
        if (!Files.isDirectory(removed)) {
            return;
        }
        List<Path> sidecars;
        try (Stream<Path> files = Files.walk(removed)) {
            sidecars = files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            problems.add(removed, "cannot be read (" + e.getMessage() + ")");
            return;
        }
        for (Path sidecar : sidecars) {
            String image = imageNameIn(sidecar);
            if (image == null || Files.exists(sidecar.resolveSibling(image))) {
                continue;
            }
            Path original = root.resolve(removed.relativize(sidecar.getParent())).resolve(image);
            if (Files.isRegularFile(original) && !SidecarStore.exists(original)) {
                try {
                    AtomicFiles.move(sidecar, SidecarStore.pathFor(original));
                    LOG.info("{}: finished an interrupted move (sidecar put back beside the image)", root.relativize(original));
                } catch (IOException e) {
                    problems.add(sidecar, "cannot be put back beside " + original + " (" + e.getMessage() + ")");
                }
            }
        }
    }

    private static String imageNameIn(Path sidecar) {
        try {
            JsonNode node = Json.MAPPER.readTree(sidecar.toFile());
            String name = node == null ? null : node.path("file").asText(null);
            return name != null && MediaFiles.isImage(Path.of(name)) && Objects.equals(Path.of(name).getFileName().toString(), name)
                    ? name : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
