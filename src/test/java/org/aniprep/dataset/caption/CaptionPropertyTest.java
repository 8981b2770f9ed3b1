package org.aniprep.dataset.caption;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random metadata: captions are deterministic for a seed (also when the folder is captioned
 * in another place), tags are never repeated, never more than the maximum, never both a tag and one
 * it implies, always from the image's own tags, and fields keep their order.
 */
class CaptionPropertyTest {
    private static final List<String> NAMES = List.of("Aoi", "Hinata", "Kokona", "Honoka");
    private static final List<String> POOL = List.of("long_hair", "very_long_hair", "hairclip", "hair_ornament", "smile", "outdoors",
            "school_uniform", "serafuku", "red_eyes", "blush", "open_mouth", "backpack", "bag", "skirt", "pleated_skirt", "1girl", "2girls",
            "^_^", "holding_cup_(object)", "white_thighhighs", "thighhighs", "looking_at_viewer", "twintails", "low_twintails");

    @TempDir
    Path dir;

    @Test
    void randomMetadataKeepsTheRules() throws IOException {
        Implications bundled = Implications.bundled();
        for (long seed = 1; seed <= 4; seed++) {
            Random rnd = new Random(seed);
            Path root = dir.resolve("run" + seed);
            Map<String, SeedKeys> byName = new HashMap<>();
            for (int i = 0; i < 30; i++) {
                List<String> names = new ArrayList<>(NAMES.subList(0, rnd.nextInt(3)));
                List<String> tags = new ArrayList<>();
                for (int t = rnd.nextInt(POOL.size()); t > 0; t--) {
                    tags.add(POOL.get(rnd.nextInt(POOL.size())));
                }
                SeedKeys keys = new SeedKeys(Integer.toString(names.size()), names, "anishot ep" + i, null, tags);
                String name = "ep" + (i % 3) + "/f" + i + ".png";
                Path image = root.resolve(name);
                Files.createDirectories(image.getParent());
                Files.write(image, new byte[]{1});
                SidecarStore.update(image, keys::writeTo);
                byName.put(name, keys);
            }
            String[] args = {"caption", "--src", root.toString(), "--seed", Long.toString(seed * 31), "--shuffle", "--max-tags", "6",
                    "--prob", "count=0.5,characters=0.8,general=0.7", "--no-core-tags", "-q"};
            assertThat(Main.run(args)).isZero();
            Map<String, String> first = captions(root, byName.keySet());

            for (Map.Entry<String, String> e : first.entrySet()) {
                SeedKeys keys = byName.get(e.getKey());
                String caption = e.getValue();
                List<String> parts = caption.isEmpty() ? List.of() : List.of(caption.split(", "));
                String general = keys.general();
                int g = parts.indexOf(general);
                List<String> tags = new ArrayList<>(parts.subList(g + 1, parts.size()));
                String names = String.join(" ", keys.characterList());
                if (g > 0 && !names.isEmpty() && parts.get(g - 1).equals(names)) {
                    assertThat(parts.subList(0, g - 1)).allMatch(p -> p.endsWith("person") || p.endsWith("people"));
                }
                if (g < 0) {
                    tags = parts.stream().filter(p -> POOL.contains(p)).toList();
                }
                assertThat(tags).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(6).isSubsetOf(keys.tagList());
                Set<String> present = new HashSet<>(tags);
                for (String t : tags) {
                    assertThat(bundled.impliedBy(t)).as("%s with what it implies", t).doesNotContainAnyElementsOf(present);
                }
            }
            // deterministic: the same folder copied elsewhere and captioned again gives the same captions
            Path copy = dir.resolve("copy" + seed);
            copyTree(root, copy);
            args[2] = copy.toString();
            assertThat(Main.run(args)).isZero();
            assertThat(captions(copy, byName.keySet())).isEqualTo(first);
        }
    }

    private static Map<String, String> captions(Path root, Set<String> names) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String n : names) {
            Path txt = root.resolve(n.replace(".png", ".txt"));
            out.put(n, Files.exists(txt) ? Files.readString(txt) : "");
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().endsWith(".txt")) {
                    Files.copy(p, t);
                }
            }
        }
    }
}
