package org.aniprep.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.aniprep.sidecar.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames view in headless chromium, keyboard only: select three frames and tag them (the page
 * asks first, saying how many frames change), restore every filtered frame, the {@code ?} overlay of
 * each page, and on a frame's page remove it, undo that and write its caption. Screenshots land in
 * {@code target/review-screens/frames-*.png}.
 */
class FramesBrowserTest {
    @TempDir
    Path tmp;
    ReviewServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode review(Path frames, String rel) throws IOException {
        return Json.MAPPER.readTree(frames.resolve(rel.replace(".png", ".json")).toFile()).path("review");
    }

    private static void press(Browser b, CharSequence... keys) {
        b.actions().sendKeys(keys).perform();
    }

    /** Waits for the confirm step, returns what it says, and goes on with Enter. */
    private static String confirm(Browser b, String shot) throws IOException {
        String text = b.text("dialog#confirm[open] #confirm-text");
        b.screenshot(shot);
        press(b, Keys.ENTER);
        return text;
    }

    private static String keysShown(Browser b, String shot) throws IOException {
        press(b, "?");
        String keys = b.text("dialog#keys[open] #keylist");
        b.screenshot(shot);
        press(b, Keys.ESCAPE);
        return keys;
    }

    @Test
    void aKeyboardOnlySessionOverTheFramesView() throws Exception {
        Path run = ReviewFixture.runFolder(tmp.resolve("run"));
        Path frames = run.resolve("frames");
        try (Browser b = Browser.open()) {
            server = ReviewServer.start(ReviewFolder.of(run), new ReviewServer.Options("127.0.0.1", 0, ReviewServer.defaultViews()));
            String base = "http://127.0.0.1:" + server.port();
            b.get(server.url());
            b.find("#face-actions");
            press(b, "2");
            b.find("#frame-actions");
            assertThat(b.raw().getCurrentUrl()).endsWith("/frames");

            // three frames, then a tag: the page asks before it changes more than one
            press(b, Keys.ARROW_RIGHT, Keys.SPACE, Keys.ARROW_RIGHT, Keys.SPACE, Keys.ARROW_RIGHT, Keys.SPACE);
            assertThat(b.text("#selcount")).isEqualTo("3 selected");
            press(b, "#");
            WebElement page = b.page();
            press(b, "red hair", Keys.ENTER);
            assertThat(confirm(b, "frames-confirm")).isEqualTo("Add the tag red_hair to 3 frames. Go on? (undo takes it back)");
            b.awaitDone(page);
            for (String rel : List.of("EP01/f001.png", "EP01/f002.png", "EP01/f003.png")) {
                assertThat(review(frames, rel).path("tags").path("add").toString()).as(rel).isEqualTo("[\"red_hair\"]");
            }
            assertThat(review(frames, "EP01/f004.png").isMissingNode()).isTrue();
            b.screenshot("frames-grid");

            String gridKeys = keysShown(b, "frames-keys");
            assertThat(gridKeys).contains("remove the frames").contains("restore removed frames").contains("add the tag")
                    .contains("scope: the selection / every filtered frame").contains("next page").contains("select every tile")
                    .contains("undo the last action").contains("show these shortcuts");

            // every frame the filter removed, back in the dataset
            b.get(base + "/frames?verdict=filter");
            b.find("#frame-actions");
            press(b, "s");
            page = b.page();
            b.actions().keyDown(Keys.SHIFT).sendKeys("R").keyUp(Keys.SHIFT).perform();
            assertThat(confirm(b, "frames-confirm-filtered")).isEqualTo("Restore 1 frame. Go on? (undo takes it back)");
            b.awaitDone(page);
            assertThat(frames.resolve("EP01/f009.png")).exists();
            assertThat(review(frames, "EP01/f009.png").path("frame").path("decision").asText()).isEqualTo("keep");

            // a frame's page: remove it (no confirm for one frame), follow it, undo, then its caption
            b.get(base + "/frame/EP01/f004.png");
            b.find("#remove");
            page = b.page();
            press(b, "r");
            b.awaitDone(page);
            assertThat(b.raw().getCurrentUrl()).endsWith("/frame/_removed/EP01/f004.png");
            assertThat(b.text("#verdict")).contains("Removed: removed by you");
            assertThat(frames.resolve("_removed/EP01/f004.png")).exists();
            page = b.page();
            press(b, "u");
            b.awaitDone(page);
            new WebDriverWait(b.raw(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/frame/EP01/f004.png"));
            assertThat(frames.resolve("EP01/f004.png")).exists();

            press(b, "e");
            b.actions().keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("Lucy in a green dress").perform();
            page = b.page();
            b.actions().keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            b.awaitDone(page);
            assertThat(review(frames, "EP01/f004.png").path("caption").asText()).isEqualTo("Lucy in a green dress");
            assertThat(b.text("#caption-note")).startsWith("your caption");
            b.screenshot("frames-frame");

            String frameKeys = keysShown(b, "frames-frame-keys");
            assertThat(frameKeys).contains("previous frame").contains("next frame").contains("back to the frames grid")
                    .contains("remove this frame").contains("edit the caption").doesNotContain("select every tile");
            press(b, "b");
            b.find("#grid");
            assertThat(Files.exists(frames.resolve("_removed/EP01/f004.png"))).isFalse();
        }
    }
}
