package org.aniprep.review;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless {@code chromium} driven through {@code /usr/bin/chromedriver} (Selenium; never
 * Selenium Manager, which would download a browser). A test that opens one is skipped, with the reason,
 * where either program is missing ({@code apt-get install chromium chromium-driver}, as {@code .ci/run}
 * does). Paths can be changed with {@code -Daniprep.chromium=...} and {@code -Daniprep.chromedriver=...}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("aniprep.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("aniprep.chromedriver", "/usr/bin/chromedriver"));
    /** Screenshots of each view land here, to be looked at. */
    static final Path SHOTS = Path.of("target", "review-screens");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Starts the browser, or skips the test (a JUnit assumption) when chromium or chromedriver is not installed. */
    static Browser open() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM + " (apt-get install chromium): browser test skipped");
        assumeTrue(Files.isExecutable(DRIVER), "no chromedriver at " + DRIVER + " (apt-get install chromium-driver): browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1800", "--lang=en-US", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        return new Browser(new ChromeDriver(service, options));
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The text of the first element matching {@code css}, read again when the page replaces it meanwhile. */
    String text(String css) {
        return wait.until(d -> {
            try {
                return d.findElement(By.cssSelector(css)).getText();
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The face tile of {@code id} ({@code EP01/f03.png#face1}). */
    WebElement face(String id) {
        return find("[data-face=\"" + id + "\"]");
    }

    /** The position of a tile among all the page's tiles, as the page's keyboard cursor counts them. */
    int tileIndex(String faceId) {
        List<WebElement> tiles = all("[data-face], [data-frame]");
        for (int i = 0; i < tiles.size(); i++) {
            String f = tiles.get(i).getAttribute("data-face");
            if (faceId.equals(f)) {
                return i;
            }
        }
        throw new AssertionError("no tile " + faceId + " on " + driver.getCurrentUrl());
    }

    /** The position of frame {@code rel}'s tile among the page's tiles. */
    int frameIndex(String rel) {
        List<WebElement> tiles = all("[data-face], [data-frame]");
        for (int i = 0; i < tiles.size(); i++) {
            if (rel.equals(tiles.get(i).getAttribute("data-frame"))) {
                return i;
            }
        }
        throw new AssertionError("no frame tile " + rel + " on " + driver.getCurrentUrl());
    }

    /** Waits until the Dataset view, reloaded by its Apply, says the Apply is over; returns its state. */
    String awaitApplied(WebElement before) {
        new WebDriverWait(driver, java.time.Duration.ofMinutes(3)).until(d -> {
            try {
                before.getTagName();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        new WebDriverWait(driver, java.time.Duration.ofMinutes(3)).until(d -> {
            try {
                String state = d.findElement(By.id("apply-state")).getAttribute("data-state");
                return state != null && !state.equals("running") && !state.equals("idle");
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        return find("#apply-state").getAttribute("data-state") + ": " + text("#apply-state");
    }

    Actions actions() {
        return new Actions(driver);
    }

    /** Answers the page's prompt with {@code text} (typed) and accepts it. */
    void answer(String text) {
        Alert a = wait.until(ExpectedConditions.alertIsPresent());
        if (text != null) {
            a.sendKeys(text);
        }
        a.accept();
    }

    /** The page as it is now (its html element: stale once the page reloads). */
    WebElement page() {
        return driver.findElement(By.tagName("html"));
    }

    /** Waits until an action started on {@code before} reloaded the page and says it was done; fails with what the page said. */
    String awaitDone(WebElement before) {
        WebDriverWait w = new WebDriverWait(driver, WAIT);
        w.until(d -> {
            try {
                WebElement s = before.findElement(By.id("status"));
                if (s.getAttribute("class").contains("bad")) {
                    throw new AssertionError("the page refused: " + s.getText());
                }
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                // chromium reports a node of the page being replaced as an inspector error, not as stale
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        String said = text("#status");
        if (!said.startsWith("done")) {
            throw new AssertionError("after the reload the page says '" + said + "'");
        }
        return said;
    }

    /** Saves what the browser shows (the whole page, up to 4000 px high) as {@code target/review-screens/NAME.png}. */
    Path screenshot(String name) throws IOException {
        Object h = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        int height = Math.min(4000, Math.max(600, ((Number) h).intValue()));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, height));
        Files.createDirectories(SHOTS);
        Path out = SHOTS.resolve(name + ".png");
        Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1800));
        return out;
    }

    WebDriver raw() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
