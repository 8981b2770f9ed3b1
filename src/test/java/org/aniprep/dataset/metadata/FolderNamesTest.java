package org.aniprep.dataset.metadata;

import org.aniprep.dataset.arrange.Level;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderNamesTest {
    private static final Path ROOT = Path.of("/data/training");
    private static final List<Level> DEFAULT = FolderNames.DEFAULT_LEVELS;

    private static FolderNames.Label read(String rel, List<Level> levels) {
        return FolderNames.read(ROOT, ROOT.resolve(rel), levels);
    }

    @Test
    void theSeedsTree() {
        FolderNames.Label two = read("2_characters/AobaKokona+KuraueHinata/face_height_ratio_25-50/x.png", DEFAULT);
        assertThat(two.names()).containsExactly("AobaKokona", "KuraueHinata");
        assertThat(two.countFolder()).isEqualTo(2);
        assertThat(read("1_character/AobaKokona/face_height_ratio_0-25/x.png", DEFAULT).names()).containsExactly("AobaKokona");
        assertThat(read("others/face_height_ratio_0-25/x.png", DEFAULT).names()).isEmpty();
        assertThat(read("2_characters/character_others/face_height_ratio_0-25/x.png", DEFAULT).saysWho()).isFalse();
        FolderNames.Label many = read("6+_charcters/A+B+C+D+E+F+G/x.png", DEFAULT);
        assertThat(many.names()).hasSize(7);
        assertThat(many.atLeast()).isTrue();
        assertThat(read("x.png", DEFAULT).saysWho()).isFalse();
        assertThat(read("EP04/x.png", DEFAULT).saysWho()).isFalse();
    }

    @Test
    void foldersAboveTheLevelsAreAllowed() {
        assertThat(read("screenshots/EP04/1_character/Aoi/face_height_ratio_50-75/x.png", DEFAULT).names()).containsExactly("Aoi");
        assertThat(read("fanart_pixiv/others/x.png", DEFAULT).names()).isEmpty();
    }

    @Test
    void otherLevelOrders() {
        List<Level> charFirst = FolderNames.parseLevels("character,n_faces");
        assertThat(read("Aoi+Hinata/2_faces/x.png", charFirst).names()).containsExactly("Aoi", "Hinata");
        assertThat(read("character_others/2_faces/x.png", charFirst).saysWho()).isFalse();
        assertThat(read("2_faces/x.png", charFirst).saysWho()).isFalse();
        List<Level> countLast = FolderNames.parseLevels("face_height_ratio,n_characters,character");
        assertThat(read("face_height_ratio_0-25/1_character/Aoi/x.png", countLast).names()).containsExactly("Aoi");
        List<Level> countOnly = FolderNames.parseLevels("n_characters");
        assertThat(read("others/x.png", countOnly).names()).isEmpty();
        assertThat(read("1_character/x.png", countOnly).saysWho()).isFalse();
    }

    @Test
    void badLevels() {
        assertThatThrownBy(() -> FolderNames.parseLevels("n_characters,n_characters")).hasMessageContaining("twice");
        assertThatThrownBy(() -> FolderNames.parseLevels("hair")).hasMessageContaining("unknown level");
        assertThatThrownBy(() -> FolderNames.parseLevels("face_height_ratio")).hasMessageContaining("no names");
    }
}
