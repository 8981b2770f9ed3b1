package org.aniprep.demo;

import org.aniprep.console.Progress;
import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws the demo's sample episodes into {@code input/}, with their storyboards (JSON) and a cast
 * sheet in {@code storyboard/}. An episode whose video and identical storyboard are already there
 * is not drawn again, so a rerun of the demo goes straight to the stages.
 */
public final class SampleEpisodes {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");
    /** Named as fansub releases are, so the demo shows how extract reads episode numbers. */
    static final String NAME = "[aniprep] Sample Show - %02d [%dp].mp4";

    /** A drawn episode: its video and what it contains. */
    public record Episode(int number, Path video, ClipScript script, boolean drawn) {
    }

    private SampleEpisodes() {
    }

    /**
     * @param seconds length of episode 1 (30 in the full demo); episode 2 is 0.4 of it
     */
    public static List<Episode> build(DemoLayout layout, ClipRecorder.Settings settings, double seconds) throws IOException {
        DemoEpisode demo = new DemoEpisode(settings, seconds / DemoEpisode.EPISODE_1_SECONDS);
        List<Storyboard> boards = List.of(demo.episode1(), demo.episode2());
        Files.createDirectories(layout.input());
        CastSheet.write(layout.storyboard().resolve("cast.png"), CharacterDesign.cast(), 320, 900);

        List<Episode> episodes = new ArrayList<>();
        List<Integer> toDraw = new ArrayList<>();
        long frames = 0;
        for (int i = 0; i < boards.size(); i++) {
            Path video = layout.input().resolve(String.format(NAME, i + 1, settings.height()));
            ClipScript script = boards.get(i).script(settings);
            boolean current = Files.isRegularFile(video) && sameScript(scriptFile(layout, video), script);
            episodes.add(new Episode(i + 1, video, script, !current));
            if (!current) {
                toDraw.add(i);
                frames += script.frameCount();
            }
        }
        if (toDraw.isEmpty()) {
            LOG.info("sample episodes already drawn in {}", layout.input());
            return episodes;
        }
        try (Progress progress = Progress.start("drawing episodes", "frames", frames)) {
            for (int i : toDraw) {
                Episode ep = episodes.get(i);
                boards.get(i).record(ep.video(), settings, progress::step);
                // the storyboard is written after its video: a storyboard on disk means a finished video
                AtomicFiles.write(scriptFile(layout, ep.video()), Json.MAPPER.writeValueAsBytes(ep.script()));
            }
        }
        return episodes;
    }

    public static Path scriptFile(DemoLayout layout, Path video) {
        return layout.storyboard().resolve(MediaFiles.stem(video) + ".json");
    }

    private static boolean sameScript(Path file, ClipScript script) throws IOException {
        return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), Json.MAPPER.writeValueAsBytes(script));
    }
}
