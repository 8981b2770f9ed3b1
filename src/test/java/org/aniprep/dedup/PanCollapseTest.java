package org.aniprep.dedup;

import org.aniprep.cli.Main;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.FfmpegCliReference;
import org.aniprep.testing.FfmpegClips;
import org.aniprep.testing.FfmpegClips.Scene;
import org.aniprep.testing.VideoFrames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Camera moves over the shared art, made by the ffmpeg CLI (crop windows moving with time, a
 * zoompan), cut between still shots: {@code extract --dedup} keeps a move's first and last views
 * and one per half frame of new picture, instead of a frame per few pixels of hash drift; and no
 * frame of one shot is ever taken for a camera move of the shot before it.
 */
class PanCollapseTest {
    @TempDir
    static Path dir;
    static Path clip;

    /** name → [first frame, end frame) of each shot. */
    static final Map<String, int[]> SHOTS = new LinkedHashMap<>();

    private static Scene still(String bg, String sprite, double seconds) {
        return new Scene(bg, sprite, 0.5, 0.85, seconds, 640, 360, null);
    }

    @BeforeAll
    static void record() throws Exception {
        assumeTrue(FfmpegCliReference.available(), "ffmpeg CLI not installed");
        List<Scene> scenes = List.of(
                still("bg_washington.jpg", "eileen_happy.png", 1),
                // 6 s over an empty strip of three backgrounds: 1200 px = 1.9 frame widths
                new Scene("bg_cave.jpg+bg_whitehouse.jpg+bg_washington.jpg", null, 0.5, 0.8, 6, 1920, 360, null)
                        .with("crop=640:360:x='t*200':y=0"),
                still("bg_cave.jpg", "lucy_mad.png", 1),
                // 4 s past a character standing in the world: 640 px
                new Scene("bg_whitehouse.jpg+bg_cave.jpg", "lucy_happy.png", 0.5, 0.9, 4, 1280, 360, null)
                        .with("crop=640:360:x='t*160':y=0"),
                // a 3 s tilt down two backgrounds stacked: 360 px = one frame height
                new Scene("bg_cave.jpg/bg_washington.jpg", "eileen_concerned.png", 0.3, 0.45, 3, 640, 720, null)
                        .with("crop=640:360:x=0:y='t*120'"),
                // a 3 s slow zoom in on a character: 1.0 → 1.43
                new Scene("bg_whitehouse.jpg", "eileen_vhappy.png", 0.5, 0.8, 3, 2560, 1440, null)
                        .with("zoompan=z='1+0.006*on':d=1:s=640x360:fps=24:x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'"),
                still("bg_washington.jpg", "lucy_mad.png", 1));
        String[] names = {"still_a", "pan_empty", "still_b", "pan_character", "tilt", "zoom", "still_c"};
        int start = 0;
        for (int i = 0; i < names.length; i++) {
            int n = FfmpegClips.frames(scenes.get(i));
            SHOTS.put(names[i], new int[]{start, start + n});
            start += n;
        }
        clip = FfmpegClips.record(dir.resolve("pans.mp4"), null, scenes.toArray(Scene[]::new));
    }

    private static String shotOf(long frame) {
        for (Map.Entry<String, int[]> e : SHOTS.entrySet()) {
            if (frame >= e.getValue()[0] && frame < e.getValue()[1]) {
                return e.getKey();
            }
        }
        return "?";
    }

