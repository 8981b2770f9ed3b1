package org.aniprep.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafePathsTest {
    @TempDir
    Path root;

    @Test
    void componentsNeverContainSeparatorsOrDotDot() {
        assertThat(SafePaths.component("../../etc/passwd", "x")).doesNotContain("/").doesNotStartWith(".");
        assertThat(SafePaths.component("..", "x")).isEqualTo("x");
        assertThat(SafePaths.component("Kuraue Hinata", "x")).isEqualTo("Kuraue_Hinata");
        assertThat(SafePaths.component("ヒナタ", "x")).isEqualTo("ヒナタ");
        assertThat(SafePaths.component("a\u0000b:c", "x")).isEqualTo("a_b_c");
    }

    @Test
    void insideRefusesEscapes() {
        assertThat(SafePaths.inside(root, "a/b.png").startsWith(root)).isTrue();
        assertThatThrownBy(() -> SafePaths.inside(root, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafePaths.inside(root, "/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void within() {
        assertThat(SafePaths.isWithin(root.resolve("a/b"), root)).isTrue();
        assertThat(SafePaths.isWithin(root, root.resolve("a"))).isFalse();
    }
}
