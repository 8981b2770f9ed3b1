package org.aniprep.character;

import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SidecarStore;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test folders for classify: frames (with or without a detect section), reference folders, results read back. */
final class ClassifyFixture {
    static final Path SHARED = Path.of(System.getProperty("aniprep.shared", "../shared"));
    static final String[] ENV = {"ANIPREP_MODEL_PATH", "HF_HUB_CACHE", "HF_HOME", "HF_HUB_OFFLINE"};

    final Path tmp;
    final Path src;
    final Path refs;
    final Path models;
    final CastScenes cast = new CastScenes();
    /** Who each face of each frame is, by frame file name. */
    final Map<String, List<String>> truth = new TreeMap<>();

    ClassifyFixture(Path tmp) throws IOException {
        this.tmp = tmp;
        src = Files.createDirectories(tmp.resolve("frames"));
        refs = Files.createDirectories(tmp.resolve("refs"));
        models = Files.createDirectories(tmp.resolve("models"));
        System.setProperty("aniprep.env.ANIPREP_MODEL_PATH", models.toString());
        System.setProperty("aniprep.env.HF_HUB_CACHE", tmp.resolve("hub").toString());
        System.setProperty("aniprep.env.HF_HOME", tmp.resolve("hfhome").toString());
        System.setProperty("aniprep.env.HF_HUB_OFFLINE", "1");
        Files.copy(SHARED.resolve("models/lbpcascade_animeface.xml"), models.resolve("lbpcascade_animeface.xml"));
    }

    static void clearEnvironment() {
        for (String e : ENV) {
            System.clearProperty("aniprep.env." + e);
        }
    }

    /** A frame with its true face boxes in a detect section (so the test is about naming, not detection). */
    Path frame(CastScenes.Scene s, String name, boolean withDetect) throws IOException {
        Path file = src.resolve(name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(s.image().toBufferedImage(), "png", file.toFile());
        truth.put(name + ".png", s.faces().stream().map(CastScenes.Face::who).toList());
        if (withDetect) {
            List<Detection> found = new ArrayList<>();
            for (CastScenes.Face f : s.faces()) {
                FaceBox b = f.box();
                found.add(new Detection(b.x0(), b.y0(), b.x1(), b.y1(), "face", 1f));
            }
            int w = s.image().width();
            int h = s.image().height();
            SidecarStore.put(file, DetectInfo.SECTION, DetectSections.with(DetectInfo.empty().withSize(w, h), "face", "truth", found, w, h));
        }
        return file;
    }

    /** Copies a shared sprite (RGBA) into refs/<folder>/. */
    Path ref(String folder, String sprite) throws IOException {
        Path dir = Files.createDirectories(refs.resolve(folder));
        return Files.copy(SHARED.resolve("testdata/anime/" + sprite), dir.resolve(sprite));
    }

    static ClassifyInfo classify(Path image) {
        return SidecarStore.read(image).get(ClassifyInfo.SECTION, ClassifyInfo.class).orElseThrow();
    }

    /** Every face's given name (or unknown) paired with its true name: "true->given". */
    List<String> outcomes() {
        List<String> out = new ArrayList<>();
        truth.forEach((file, who) -> {
            ClassifyInfo info = classify(src.resolve(file));
            for (ClassifyInfo.Face f : info.faces()) {
                out.add(who.get(f.index()) + "->" + f.character());
            }
        });
        return out;
    }
}
