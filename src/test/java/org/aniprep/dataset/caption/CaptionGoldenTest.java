package org.aniprep.dataset.caption;

import org.aniprep.cli.Main;
import org.aniprep.dataset.SeedExample;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's README caption, {@code XXX.txt}, from equivalent sidecars through {@code metadata} and
 * {@code caption}. The seed shuffled its 23 tags and kept 15; a shuffle cannot be matched, so the exact
 * string is made from a record whose tagger kept those 15 tags in the caption's order, and the shuffled
 * run from the full example is checked for everything but the order.
 */
class CaptionGoldenTest {
    private static final String FIXED = "2people, KuraueHinata AobaKokona, anishot yamaS2EP04, fvp 42 70 fhp 22 39 fvp 15 37 fhp 62 75, ";

    @TempDir
    Path dir;

    private static List<String> captionTags() {
        String line = SeedExample.captionLine();
        assertThat(line).startsWith(FIXED);
        return List.of(line.substring(FIXED.length()).split(", "));
    }

    /** The example's frame, its tagger having kept exactly the caption's tags, most probable first in the caption's order. */
    private Path exampleWithCaptionTags() throws IOException {
        Path image = SeedExample.write(dir, "yama_S2EP04_3001");
        List<String> tags = captionTags();
        SidecarStore.update(image, s -> {
            Tags t = s.get(Tags.SECTION, Tags.class).orElseThrow();
            List<Tags.Scored> general = new ArrayList<>();
            for (int i = 0; i < tags.size(); i++) {
                general.add(new Tags.Scored(Tags.displayName(tags.get(i)), 0.9 - i * 0.03));
            }
            return s.put(Tags.SECTION, new Tags(t.model(), t.modelRepo(), t.preprocess(), t.generalThreshold(), false,
                    t.characterThreshold(), false, t.rating(), t.ratings(), general, List.of(), false));
        });
        return image;
    }

    private static Path txt(Path image) {
        return image.resolveSibling(image.getFileName().toString().replace(".png", ".txt"));
    }

    @Test
    void theSeedsCaptionComesOutExactly() throws IOException {
        Path image = exampleWithCaptionTags();
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        // the seed's generate_captions.py: no pruning of any kind
        assertThat(Main.run("caption", "--src", dir.toString(), "--no-prune-implied", "-q")).isZero();
        assertThat(Files.readString(txt(image))).isEqualTo(SeedExample.captionLine());
    }

    @Test
    void byDefaultImpliedTagsArePruned() throws IOException {
        Path image = exampleWithCaptionTags();
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(Main.run("caption", "--src", dir.toString(), "-q")).isZero();
        List<String> expected = new ArrayList<>(captionTags());
        expected.removeAll(List.of("hair_ornament", "bag")); // under hairclip and backpack
        assertThat(Files.readString(txt(image))).isEqualTo(FIXED + String.join(", ", expected));
    }

    @Test
    void theFullExampleShuffledAsTheSeedDid() throws IOException {
        Path image = SeedExample.write(dir, "yama_S2EP04_3001");
        assertThat(Main.run("metadata", "--src", dir.toString(), "-q")).isZero();
        assertThat(Main.run("caption", "--src", dir.toString(), "--no-prune-implied", "--shuffle", "--seed", "7", "-q")).isZero();
        String caption = Files.readString(txt(image));
        assertThat(caption).startsWith(FIXED);
        List<String> tags = List.of(caption.substring(FIXED.length()).split(", "));
        assertThat(tags).hasSize(15).doesNotHaveDuplicates().isSubsetOf(SeedExample.strings(SeedExample.metadata().get("tags")));
        // the same seed, the same caption
        Files.delete(txt(image));
        assertThat(Main.run("caption", "--src", dir.toString(), "--no-prune-implied", "--shuffle", "--seed", "7", "-q")).isZero();
        assertThat(Files.readString(txt(image))).isEqualTo(caption);
        assertThat(SidecarStore.read(image).json().at("/caption/text").asText()).isEqualTo(caption);
        assertThat(Map.of("seed", SidecarStore.read(image).json().at("/caption/seed").asLong())).containsEntry("seed", 7L);
    }
}
