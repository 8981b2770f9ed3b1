package org.aniprep.report;

import org.aniprep.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stage's report page, made by the real stage commands on a folder with hostile names, as
 * headless Chromium renders it: the expected sections and thumbnails are in the DOM, no name from
 * data became markup, every thumbnail is shared from one store, and the screenshot is not blank.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StagePagesBrowserTest {
    Path tmp;
    RunFolderFixture fx;

    @BeforeAll
    void runStages(@TempDir Path dir) throws IOException {
        tmp = dir;
        fx = new RunFolderFixture(tmp).runStages();
    }

    @AfterAll
    void clear() {
        RunFolderFixture.clearEnvironment();
    }

    @ParameterizedTest
    @CsvSource({
            "frames/_report/dedup.html, g1, 2",
            "frames/_report/filter.html, , 1",
            "frames/_report/detect.html, frames, 4",
            "frames/_report/classify.html, g0, 1",
            "dataset/_report/dataset.html, tree, 4"})
    void pageRendersWithItsThumbnailsAndEscapedNames(String page, String section, int minThumbs) throws Exception {
        Path file = fx.layout.root().resolve(page);
        assertThat(file).as(String.join("\n", fx.output)).isRegularFile();
        String html = Files.readString(file);
        assertThat(html).doesNotContain("<script", "<b class", "<i>&amp;");

        Path work = tmp.resolve("chromium-" + file.getFileName());
        String dom = Chromium.available() ? Chromium.dumpDom(file, work) : html;
        if (section != null) {
            assertThat(dom).contains("id=\"" + section + "\"");
        }
        assertThat(dom).doesNotContain("<script", "<b class");
        Matcher imgs = Pattern.compile("<img [^>]*loading=\"lazy\"[^>]*src=\"([^\"]+)\"").matcher(dom);
        int n = 0;
        while (imgs.find()) {
            n++;
            String src = imgs.group(1);
            // every thumbnail comes from a store and exists
            assertThat(src).contains("thumbs/");
            assertThat(file.getParent().resolve(java.net.URLDecoder.decode(src, java.nio.charset.StandardCharsets.UTF_8))).isRegularFile();
        }
        assertThat(n).as(page).isGreaterThanOrEqualTo(minThumbs);
        if (page.contains("frames/") && !page.contains("classify")) {
            // the hostile episode and frame names are shown as text
            assertThat(dom).contains("EP01 &lt;i&gt;&amp;amp;");
        }
        Chromium.assumeAvailable();
        Path png = Chromium.screenshot(file, tmp.resolve(file.getFileName() + ".png"), 1400, 1000, work);
        assertThat(Chromium.lumaStdDev(png)).as(page).isGreaterThan(8);
        Path keep = Path.of("target", "report-screenshots");
        Files.createDirectories(keep);
        Files.copy(png, keep.resolve(file.getFileName() + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @org.junit.jupiter.api.Test
    void theStagesShareOneThumbnailPerFrame() throws IOException {
        Path thumbs = fx.layout.reports().resolve(ThumbnailStore.DIR);
        long files;
        try (Stream<Path> s = Files.walk(thumbs)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).count();
        }
        String dedup = Files.readString(fx.layout.reports().resolve("dedup.html"));
        String detect = Files.readString(fx.layout.reports().resolve("detect.html"));
        Matcher m = Pattern.compile("src=\"(thumbs/[^\"]+)\"").matcher(dedup);
        assertThat(m.find()).isTrue();
        // dedup's thumbnail of a frame is the one detect shows
        assertThat(detect).contains(m.group(1));
        // frames (whole) + head crops (classify); never one file per page
        assertThat(files).isLessThan(30);
    }
}
