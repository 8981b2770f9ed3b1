package org.aniprep.demo;

import org.aniprep.sidecar.DedupInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's dedup step: near-duplicates over both episodes at once (episode 2 repeats episode 1's
 * opening, so groups across episodes are expected), moved to {@code frames/_removed}.
 * The default {@code --keep best} keeps the sharpest frame of each group; its sidecar records the
 * group's representative, so rerunning the demo removes nothing more.
 */
final class DedupStep {
    static final DemoStep STEP = new DemoStep("dedup", DedupStep::report);

    private DedupStep() {
    }

    /**
     * Read back from the sidecars, so a rerun reports the same: groups (kept frames with a
     * {@code group_size} above 1), frames moved away, which groups span both episodes, and what a
     * perfect dedup would keep according to the storyboards.
     */
    static DemoStep.Report report(DemoStep.Context c) {
        DemoLayout layout = c.layout();
        List<Path> kept = DemoSteps.images(layout.frames(), true);
        // only dedup's: the filter step moves its rejected frames to _removed/ too
        List<Path> removed = DemoSteps.images(layout.removed(), true).stream()
                .filter(r -> DemoSteps.section(r, DedupInfo.SECTION, DedupInfo.class).map(d -> d.kept() != null).orElse(false))
                .toList();
        long groups = kept.stream().map(f -> DemoSteps.section(f, DedupInfo.SECTION, DedupInfo.class))
                .filter(d -> d.map(i -> i.groupSize() != null && i.groupSize() > 1).orElse(false)).count();
        // group (kept frame, relative to frames/) → episodes of its members; episode = first folder of the path
        Map<String, Set<String>> episodesOfGroup = new HashMap<>();
        Map<String, Long> removedPerEpisode = new TreeMap<>();
        long acrossEpisodes = 0;
        for (Path r : removed) {
            String episode = layout.removed().relativize(r).getName(0).toString();
            removedPerEpisode.merge(episode, 1L, Long::sum);
            Optional<String> keptFrame = DemoSteps.section(r, DedupInfo.SECTION, DedupInfo.class).map(DedupInfo::kept);
            if (keptFrame.isPresent()) {
                String keptEpisode = Path.of(keptFrame.get()).getName(0).toString();
                Set<String> eps = episodesOfGroup.computeIfAbsent(keptFrame.get(), k -> new HashSet<>(Set.of(keptEpisode)));
                eps.add(episode);
                if (!episode.equals(keptEpisode)) {
                    acrossEpisodes++;
                }
            }
        }
        long crossGroups = episodesOfGroup.values().stream().filter(s -> s.size() > 1).count();
        List<String> lines = new ArrayList<>();
        if (kept.isEmpty() && removed.isEmpty()) {
            lines.add("no frames to deduplicate");
            return new DemoStep.Report(lines, List.of());
        }
        lines.add(String.format("%d frames -> %d kept, %d near-duplicates moved to %s (with their sidecars; move them back to undo)",
                kept.size() + removed.size(), kept.size(), removed.size(), layout.show(layout.removed())));
        if (!removedPerEpisode.isEmpty()) {
            lines.add("moved per episode: " + String.join(", ",
                    removedPerEpisode.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        lines.add(String.format("%s of near-duplicates; %d of them span both episodes: %d frames repeat the other episode "
                + "(episode 2 opens with episode 1's opening)", DemoSteps.plural(groups, "group"), crossGroups, acrossEpisodes));
        Set<String> pictures = new LinkedHashSet<>();
        c.episodes().forEach(e -> pictures.addAll(e.script().uniquePictures()));
        lines.add(String.format("the storyboards draw %d distinct pictures in both episodes together; fewer are kept because "
                + "neighbouring frames of pans and walks (a few pixels apart) and mouth-only changes group by design", pictures.size()));
        List<Path> look = new ArrayList<>();
        Path html = layout.reports().resolve("dedup.html");
        lines.add("every group side by side: " + layout.show(html));
        look.add(html);
        DemoSteps.episodeFolders(layout.removed()).stream().filter(f -> !DemoSteps.images(f, false).isEmpty()).forEach(look::add);
        return new DemoStep.Report(lines, look);
    }
}
