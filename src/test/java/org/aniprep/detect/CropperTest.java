package org.aniprep.detect;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CropperTest {
    final Path src = Path.of("/data/frames");
    final Path dst = Path.of("/data/crops");

    @Test
    void cropNamesMirrorTheFrameFolderAndAreSafe() {
        Cropper c = new Cropper(src, dst, CropKind.HEADS);
        assertThat(c.target(src.resolve("ep 1/f:01 ?.png"), 2)).isEqualTo(dst.resolve("ep_1/f_01___head2.png"));
        assertThat(c.target(src.resolve("ミク.png"), 0)).isEqualTo(dst.resolve("ミク_head0.png"));
        // a frame outside --src (not possible from the command, but never escapes the crop folder)
        assertThat(c.target(Path.of("/elsewhere/x.png"), 0)).isEqualTo(dst.resolve("x_head0.png"));
    }

    @Test
    void rectanglesFollowTheKind() {
        Detection person = new Detection(100, 50, 500, 700, "person", 0.8f);
        assertThat(CropKind.PERSONS.rect(person, 1280, 720)).containsExactly(100, 50, 500, 700);
        assertThat(CropKind.PERSONS.rect(new Detection(0, 0, 319, 700, "person", 0.8f), 1280, 720)).isNull();
        // 40×60 face at (20..60, 0..60): square side 90 around (40, 30) → [-5, -15, 85, 75] clipped
        assertThat(CropKind.FACES.rect(new Detection(20, 0, 60, 60, "face", 0.9f), 1280, 720)).containsExactly(0, 0, 85, 75);
    }
}
