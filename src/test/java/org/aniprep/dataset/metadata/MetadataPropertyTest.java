package org.aniprep.dataset.metadata;

import org.aniprep.cli.Main;
import org.aniprep.dataset.SeedExample;
import org.aniprep.detect.DetectSections;
import org.aniprep.detect.Detection;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random records: what metadata writes always keeps the seed's rules, and a rerun changes nothing. */
class MetadataPropertyTest {
    private static final List<String> NAMES = List.of("Aoi", "Hinata", "Kokona", "Honoka", "unknown", "unknown");

    @TempDir
    Path dir;

    @Test
    void randomRecordsKeepTheRules() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            Path root = dir.resolve("run" + seed);
            Random rnd = new Random(seed);
            Map<Path, List<String>> perFace = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                Path image = root.resolve("ep" + rnd.nextInt(3)).resolve("f" + i + ".png");
                Files.createDirectories(image.getParent());
                Files.write(image, new byte[]{1});
                int faces = rnd.nextInt(5);
                List<Detection> boxes = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (int f = 0; f < faces; f++) {
                    int x = rnd.nextInt(1800);
                    int y = rnd.nextInt(1000);
                    boxes.add(new Detection(x, y, x + 1 + rnd.nextInt(119), y + 1 + rnd.nextInt(79), "face", 0.9f));
                    names.add(NAMES.get(rnd.nextInt(NAMES.size())));
                }
                perFace.put(image, names);
                boolean classified = rnd.nextInt(5) > 0;
                SidecarStore.update(image, s -> {
                    s.put("detect", DetectSections.with(DetectInfo.empty().withSize(1920, 1080), "face", "yolo", boxes, 1920, 1080));
                    return classified ? s.put("classify", SeedExample.classify(names)) : s;
                });
                if (!classified) {
                    perFace.put(image, List.of());
                }
            }
            assertThat(Main.run("metadata", "--src", root.toString(), "--count", "characters", "-q")).isZero();
            for (Map.Entry<Path, List<String>> e : perFace.entrySet()) {
                SeedKeys k = SeedKeys.read(SidecarStore.read(e.getKey()));
                List<String> expected = e.getValue().stream().filter(n -> !n.equals("unknown")).distinct().toList();
                assertThat(k.characters()).as("names in face order, each once").isEqualTo(expected);
                assertThat(k.count()).isEqualTo(Integer.toString(expected.size()));
                if (k.facepos() != null) {
                    int faces = e.getValue().isEmpty() ? k.facepos().size() : e.getValue().size();
                    assertThat(k.facepos()).hasSize(faces);
                    assertThat(faces == 1 && expected.size() <= 1 || faces == expected.size()).as("faces correspond").isTrue();
                    k.facepos().forEach(p -> assertThat(p).matches("fvp \\d+ \\d+ fhp \\d+ \\d+"));
                } else {
                    assertThat(e.getValue().size() > 0 && e.getValue().size() == expected.size() && !e.getValue().contains("unknown"))
                            .as("all faces named by different characters would have facepos").isFalse();
                }
            }
            Map<Path, String> before = snapshot(root);
            assertThat(Main.run("metadata", "--src", root.toString(), "--count", "characters", "-q")).isZero();
            assertThat(snapshot(root)).as("a rerun converges").isEqualTo(before);
        }
    }

    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> out = new HashMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(org.aniprep.io.FolderLock.FILE_NAME)).toList()) {
                out.put(p, Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
