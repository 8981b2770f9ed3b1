package org.aniprep.report;

import org.aniprep.cli.Main;
import org.aniprep.pipeline.RunLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small run folder made by the real stage commands ({@code Main.run}) on shared anime art, with
 * names from data that try to break out of HTML: an episode folder and a frame named with
 * {@code <script>}, quotes and {@code &}, a character reference folder likewise, a duplicate frame,
 * a black frame and a broken file.
 */
final class RunFolderFixture {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    static final String HOSTILE_EPISODE = "EP01 <i>&amp; \"q\"";
    static final String HOSTILE_FRAME = "<script>alert('x') & \"f\".png";
    static final String HOSTILE_CHARACTER = "<b class=\"x\">Eileen & 'E'";
    private static final String[] ENV = {"ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE"};

    final RunLayout layout;
    final Path episode;
    /** Each stage command's exit code and seconds, in order. */
    final Map<String, long[]> stages = new LinkedHashMap<>();
    final List<String> output = new ArrayList<>();

    RunFolderFixture(Path tmp) throws IOException {
        layout = new RunLayout(tmp.resolve("videos"), tmp.resolve("run"), tmp.resolve("refs"), List.of());
        episode = Files.createDirectories(layout.frames().resolve(HOSTILE_EPISODE));
        Path anime = SHARED.resolve("testdata/anime");
        for (String name : List.of("eileen_happy.png", "lucy_happy.png", "concert1.png", "concert3.png", "eileen_vhappy.png")) {
            Files.copy(anime.resolve(name), episode.resolve(name));
        }
        Files.copy(anime.resolve("eileen_happy.png"), episode.resolve("eileen_happy_again.png"));
        Files.copy(anime.resolve("lucy_mad.png"), episode.resolve(HOSTILE_FRAME));
        Files.copy(anime.resolve("bg_cave.jpg"), episode.resolve("cave.jpg"));
        java.awt.image.BufferedImage black = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(black, "png", episode.resolve("zz_black.png").toFile());
        Files.write(episode.resolve("broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Path ref = Files.createDirectories(layout.refs().resolve(HOSTILE_CHARACTER));
        Files.copy(anime.resolve("eileen_concerned.png"), ref.resolve("eileen_concerned.png"));
        Files.copy(anime.resolve("eileen_happy.png"), ref.resolve("eileen_ref.png"));
        Path lucy = Files.createDirectories(layout.refs().resolve("Lucy"));
        Files.copy(anime.resolve("lucy_happy.png"), lucy.resolve("lucy_ref.png"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", SHARED.resolve("models").toAbsolutePath().toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", tmp.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
    }

    static void clearEnvironment() {
        for (String e : ENV) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    /** Runs the stages as {@code aniprep run} orders them (without extract and tag). */
    RunFolderFixture runStages() {
        String frames = layout.frames().toString();
        stage("filter", "filter", "--src", frames, "-q");
        stage("dedup", "dedup", "--src", frames, "-q");
        stage("detect", "detect", "--src", frames, "--offline", "-q");
        stage("classify", "classify", "--src", frames, "--refs", layout.refs().toString(), "--embedder", "offline",
                "--offline", "--min-cluster", "2", "--export-clusters", layout.clusters().toString(), "-q");
        stage("metadata", "metadata", "--src", frames, "-q");
        stage("caption", "caption", "--src", frames, "-q");
        stage("arrange", "arrange", "--src", frames, "--dst", layout.dataset().toString(), "--min-images-per-combination", "1", "-q");
        stage("balance", "balance", "--src", layout.dataset().toString(), "-q");
        return this;
    }

    private void stage(String name, String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int rc;
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            rc = Main.run(args);
        } finally {
            System.setErr(err);
        }
        stages.put(name, new long[]{rc, (System.nanoTime() - t0) / 1_000_000});
        output.add(name + ": exit " + rc + "\n" + buf.toString(StandardCharsets.UTF_8));
    }
}
