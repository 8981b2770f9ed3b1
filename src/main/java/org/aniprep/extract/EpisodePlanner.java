package org.aniprep.extract;

import org.aniprep.console.Problems;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers the episodes and names their folders. Episode numbers come from the file names; with
 * {@code --ep-init N} (or when a name has no number) they come from the position in natural order,
 * starting at N (default 1). Two videos that would produce the same frame names are a problem: the
 * later one is reported and skipped, so no name is ever shared across the output.
 */
public final class EpisodePlanner {
    private EpisodePlanner() {
    }

    public static List<EpisodePlan> plan(List<Path> videos, Path dst, String prefixOption, Integer epInit, Problems problems) {
        List<EpisodePlan> plans = new ArrayList<>();
        Map<String, Path> taken = new HashMap<>();
        Set<String> prefixes = new HashSet<>();
        List<EpisodeName> names = videos.stream().map(v -> EpisodeName.parse(v.getFileName().toString())).toList();
        for (int i = 0; i < videos.size(); i++) {
            EpisodeName name = names.get(i);
            String prefix = prefixOption != null ? prefixOption : name.seriesName().orElse(MediaFiles.stem(videos.get(i)));
            prefixes.add(SafePaths.component(prefix, "frames"));
        }
        boolean manyPrefixes = prefixes.size() > 1;
        for (int i = 0; i < videos.size(); i++) {
            Path video = videos.get(i);
            EpisodeName name = names.get(i);
            String rawPrefix = prefixOption != null ? prefixOption : name.seriesName().orElse(MediaFiles.stem(video));
            String prefix = SafePaths.component(rawPrefix, "frames");
            boolean byPosition = epInit != null || name.episode() == null;
            int episode = byPosition ? (epInit == null ? 1 : epInit) + i : name.episode();
            Integer season = byPosition ? null : name.season();
            String label = (season == null ? "" : "S" + season) + String.format("EP%02d", episode);
            String folderName = manyPrefixes ? prefix + "_" + label : label;
            String key = prefix + "_" + label;
            Path earlier = taken.putIfAbsent(key, video);
            if (earlier != null) {
                problems.add(video, "would be " + label + " of '" + prefix + "' like " + earlier.getFileName()
                        + "; skipped (rename it, or use --ep-init / --prefix)");
                continue;
            }
            plans.add(new EpisodePlan(video, prefix, season, episode, label, SafePaths.inside(dst, folderName)));
        }
        return plans;
    }
}
