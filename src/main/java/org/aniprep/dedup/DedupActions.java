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
 * in the kept frame's sidecar. Moves go to {@code SRC/_removed/<relative path>} with the sidecar
 * (sidecar first, then the image); {@link #recoverInterruptedMoves} puts back a sidecar whose image
 * a crash left behind, so a rerun finishes the job and loses nothing.
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
     * Returns the number of images moved or deleted. The kept frame's record is written first, naming
     * every member about to go, so a crash during the moves leaves a record that the rerun (which
     * moves the rest) completes; members that could not be moved are taken out of it afterwards.
     */
    int apply(DedupPlan plan) {
        int removed = 0;
        for (DedupPlan.Group g : plan.groups()) {
            DedupItem kept = plan.items().get(g.kept());
            List<DedupItem> others = new ArrayList<>();
            for (int m : g.members()) {
                if (m != g.kept()) {
                    others.add(plan.items().get(m));
                }
            }
            // the group's first frame, recorded when another member is kept (a kept first frame keeps its own record)
            Representative first = g.kept() == g.representative() ? kept.anchor()
                    : plan.items().get(g.representative()).asRepresentative();
            DedupInfo planned = record(kept, others, first);
            save(kept, planned);
            List<DedupItem> gone = new ArrayList<>();
            for (int k = 0; k < g.size(); k++) {
                DedupItem m = plan.items().get(g.members()[k]);
                if (m != kept && remove(m, kept, g.distances()[k])) {
                    gone.add(m);
                }
            }
            removed += gone.size();
            if (gone.size() < others.size()) {
                save(kept, record(kept, gone, first));
            }
        }
        return removed;
    }

    /** The kept frame's record: its earlier group plus the given members (and the groups they kept before). */
    private static DedupInfo record(DedupItem kept, List<DedupItem> members, Representative first) {
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
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(NaturalOrder.INSTANCE);
        return kept.info().asKept(sorted, dropped, first);
    }

    private void save(DedupItem kept, DedupInfo record) {
        if (record.equals(kept.info())) {
            return;
        }
        try {
            SidecarStore.put(kept.file(), DedupInfo.SECTION, record);
        } catch (SidecarException e) {
            problems.add(SidecarStore.pathFor(kept.file()),
                    FingerprintScan.withoutPath(e.getMessage(), SidecarStore.pathFor(kept.file())));
        }
    }

    private boolean remove(DedupItem m, DedupItem kept, double distance) {
        try {
            if (action == DedupOptions.Action.DELETE) {
                Files.deleteIfExists(SidecarStore.pathFor(m.file()));
                Files.delete(m.file());
                return true;
            }
            Path target = SafePaths.inside(removedFolder(), m.relative());
            if (Files.exists(target)) {
                problems.add(m.file(), "duplicate of " + kept.relative() + " but " + root.relativize(target)
                        + " already exists; left in place");
                return false;
            }
            SidecarStore.move(m.file(), target);
            SidecarStore.put(target, DedupInfo.SECTION, m.info().asRemoved(kept.relative(), distance));
            return true;
        } catch (IOException | SidecarException | IllegalArgumentException e) {
            problems.add(m.file(), "cannot " + action.name().toLowerCase() + " (" + e.getMessage() + ")");
            return false;
        }
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
