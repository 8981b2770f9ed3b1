package org.aniprep.dataset.fanart;

import org.aniprep.console.Problems;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ExtraFolder;
import org.aniprep.sidecar.CaptionInfo;
import org.aniprep.sidecar.FanartInfo;
import org.aniprep.sidecar.SidecarStore;
import org.aniprep.testing.AnimeScenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fan art imported for the per-image stages: copies under their group with the labels given beside them, the
 * originals untouched, and a rerun that converges on the folders as they are now.
 */
class FanartImportTest {
    @Test
    void copiesEachPictureWithTheLabelsGivenBesideIt(@TempDir Path tmp) throws IOException {
        Path art = fanArt(tmp.resolve("fanart"));
        Map<String, String> originals = contents(art);
        Path dst = tmp.resolve("run/frames/_extra");
        Problems problems = new Problems();

        FanartImport.Summary s = new FanartImport(ExtraFolder.parseAll(List.of(art + ":0.5")), dst, problems).run();

        assertThat(s.imported()).isEqualTo(3);
        assertThat(problems.list()).isEmpty();
        assertThat(contents(art)).isEqualTo(originals);
        assertThat(Files.mismatch(art.resolve("sub/lucy.png"), dst.resolve("fanart/sub/lucy.png"))).isEqualTo(-1);
        FanartInfo eileen = info(dst.resolve("fanart/eileen.png"));
        assertThat(eileen.tags()).containsExactly("smile", "long_hair");
        assertThat(eileen.characters()).isEmpty();
        assertThat(eileen.group()).isEqualTo("fanart");
        assertThat(eileen.weight()).isEqualTo(0.5);
        assertThat(eileen.source()).isEqualTo(art.resolve("eileen.png").toAbsolutePath().normalize().toString());
        FanartInfo lucy = info(dst.resolve("fanart/sub/lucy.png"));
        assertThat(lucy.characters()).containsExactly("lucy");
        assertThat(lucy.tags()).containsExactly("1girl", "solo");
        FanartInfo grabbed = info(dst.resolve("fanart/cave.png"));
        assertThat(grabbed.characters()).containsExactly("Eileen");
        assertThat(grabbed.tags()).containsExactly("cave");
    }

    @Test
    void aRerunKeepsWhatIsUnchangedAndFollowsTheFolders(@TempDir Path tmp) throws IOException {
        Path art = fanArt(tmp.resolve("fanart"));
        Path dst = tmp.resolve("run/frames/_extra");
        List<ExtraFolder> extras = ExtraFolder.parseAll(List.of(art.toString()));
        new FanartImport(extras, dst, new Problems()).run();
        Path copy = dst.resolve("fanart/eileen.png");
        SidecarStore.put(copy, "detect", Map.of("faces", 1)); // a later stage's record: kept while the original is unchanged
        Files.writeString(copy.resolveSibling("eileen.txt"), "caption by aniprep");
        SidecarStore.put(copy, CaptionInfo.SECTION, CaptionInfo.written("eileen.txt", "caption by aniprep", 0, false));

        FanartImport.Summary again = new FanartImport(extras, dst, new Problems()).run();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.imported() + again.reimported() + again.removed()).isZero();
        assertThat(SidecarStore.read(copy).has("detect")).isTrue();

        Path cave = art.resolve("cave.png");
        AnimeScenes.writePng(AnimeScenes.picture("bg_washington.jpg"), cave);
        Files.setLastModifiedTime(cave, FileTime.fromMillis(Files.getLastModifiedTime(cave).toMillis() + 5000));
        Files.delete(art.resolve("eileen.png"));
        FanartImport.Summary changed = new FanartImport(extras, dst, new Problems()).run();

        assertThat(changed.reimported()).isEqualTo(1);
        assertThat(changed.removed()).isEqualTo(1);
        assertThat(Files.mismatch(cave, dst.resolve("fanart/cave.png"))).isEqualTo(-1);
        assertThat(copy).doesNotExist();
        assertThat(copy.resolveSibling("eileen.txt")).doesNotExist();
        assertThat(copy.resolveSibling("eileen.json")).doesNotExist();

        FanartImport.Summary none = new FanartImport(List.of(), dst, new Problems()).run();
        assertThat(none.removed()).isEqualTo(2);
        assertThat(art.resolve("cave.png")).exists();
    }

    @Test
    void severalFoldersAreGroupsByNameAndTwinStemsGetTheirOwnRecords(@TempDir Path tmp) throws IOException {
        Path a = Files.createDirectories(tmp.resolve("pixiv"));
        Path b = Files.createDirectories(tmp.resolve("other/pixiv"));
        AnimeScenes.writePng(AnimeScenes.picture("lucy_happy.png"), a.resolve("x.png"));
        AnimeScenes.writeJpeg(AnimeScenes.picture("lucy_mad.png"), a.resolve("x.jpg"), 0.9f);
        AnimeScenes.writePng(AnimeScenes.picture("eileen_happy.png"), b.resolve("y.png"));
        Path dst = tmp.resolve("run/frames/_extra");

        new FanartImport(ExtraFolder.parseAll(List.of(a.toString(), b + ":2")), dst, new Problems()).run();

        assertThat(dst.resolve("fanart_pixiv/x.jpg")).exists(); // the first in name order keeps its name
        assertThat(info(dst.resolve("fanart_pixiv/x_png.png")).source()).endsWith("x.png");
        assertThat(info(dst.resolve("fanart_pixiv_2/y.png")).weight()).isEqualTo(2.0);
    }

    @Test
    void aBadFolderOrWeightIsRefusedInPlainWords(@TempDir Path tmp) {
        assertThatThrownBy(() -> ExtraFolder.parse(tmp.resolve("missing").toString()))
                .isInstanceOf(BadOptions.class).hasMessageContaining("not a folder");
        assertThatThrownBy(() -> ExtraFolder.parse(tmp + ":0"))
                .isInstanceOf(BadOptions.class).hasMessageContaining("above 0");
    }

    /** Three pictures: one with a kohya caption, one with booru JSON in a sub-folder, one with an imgbrd-grabber file. */
    private static Path fanArt(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        AnimeScenes.writePng(AnimeScenes.scene("bg_cave.jpg", 0, AnimeScenes.Actor.at("eileen_happy", 480)), dir.resolve("eileen.png"));
        Files.writeString(dir.resolve("eileen.txt"), "smile, long hair\n");
        AnimeScenes.writePng(AnimeScenes.picture("lucy_happy.png"), dir.resolve("sub/lucy.png"));
        Files.writeString(dir.resolve("sub/lucy.png.json"), "{\"tag_string_character\": \"lucy\", \"tag_string_general\": \"1girl solo\"}");
        AnimeScenes.writePng(AnimeScenes.picture("bg_cave.jpg"), dir.resolve("cave.png"));
        Files.writeString(dir.resolve("cave.tags"), "character: Eileen, unknown\ngeneral: cave\n");
        return dir;
    }

    private static FanartInfo info(Path copy) {
        return SidecarStore.read(copy).get(FanartInfo.SECTION, FanartInfo.class).orElseThrow();
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Long.toString(Files.size(p)) + "/" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
