package org.aniprep.dataset.metadata;

import org.aniprep.dataset.SeedExample;
import org.aniprep.dataset.caption.CaptionStage;
import org.aniprep.pipeline.StageRunner;
import org.aniprep.sidecar.CaptionInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.sidecar.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's tag edits and caption (the review section) through metadata and caption, and across reruns. */
class MetadataReviewTest {
    @TempDir
    Path dir;

    private static Tags tagged(String... general) {
        return new Tags("wd14-test", null, "wd14-a", 0.35, false, 0.85, false, "general", Map.of("general", 0.9),
                java.util.Arrays.stream(general).map(g -> new Tags.Scored(g, 0.8)).toList(), List.of(), false);
    }

    private int metadata() throws Exception {
        MetadataStage stage = new MetadataStage();
        MetadataStage.Options o = stage.newOptions();
        new CommandLine(o).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--src", dir.toString(), "--general", "anishot test");
        return StageRunner.alone(stage, o, "test", false);
    }

    private int caption() throws Exception {
        CaptionStage stage = new CaptionStage();
        CaptionStage.Options o = stage.newOptions();
        new CommandLine(o).parseArgs("--src", dir.toString(), "--no-core-tags");
        return StageRunner.alone(stage, o, "test", false);
    }

    @Test
    void tagsAreTheTaggersMinusRemovedPlusAddedAndCaptionsKeepThem() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), new byte[]{1, 2, 3});
        SidecarStore.update(image, s -> s.put("classify", SeedExample.classify(List.of("Aoi")))
                .put(Tags.SECTION, tagged("long hair", "blush", "smile"))
                .put(ReviewInfo.SECTION, new ReviewInfo(List.of(), null,
                        new ReviewInfo.TagEdits(List.of("red_hair", "smile"), List.of("blush")), null)));
        assertThat(metadata()).isZero();
        assertThat(SeedKeys.read(SidecarStore.read(image)).tags()).containsExactly("long_hair", "smile", "red_hair");
        assertThat(caption()).isZero();
        String caption = Files.readString(dir.resolve("a.txt"));
        assertThat(caption).contains("red_hair").contains("long_hair").doesNotContain("blush");

        assertThat(metadata()).as("a rerun applies the edits once").isZero();
        assertThat(SeedKeys.read(SidecarStore.read(image)).tags()).containsExactly("long_hair", "smile", "red_hair");
        assertThat(caption()).isZero();
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo(caption);
    }

    /** Imported fan art: its given names beat classify's, its given tags come first, and general says fanart. */
    @Test
    void fanArtKeepsItsGivenLabels() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), new byte[]{1, 2, 3});
        SidecarStore.update(image, s -> s.put("classify", SeedExample.classify(List.of("Aoi")))
                .put(Tags.SECTION, tagged("long hair", "smile"))
                .put(org.aniprep.sidecar.FanartInfo.SECTION, new org.aniprep.sidecar.FanartInfo("/art/a.png", "fanart", 0.5, 3, 0,
                        List.of("Mio"), List.of("smile", "school_uniform"))));
        assertThat(metadata()).isZero();
        SeedKeys keys = SeedKeys.read(SidecarStore.read(image));
        assertThat(keys.characterList()).containsExactly("Mio");
        assertThat(keys.tags()).containsExactly("smile", "school_uniform", "long_hair");
        assertThat(keys.general()).isEqualTo("anishot test fanart");
        assertThat(SidecarStore.read(image).get(org.aniprep.sidecar.MetadataInfo.SECTION, org.aniprep.sidecar.MetadataInfo.class)
                .orElseThrow().charactersFrom()).isEqualTo("given");
    }

    @Test
    void aUserCaptionIsWrittenExactlyAsItIs() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), new byte[]{1, 2, 3});
        String mine = "Aoi,  on stage; (smiling)\nsecond line ";
        SidecarStore.update(image, s -> s.put("classify", SeedExample.classify(List.of("Aoi")))
                .put(Tags.SECTION, tagged("long hair"))
                .put(ReviewInfo.SECTION, new ReviewInfo(List.of(), null, null, mine)));
        assertThat(metadata()).isZero();
        assertThat(caption()).isZero();
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo(mine);
        CaptionInfo info = SidecarStore.read(image).get(CaptionInfo.SECTION, CaptionInfo.class).orElseThrow();
        assertThat(info.text()).isEqualTo(mine);
        assertThat(info.user()).isTrue();
        assertThat(info.sha256()).isEqualTo(CaptionInfo.sha256(mine));
        assertThat(caption()).isZero();
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo(mine);
    }
}
