package org.aniprep.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {
    @Test
    void aNewlineInAFileNameStaysOnOneLine() {
        Problems problems = new Problems();
        problems.add(Path.of("/d/ep\n01.png"), "not an image\r\t(\u001b[31m)");
        assertThat(problems.list().get(0).toString()).isEqualTo("/d/ep\\n01.png: not an image\\r\\t(\\u001b[31m)")
                .doesNotContain("\n");
        assertThat(Problems.printable("名前 - 01.png")).isEqualTo("名前 - 01.png");
    }

    @Test
    void countsReadAsEnglish() {
        assertThat(Plural.of(1, "frame")).isEqualTo("1 frame");
        assertThat(Plural.of(0, "frame")).isEqualTo("0 frames");
        assertThat(Plural.of(7, "frame")).isEqualTo("7 frames");
    }
}
