package org.aniprep.cli;

import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FanartInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.aniprep.testing.SceneClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aniprep run --extra DIR:WEIGHT}: fan art goes through detect, classify, metadata and caption like
 * the frames (its own labels kept as given tags, {@code fanart} in {@code general}), lands in the dataset
 * under its group with a caption and the folder's weight, and leaves the dataset when the folder is no
 * longer given. Filter and dedup never judge it.
 */
class RunFanartTest {
    @Test
    void fanArtIsDetectedNamedCaptionedAndWeighted(@TempDir Path work) throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        SceneClips.standard(videos.resolve("Eileen Show - 01.mp4"), SceneClips.SMALL);
        Path refs = work.resolve("refs");
        Files.createDirectories(refs.resolve("Eileen"));
        Files.createDirectories(refs.resolve("Lucy"));
        Files.copy(SceneClips.shared().resolve("testdata/anime/eileen_vhappy.png"), refs.resolve("Eileen/eileen_vhappy.png"));
        Files.copy(SceneClips.shared().resolve("testdata/anime/lucy_happy.png"), refs.resolve("Lucy/lucy_happy.png"));
        Path art = Files.createDirectories(work.resolve("fanart"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_washington.jpg", 0, AnimeScenes.Actor.at("eileen_happy", 480)), art.resolve("eileen.png"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_cave.jpg", 0, AnimeScenes.Actor.at("lucy_mad", 480)), art.resolve("lucy.png"));
        Files.writeString(art.resolve("lucy.txt"), "smile, outdoors");
        AnimeScenes.writePng(AnimeScenes.scene("bg_whitehouse.jpg", 0, AnimeScenes.Actor.at("eileen_concerned", 480)), art.resolve("given.png"));
        Files.writeString(art.resolve("given.png.json"), "{\"tag_string_character\": \"Eileen\", \"tag_string_general\": \"1girl\"}");
        Path run = work.resolve("run");

        assertThat(Main.run("run", "--src", videos.toString(), "--dst", run.toString(), "--refs", refs.toString(),
                "--extra", art + ":0.5", "--offline", "-q")).isZero();

        // the run page counts the episode's frames and the fan art apart
        long frames;
        try (java.util.stream.Stream<Path> st = Files.list(run.resolve("frames/EP01"))) {
            frames = st.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertThat(Files.readString(run.resolve("report.html"))).containsPattern(": " + frames + " frames kept \\(\\d+ with faces\\) and 3 fan-art picture\\(s\\),");
        Path eileen = run.resolve("frames/_extra/fanart/eileen.png");
        Path lucy = run.resolve("frames/_extra/fanart/lucy.png");
        for (Path copy : List.of(eileen, lucy)) {
            Sidecar s = SidecarStore.read(copy);
            assertThat(s.has(FanartInfo.SECTION)).as(copy.toString()).isTrue();
            assertThat(s.get(DetectInfo.SECTION, DetectInfo.class)).as(copy.toString()).isPresent();
            assertThat(s.has(ClassifyInfo.SECTION)).as(copy.toString()).isTrue();
            assertThat(s.has("filter")).as("filter judges episodes only").isFalse();
            assertThat(SeedKeys.read(s).general()).endsWith("fanart");
        }
        assertThat(SeedKeys.read(SidecarStore.read(lucy)).tagList()).startsWith("smile", "outdoors");
        List<Path> placed = files(run.resolve("dataset"), "fanart");
        assertThat(placed).extracting(p -> p.getFileName().toString()).contains("eileen.png", "lucy.png", "eileen.txt", "lucy.txt");
        Path lucyCaption = placed.stream().filter(p -> p.getFileName().toString().equals("lucy.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(lucyCaption)).contains("smile").contains("fanart");
        Path given = placed.stream().filter(p -> p.getFileName().toString().equals("given.json")).findFirst().orElseThrow();
        assertThat(SeedKeys.read(SidecarStore.read(given.resolveSibling("given.png"))).characterList()).containsExactly("Eileen");
        assertThat(given.toString()).contains("/1_character/"); // Eileen's own folder once she has enough pictures (--min-per-combination)
        assertThat(Files.readString(run.resolve("dataset/.aniprep/extra-weights.csv"))).contains("fanart,0.5");
        assertThat(files(art, "")).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("eileen.png", "lucy.png", "lucy.txt", "given.png", "given.png.json");

        assertThat(Main.run("run", "--src", videos.toString(), "--dst", run.toString(), "--refs", refs.toString(),
                "--offline", "-q")).isZero();
        assertThat(run.resolve("dataset/fanart")).doesNotExist(); // (arrange keeps what it took out for --undo, under .aniprep/)
        assertThat(eileen).doesNotExist();
        assertThat(art.resolve("eileen.png")).exists();
    }

    /** Files below {@code dir} whose path (relative to it) contains {@code part}. */
    private static List<Path> files(Path dir, String part) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> dir.relativize(p).toString().contains(part)).sorted().toList();
        }
    }
}
