package org.aniprep.sidecar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SidecarStoreTest {
    @TempDir
    Path dir;

    @Test
    void stagesWriteTheirOwnSectionsWithoutLosingOthers() throws IOException {
        Path img = dir.resolve("show_EP01_3.png");
        Files.write(img, new byte[]{1});
        SidecarStore.put(img, FrameSource.SECTION, new FrameSource("/v/show 01.mkv", "show", null, 1, 42, 1.75));
        SidecarStore.put(img, "tags", Map.of("general", Map.of("1girl", 0.98)));
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(1920, 1080));
        Sidecar s = SidecarStore.read(img);
        assertThat(s.get(FrameSource.SECTION, FrameSource.class)).contains(new FrameSource("/v/show 01.mkv", "show", null, 1, 42, 1.75));
        assertThat(s.get(ImageInfo.SECTION, ImageInfo.class)).contains(new ImageInfo(1920, 1080));
        assertThat(s.json().at("/tags/general/1girl").asDouble()).isEqualTo(0.98);
        String text = Files.readString(SidecarStore.pathFor(img));
        assertThat(text).contains("\"frame_index\"").contains("\"file\" : \"show_EP01_3.png\"");
    }

    @Test
    void unknownSectionsSurviveARewrite() throws IOException {
        Path img = dir.resolve("a.png");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":1,\"future\":{\"x\":[1,2]}}");
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(2, 3));
        assertThat(SidecarStore.read(img).json().at("/future/x/1").asInt()).isEqualTo(2);
    }

    @Test
    void corruptSidecarIsAClearError() throws IOException {
        Path img = dir.resolve("a.png");
        Files.writeString(SidecarStore.pathFor(img), "{\"schema\":1,");
        assertThatThrownBy(() -> SidecarStore.read(img)).isInstanceOf(SidecarException.class).hasMessageContaining("a.json");
    }

    @Test
    void moveTakesTheSidecarAlongAndNeverOverwrites() throws IOException {
        Path img = dir.resolve("a.png");
        Files.write(img, new byte[]{1});
        SidecarStore.put(img, ImageInfo.SECTION, new ImageInfo(2, 3));
        Path target = dir.resolve("_removed/a.png");
        SidecarStore.move(img, target);
        assertThat(target).exists();
        assertThat(SidecarStore.pathFor(target)).exists();
        assertThat(img).doesNotExist();
        Files.write(img, new byte[]{2});
        assertThatThrownBy(() -> SidecarStore.move(img, target)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }
}