    @Test
    void aCameraMoveNeverRunsAcrossACutAndCountsItsViews() throws IOException {
        List<RgbImage> frames = VideoFrames.decode(clip).frames();
        PanTracker tracker = new PanTracker();
        Map<String, int[]> steps = new LinkedHashMap<>(); // shot → [still, same view, new view]
        List<String> crossings = new ArrayList<>();
        double[] moveWorst = {0, 0};
        double[] cutBest = {1, 255};
        for (int i = 0; i < frames.size(); i++) {
            PanTracker.Result r = tracker.offer(Thumbnail.of(frames.get(i)), i / 24.0);
            String shot = shotOf(i);
            steps.computeIfAbsent(shot, s -> new int[3])[r.step().ordinal()]++;
            boolean cut = i > 0 && !shotOf(i - 1).equals(shot);
            if (i > 0 && cut) {
                cutBest[0] = Math.min(cutBest[0], r.move().disagree());
                cutBest[1] = Math.min(cutBest[1], r.move().meanDiff());
            } else if (i > 0 && shot.startsWith("pan") || shot.equals("tilt")) {
                moveWorst[0] = Math.max(moveWorst[0], r.move().disagree());
                moveWorst[1] = Math.max(moveWorst[1], r.move().meanDiff());
            }
            if (cut && r.step() != PanTracker.Step.STILL) {
                crossings.add(shot + " frame " + i + ": " + r);
            }
        }
        System.out.printf("aligned consecutive frames: within pans/tilts worst disagree %.3f, mean diff %.2f; at cuts best %.3f, %.2f%n",
                moveWorst[0], moveWorst[1], cutBest[0], cutBest[1]);
        steps.forEach((shot, n) -> System.out.printf("pan steps %-14s still %3d, same view %3d, new view %d%n", shot, n[0], n[1], n[2]));
        assertThat(crossings).as("frames taken for the previous shot's camera move (false merges)").isEmpty();
        for (String move : List.of("pan_empty", "pan_character", "tilt")) {
            int[] n = steps.get(move);
            assertThat(n[1]).as(move + ": frames showing a view already seen").isGreaterThan((SHOTS.get(move)[1] - SHOTS.get(move)[0]) * 3 / 4);
        }
        // zoompan places its window on whole pixels: the zoom jitters, and only part of it aligns as a move
        assertThat(steps.get("zoom")[1]).isGreaterThan((SHOTS.get("zoom")[1] - SHOTS.get("zoom")[0]) / 3);
        assertThat(steps.get("pan_empty")[2]).as("1.9 frame widths: a new view every half width").isBetween(2, 4);
        assertThat(steps.get("pan_character")[2]).isBetween(1, 2);
        assertThat(steps.get("tilt")[2]).isBetween(1, 2);
        assertThat(steps.get("zoom")[2]).isBetween(0, 1);
        for (String still : List.of("still_a", "still_b", "still_c")) {
            assertThat(steps.get(still)[1] + steps.get(still)[2]).as(still + " is no camera move").isZero();
        }
    }

    /** shot → frames kept by {@code extract --dedup} with the given extra options. */
    private static Map<String, Integer> keptByShot(Path work, String... extra) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Files.copy(clip, src.resolve("show_01.mp4"));
        List<String> args = new ArrayList<>(List.of("extract", "--src", src.toString(), "--dst", work.resolve("out").toString(),
                "--dedup", "-q"));
        args.addAll(List.of(extra));
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
        Map<String, Integer> out = new LinkedHashMap<>();
        SHOTS.keySet().forEach(s -> out.put(s, 0));
        try (Stream<Path> s = Files.list(work.resolve("out/EP01"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).toList()) {
                long frame = SidecarStore.read(p).get(FrameSource.SECTION, FrameSource.class).orElseThrow().frameIndex();
                out.merge(shotOf(frame), 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void extractDedupKeepsAMovesFirstAndLastViewsAndOnePerHalfFrame(@TempDir Path work) throws IOException {
        Map<String, Integer> before = keptByShot(work.resolve("keep"), "--pans", "keep");
        Map<String, Integer> after = keptByShot(work.resolve("collapse"));
        before.forEach((shot, n) -> System.out.printf("kept frames %-14s hash only %3d, pans collapsed %3d%n", shot, n, after.get(shot)));
        assertThat(after.get("pan_empty")).isBetween(3, 6).isLessThan(before.get("pan_empty") / 3);
        assertThat(after.get("pan_character")).isBetween(2, 4).isLessThan(before.get("pan_character"));
        assertThat(after.get("tilt")).isBetween(2, 4).isLessThanOrEqualTo(before.get("tilt"));
        assertThat(after.get("zoom")).isBetween(1, 3).isLessThanOrEqualTo(before.get("zoom"));
        for (String still : List.of("still_a", "still_b", "still_c")) {
            assertThat(after.get(still)).as(still).isEqualTo(before.get(still)).isPositive();
        }
    }
}
