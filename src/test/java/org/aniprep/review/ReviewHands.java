package org.aniprep.review;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link ReviewBrowserTest}'s session steps are carried out in the browser: by mouse ({@link Mouse}) or keyboard only. */
final class ReviewHands {
    private ReviewHands() {
    }
    /** How the session's steps are carried out: by mouse or by keyboard. */
    interface Hands {
        /** Names the group of {@code faceId}; {@code merging}: a group of that name exists, and the user confirms the merge. */
        void nameGroupOf(String faceId, String name, boolean merging);

        void nameFaces(List<String> faceIds, String name);

        void notAFace(String faceId);

        void undo();

        /** Goes to the view of key {@code key} (1, 2, 3) at {@code path}. */
        void toView(String key, String path);

        /** On the frames grid: removes frame {@code rel}. */
        void removeFrame(String rel);

        /** On the frames grid: adds {@code tag} to the frames {@code rels} (a bulk action: it confirms). */
        void tagFrames(List<String> rels, String tag);

        /** On the Dataset view: Apply. */
        void apply();
    }

    /** Clicks, Ctrl-clicks and the action buttons; names are typed into the page's prompt. */
    static final class Mouse implements Hands {
        final Browser b;

        Mouse(Browser b) {
            this.b = b;
        }

        public void nameGroupOf(String faceId, String name, boolean merging) {
            WebElement page = b.page();
            b.face(faceId).findElement(org.openqa.selenium.By.xpath("ancestor::section")).findElement(
                    org.openqa.selenium.By.cssSelector(".namegroup")).click();
            b.answer(name);
            if (merging) {
                b.answer(null);
            }
            b.awaitDone(page);
        }

        public void nameFaces(List<String> faceIds, String name) {
            WebElement page = b.page();
            b.face(faceIds.get(0)).click();
            for (String id : faceIds.subList(1, faceIds.size())) {
                b.actions().keyDown(Keys.CONTROL).click(b.face(id)).keyUp(Keys.CONTROL).perform();
            }
            assertThat(b.find("#selcount").getText()).isEqualTo(faceIds.size() + " selected");
            b.find("#face-actions [data-action=name]").click();
            b.answer(name);
            b.awaitDone(page);
        }

        public void notAFace(String faceId) {
            WebElement page = b.page();
            b.face(faceId).click();
            b.find("#face-actions [data-action=notface]").click();
            b.awaitDone(page);
        }

        public void undo() {
            WebElement page = b.page();
            b.find("#undo").click();
            b.awaitDone(page);
        }

        public void toView(String key, String path) {
            b.find("header nav a[href=\"" + path + "\"]").click();
            b.find("main");
            assertThat(b.raw().getCurrentUrl()).endsWith(path);
        }

        public void removeFrame(String rel) {
            WebElement page = b.page();
            b.find("[data-frame=\"" + rel + "\"]").click();
            b.find("#frame-actions [data-action=remove]").click();
            b.awaitDone(page);
        }

        public void tagFrames(List<String> rels, String tag) {
            WebElement page = b.page();
            b.find("[data-frame=\"" + rels.get(0) + "\"]").click();
            for (String rel : rels.subList(1, rels.size())) {
                b.actions().keyDown(Keys.CONTROL).click(b.find("[data-frame=\"" + rel + "\"]")).keyUp(Keys.CONTROL).perform();
            }
            assertThat(b.find("#selcount").getText()).isEqualTo(rels.size() + " selected");
            b.find("#tag-text").sendKeys(tag);
            b.find("#frame-actions [data-action=tag]").click();
            b.find("dialog#confirm[open] #confirm-yes").click();
            b.awaitDone(page);
        }

        public void apply() {
            b.find("#apply").click();
        }
    }

    /** Keys only (arrows to the tile, Space to select, the action's key; the prompt is typed into and Enter). */
    static final class Keyboard implements Hands {
        final Browser b;

        Keyboard(Browser b) {
            this.b = b;
        }

        /** From a fresh page (no tile focused) to tile {@code faceId}. */
        private void to(String faceId) {
            arrowTo(b.tileIndex(faceId), "data-face", faceId);
        }

        /** From a fresh page, Right {@code index} + 1 times: the tile whose {@code attribute} is {@code id} has the focus. */
        private void arrowTo(int index, String attribute, String id) {
            org.openqa.selenium.interactions.Actions a = b.actions();
            for (int k = 0; k <= index; k++) {
                a.sendKeys(Keys.ARROW_RIGHT);
            }
            a.perform();
            assertThat(b.raw().switchTo().activeElement().getAttribute(attribute)).isEqualTo(id);
        }

        public void nameGroupOf(String faceId, String name, boolean merging) {
            WebElement page = b.page();
            to(faceId);
            b.actions().keyDown(Keys.SHIFT).sendKeys("N").keyUp(Keys.SHIFT).perform();
            b.answer(name);
            if (merging) {
                b.answer(null);
            }
            // the prompt opened while Shift was down, before the key-up reached the page: let go of it
            b.driver.resetInputState();
            b.awaitDone(page);
        }

        public void nameFaces(List<String> faceIds, String name) {
            WebElement page = b.page();
            to(faceIds.get(0));
            selectWithArrows(faceIds, b::tileIndex);
            b.actions().sendKeys("n").perform();
            b.answer(name);
            b.awaitDone(page);
        }

        public void notAFace(String faceId) {
            WebElement page = b.page();
            to(faceId);
            b.actions().sendKeys("d").perform();
            b.awaitDone(page);
        }

        public void undo() {
            WebElement page = b.page();
            b.actions().sendKeys("u").perform();
            b.awaitDone(page);
        }

        public void toView(String key, String path) {
            WebElement page = b.page();
            b.actions().sendKeys(key).perform();
            new WebDriverWait(b.raw(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(path));
            b.find("main");
        }

        /** From a fresh page (no tile focused) to frame tile {@code rel}. */
        private void toFrame(String rel) {
            arrowTo(b.frameIndex(rel), "data-frame", rel);
        }

        /** From the focused first of {@code ids}: Space on it, then arrows to each of the others and Space. */
        private void selectWithArrows(List<String> ids, java.util.function.ToIntFunction<String> index) {
            b.actions().sendKeys(Keys.SPACE).perform();
            int at = index.applyAsInt(ids.get(0));
            for (String id : ids.subList(1, ids.size())) {
                int next = index.applyAsInt(id);
                org.openqa.selenium.interactions.Actions a = b.actions();
                for (int k = at; k != next; k += Integer.signum(next - at)) {
                    a.sendKeys(next > at ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
                }
                a.sendKeys(Keys.SPACE).perform();
                at = next;
            }
            assertThat(b.find("#selcount").getText()).isEqualTo(ids.size() + " selected");
        }

        public void removeFrame(String rel) {
            WebElement page = b.page();
            toFrame(rel);
            b.actions().sendKeys("r").perform();
            b.awaitDone(page);
        }

        public void tagFrames(List<String> rels, String tag) {
            WebElement page = b.page();
            toFrame(rels.get(0));
            selectWithArrows(rels, b::frameIndex);
            b.actions().sendKeys("#").perform();
            b.actions().sendKeys(tag, Keys.ENTER).perform();
            b.find("dialog#confirm[open] #confirm-text");
            b.actions().sendKeys(Keys.ENTER).perform();
            b.awaitDone(page);
        }

        public void apply() {
            b.actions().sendKeys("a").perform();
        }
    }
}
