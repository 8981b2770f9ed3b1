package org.aniprep.demo;

import org.aniprep.model.Device;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.model.ModelSpec;
import org.aniprep.sidecar.Tags;
import org.aniprep.tag.Wd14Models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demo's tag step. The WD14 model is hundreds of MB, so the demo never downloads it: the step
 * runs ({@code --offline}) only when the model is already on this machine (model folders or the
 * Hugging Face cache) and is otherwise skipped with one line saying how to get it.
 */
final class TagStep {
    static final DemoStep STEP = new DemoStep("tag", TagStep::report);
    /** Tags listed in the report: enough to see what the tagger saw, short enough to read. */
    private static final int TOP_GENERAL = 12;
    private static final int TOP_CHARACTER = 5;

    private TagStep() {
    }

    static Optional<String> unavailable(DemoStep.Context c) {
        ModelSpec spec = ModelRegistry.require(Wd14Models.DEFAULT_ID);
        if (new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)).findLocal(spec).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the WD14 tagger " + spec.id() + " (" + spec.repo() + ") is not on this machine and the demo "
                + "downloads nothing; get it with 'aniprep models fetch " + spec.id() + "' on a machine with internet, "
                + "then run the demo again");
    }

    /** Frames tagged, their ratings, and the most frequent tags (in how many frames each was kept). */
    static DemoStep.Report report(DemoStep.Context c) {
        Map<String, Long> general = new HashMap<>();
        Map<String, Long> character = new HashMap<>();
        Map<String, Long> ratings = new TreeMap<>();
        long frames = 0;
        String model = null;
        for (Path frame : DemoSteps.images(c.layout().frames(), true)) {
            Optional<Tags> tags = DemoSteps.section(frame, Tags.SECTION, Tags.class);
            if (tags.isEmpty()) {
                continue;
            }
            Tags t = tags.get();
            frames++;
            model = t.model();
            ratings.merge(t.rating(), 1L, Long::sum);
            t.general().forEach(s -> general.merge(s.tag(), 1L, Long::sum));
            t.character().forEach(s -> character.merge(s.tag(), 1L, Long::sum));
        }
        List<String> lines = new ArrayList<>();
        if (frames == 0) {
            lines.add(unavailable(c).map(why -> "skipped: " + why).orElse("no frame has tags"));
            return new DemoStep.Report(lines, List.of());
        }
        lines.add(DemoSteps.plural(frames, "frame") + " tagged by " + model + " (tags are in each frame's sidecar, section '" + Tags.SECTION + "')");
        lines.add("ratings: " + join(ratings, ratings.size()));
        lines.add("most frequent tags (frames): " + (general.isEmpty() ? "none" : join(general, TOP_GENERAL)));
        if (!character.isEmpty()) {
            lines.add("characters (frames): " + join(character, TOP_CHARACTER));
        }
        return new DemoStep.Report(lines, List.of());
    }

    /** The {@code limit} most frequent entries as "name N", most frequent first, ties by name. */
    private static String join(Map<String, Long> counts, int limit) {
        return String.join(", ", counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
