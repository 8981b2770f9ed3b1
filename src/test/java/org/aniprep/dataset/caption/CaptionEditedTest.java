package org.aniprep.dataset.caption;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.aniprep.sidecar.CaptionInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.SidecarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A caption edited by another tool since aniprep wrote it is kept, marked edited, and rewritten only with --overwrite. */
class CaptionEditedTest {
    @TempDir
    Path dir;

    private final CaptionStage stage = new CaptionStage();

    private StageResult caption(String... extra) throws Exception {
        CaptionStage.Options o = stage.newOptions();
        List<String> args = new java.util.ArrayList<>(List.of("--src", dir.toString(), "--no-core-tags"));
        args.addAll(List.of(extra));
        new CommandLine(o).parseArgs(args.toArray(String[]::new));
        return stage.run(o, new StageContext(new Problems()));
    }

    private Path image(String name, List<String> tags) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, new byte[] {1});
        SidecarStore.update(p, new SeedKeys("1", List.of("Aoi"), "anishot EP01", null, tags)::writeTo);
        return p;
    }

    @Test
    void anEditedCaptionIsKeptAndMarkedUntilOverwrite() throws Exception {
        Path a = image("a.png", List.of("long_hair", "smile"));
        Path b = image("b.png", List.of("short_hair"));
        caption();
        Path txt = dir.resolve("a.txt");
        String ours = Files.readString(txt);
        CaptionInfo info = SidecarStore.read(a).get(CaptionInfo.SECTION, CaptionInfo.class).orElseThrow();
        assertThat(info.sha256()).isEqualTo(CaptionInfo.sha256(ours));
        assertThat(info.edited()).isNull();

        String theirs = "Aoi, long hair, smiling at the camera"; // as TagGUI would save it
        Files.writeString(txt, theirs);
        // the tags change, so the next caption would differ from both
        SidecarStore.update(a, new SeedKeys("1", List.of("Aoi"), "anishot EP01", null, List.of("long_hair", "grin"))::writeTo);
        SidecarStore.update(b, new SeedKeys("1", List.of("Aoi"), "anishot EP01", null, List.of("short_hair", "grin"))::writeTo);
        StageResult again = caption();
        assertThat(txt).hasContent(theirs);
        assertThat(dir.resolve("b.txt")).content().contains("grin");
        assertThat(SidecarStore.read(a).get(CaptionInfo.SECTION, CaptionInfo.class).orElseThrow().isEdited()).isTrue();
        assertThat(again.counts()).containsEntry("edited", 1L).containsEntry("written", 1L);
        assertThat(again.lines()).singleElement().asString()
                .isEqualTo("1 .txt file(s) written, 0 unchanged, 1 edited since aniprep wrote them kept (--overwrite rewrites them)");

        caption();
        assertThat(txt).as("and on every later run").hasContent(theirs);

        caption("--overwrite");
        assertThat(txt).content().contains("grin").isNotEqualTo(theirs);
        CaptionInfo rewritten = SidecarStore.read(a).get(CaptionInfo.SECTION, CaptionInfo.class).orElseThrow();
        assertThat(rewritten.edited()).isNull();
        assertThat(rewritten.sha256()).isEqualTo(CaptionInfo.sha256(Files.readString(txt)));
    }
}
