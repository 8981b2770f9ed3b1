package org.aniprep.dataset.arrange;

import org.aniprep.cli.Main;
import org.aniprep.dataset.DatasetFixture;
import org.aniprep.sidecar.ArrangeInfo;
import org.aniprep.sidecar.CropInfo;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.aniprep.dataset.DatasetFixture.image;
import static org.aniprep.dataset.DatasetFixture.images;
import static org.assertj.core.api.Assertions.assertThat;

class ArrangeSelectionTest {
    @TempDir
    Path tmp;

    @Test
    void trainingCopiesAreShrunkByAreaAveragingAndReEncoded() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path art = DatasetFixture.SHARED.resolve("testdata/anime/bg_washington.jpg");
        BufferedImage original = ImageIO.read(art.toFile());
        Files.copy(art, src.resolve("bg.jpg"));
        DatasetFixture.sidecar(src.resolve("bg.jpg"), List.of("Eileen"), 0.3);
        Files.writeString(src.resolve("bg.txt"), "Eileen, outdoors");
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("dst").toString(), "--max-size", "360",
                "--format", "webp", "--min-images-per-combination", "1")).isZero();
        Path out = tmp.resolve("dst/1_character/Eileen/face_height_ratio_25-50/bg.webp");
        BufferedImage copy = ImageIO.read(out.toFile());
        int shorter = Math.min(original.getWidth(), original.getHeight());
        assertThat(Math.min(copy.getWidth(), copy.getHeight())).isEqualTo(Math.min(360, shorter));
        assertThat(SidecarStore.read(out).get(ImageInfo.SECTION, ImageInfo.class).orElseThrow().width()).isEqualTo(copy.getWidth());
        assertThat(out.resolveSibling("bg.txt")).hasContent("Eileen, outdoors");
        // never upscaled
        assertThat(TrainingImages.targetSize(300, 200, 768)).containsExactly(300, 200);
        assertThat(TrainingImages.targetSize(1920, 1080, 768)).containsExactly(1365, 768);
        // re-encoding makes new files: not with --move
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("d2").toString(), "--move", "--format", "png"))
                .isEqualTo(1);
    }

    @Test
    void fanArtIsMarkedAndWeightedAndScreenshotsGetTheirOwnBranch() throws Exception {
        Path src = tmp.resolve("src");
        image(src, "f1.png", List.of("Ann"), 0.3, null);
        Path fan = Files.createDirectories(tmp.resolve("booru"));
        Files.writeString(fan.resolve("123.png"), "x");
        Files.writeString(fan.resolve("123.png.tags"), "character: ann, unknown\ngeneral: smile\n");
        Files.writeString(fan.resolve("456.png"), "y");
        Files.writeString(fan.resolve("456.png.json"), "{\"tag_string_character\": \"bob_(show)\"}");
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("dst").toString(), "--extra", fan + ":0.5",
                "--min-images-per-combination", "1", "--levels", "n_characters,character", "--no-report")).isZero();
        assertThat(images(tmp.resolve("dst"))).containsExactly("fanart/1_character/ann/123.png", "fanart/1_character/bob_(show)/456.png",
                "screenshots/1_character/Ann/f1.png");
        ArrangeInfo info = SidecarStore.read(tmp.resolve("dst/fanart/1_character/ann/123.png")).get(ArrangeInfo.SECTION, ArrangeInfo.class)
                .orElseThrow();
        assertThat(info.type()).isEqualTo("fanart");
        assertThat(info.weight()).isEqualTo(0.5);
        assertThat(tmp.resolve("dst/.aniprep/extra-weights.csv")).hasContent("fanart,0.5");
        assertThat(Main.run("balance", "--src", tmp.resolve("dst").toString(), "--no-report")).isZero();
        // fanart weight 0.5 against screenshots 1: 1/3 and 2/3 of the steps
        assertThat(tmp.resolve("dst/fanart/1_character/ann/multiply.txt")).hasContent("1.0");
        assertThat(tmp.resolve("dst/screenshots/1_character/Ann/multiply.txt")).hasContent("4.0");
    }

    @Test
    void regularisationIsASeededSampleOfFramesWithoutACharacter() throws Exception {
        Path src = tmp.resolve("src");
        for (int i = 0; i < 20; i++) {
            image(src, "n" + i + ".png", List.of(), 0, null);
        }
        image(src, "a.png", List.of("Ann"), 0.3, null);
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("d1").toString(), "--regularisation", "5",
                "--reg-folder", "reg", "--seed", "3", "--no-report")).isZero();
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("d2").toString(), "--regularisation", "5",
                "--reg-folder", "reg", "--seed", "3", "--no-report")).isZero();
        List<String> reg = images(tmp.resolve("d1")).stream().filter(p -> p.startsWith("reg/")).toList();
        assertThat(reg).hasSize(5).isEqualTo(images(tmp.resolve("d2")).stream().filter(p -> p.startsWith("reg/")).toList());
        assertThat(SidecarStore.read(tmp.resolve("d1").resolve(reg.get(0))).get(ArrangeInfo.SECTION, ArrangeInfo.class)
                .orElseThrow().type()).isEqualTo("reg");
        assertThat(images(tmp.resolve("d1"))).contains("1_character/character_others/face_height_ratio_25-50/a.png");
    }

    @Test
    void capsKeepTheSharpestOfEachStretchOfTime() {
        List<DatasetImage> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            frames.add(new DatasetImage(tmp.resolve("f" + i + ".png"), tmp, List.of(), List.of("Ann"), 1, 0.3, "screenshots", null,
                    (double) (i % 4 == 1 ? 100 : i), "show_EP1", (double) i, null));
        }
        List<DatasetImage> kept = Selection.spread(frames, 3);
        assertThat(kept).extracting(i -> i.file().getFileName().toString()).containsExactly("f1.png", "f5.png", "f9.png");
        assertThat(Selection.cap(frames, DatasetImage::uniqueCharacters, 3, "character")).hasSize(3);
    }

    @Test
    void cropsJoinWithTheirCharacterAndLargeOnesGiveWayToTheFrame() throws Exception {
        Path src = tmp.resolve("src");
        Path frame = image(src, "f.png", List.of("Ann", "Bob"), 0.2, null);
        SidecarStore.update(frame, s -> s.put(ImageInfo.SECTION, new ImageInfo(1000, 500)));
        // detect's face boxes in face order, matching the characters
        SidecarStore.update(frame, s -> {
            var json = s.json();
            var faces = json.with("detect").putObject("faces");
            faces.put("detector", "test");
            var boxes = faces.putArray("boxes");
            boxes.addObject().put("label", "face").put("score", 0.9).set("box", json.arrayNode().add(100).add(100).add(200).add(200));
            boxes.addObject().put("label", "face").put("score", 0.9).set("box", json.arrayNode().add(700).add(100).add(800).add(200));
            boxes.forEach(b -> ((com.fasterxml.jackson.databind.node.ObjectNode) b).putArray("rel").add(0).add(0).add(0).add(0));
            return s.put("detect", json.get("detect"));
        });
        Path crops = Files.createDirectories(src.resolve("_crops"));
        Path small = crops.resolve("f_face1.png");
        Files.writeString(small, "crop");
        SidecarStore.put(small, CropInfo.SECTION, new CropInfo(frame.toAbsolutePath().toString(), "f.png", "face", 1,
                List.of(650, 50, 850, 250), List.of(700, 100, 800, 200), "test", 0.9));
        Path big = crops.resolve("f_person0.png");
        Files.writeString(big, "big");
        SidecarStore.put(big, CropInfo.SECTION, new CropInfo(frame.toAbsolutePath().toString(), "f.png", "person", 0,
                List.of(0, 0, 900, 500), List.of(0, 0, 900, 500), "test", 0.9));
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", tmp.resolve("dst").toString(), "--include-crops",
                "--min-images-per-combination", "1", "--no-report")).isZero();
        assertThat(images(tmp.resolve("dst"))).containsExactly("1_character/Bob/face_height_ratio_50-75/f_face1.png",
                "2_characters/Ann+Bob/face_height_ratio_0-25/f.png");
    }

    @Test
    void aCropGoesWithItsFrameAndFindsItInAMovedFolder() throws Exception {
        Path src = tmp.resolve("src");
        Path frame = image(src.resolve("EP01"), "f.png", List.of("Ann", "Bob"), 0.2, null);
        Path crop = Files.createDirectories(src.resolve("_crops/EP01")).resolve("f_face1.png");
        Files.writeString(crop, "crop");
        DatasetFixture.sidecar(crop, List.of("Bob"), 0.8);
        SidecarStore.put(crop, CropInfo.SECTION, new CropInfo(frame.toAbsolutePath().toString(), "f.png", "face", 1,
                List.of(650, 50, 850, 250), List.of(700, 100, 800, 200), "test", 0.9));
        String[] args = {"--include-crops", "--min-images-per-combination", "1", "--levels", "n_characters,character", "--no-report"};
        assertThat(arrange(src, "d1", args)).contains("1_character/Bob/f_face1.png");
        // the folder moved: the crop's record names the old place, the mirrored folder has the frame
        Path moved = tmp.resolve("moved");
        Files.move(src, moved);
        assertThat(arrange(moved, "d2", args)).contains("1_character/Bob/f_face1.png", "2_characters/Ann+Bob/f.png");
        // the frame removed (as filter and review do): its crop is left out too
        Files.createDirectories(moved.resolve("_removed/EP01"));
        Files.move(moved.resolve("EP01/f.png"), moved.resolve("_removed/EP01/f.png"));
        Files.move(moved.resolve("EP01/f.json"), moved.resolve("_removed/EP01/f.json"));
        assertThat(arrange(moved, "d3", args)).isEmpty();
    }

    private List<String> arrange(Path src, String dst, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("arrange", "--src", src.toString(), "--dst", tmp.resolve(dst).toString()));
        all.addAll(List.of(args));
        assertThat(Main.run(all.toArray(String[]::new))).isZero();
        return Files.isDirectory(tmp.resolve(dst)) ? images(tmp.resolve(dst)) : List.of();
    }

    /** A --move run that "died" after three of six images (the rest put back as they were before their step). */
    private Path interruptedMove(Path src, Path dst) throws Exception {
        for (int i = 0; i < 6; i++) {
            image(src, "m" + i + ".png", List.of("Ann"), 0.3, "c" + i);
        }
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", dst.toString(), "--move", "--no-report",
                "--min-images-per-combination", "1")).isZero();
        Path journal = ArrangeJournal.all(dst).get(0);
        ArrangeJournal j = ArrangeJournal.read(journal);
        Files.delete(ArrangeJournal.marker(journal, "done"));
        for (JournalEntry e : j.entries().subList(3, 6)) {
            Path to = dst.resolve(e.to());
            Files.move(to, Path.of(e.from()));
            Files.move(to.resolveSibling(e.files().get(0).get(1)), Path.of(e.from()).resolveSibling(e.files().get(0).get(0)));
            Files.move(j.originals(dst).resolve(e.original()), SidecarStore.pathFor(Path.of(e.from())));
            Files.delete(to.resolveSibling(e.sidecar()));
        }
        // and one more caught half-way: its sidecar is written, its image not yet moved
        JournalEntry half = j.entries().get(3);
        Files.copy(SidecarStore.pathFor(Path.of(half.from())), dst.resolve(half.to()).resolveSibling(half.sidecar()));
        assertThat(images(src)).hasSize(3);
        return journal;
    }

    @Test
    void anInterruptedMoveIsUndone() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = tmp.resolve("dst");
        Path journal = interruptedMove(src, dst);
        // the snapshot of the source before any move, rebuilt: the fixture is deterministic
        Path fresh = tmp.resolve("fresh");
        for (int i = 0; i < 6; i++) {
            image(fresh, "m" + i + ".png", List.of("Ann"), 0.3, "c" + i);
        }
        assertThat(Main.run("arrange", "--undo", journal.toString())).isZero();
        assertThat(DatasetFixture.snapshot(src)).isEqualTo(DatasetFixture.snapshot(fresh));
        assertThat(images(dst)).isEmpty();
    }

    @Test
    void anInterruptedMoveIsFinishedByTheNextRun() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = tmp.resolve("dst");
        interruptedMove(src, dst);
        assertThat(Main.run("arrange", "--src", src.toString(), "--dst", dst.toString(), "--move", "--no-report",
                "--min-images-per-combination", "1")).isZero();
        assertThat(images(src)).isEmpty();
        assertThat(images(dst)).hasSize(6);
        assertThat(DatasetFixture.snapshot(dst, ".aniprep").keySet().stream().filter(p -> p.endsWith(".txt"))).hasSize(6);
    }
}
