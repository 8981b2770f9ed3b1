package org.aniprep.report;

import org.aniprep.console.Problems;
import org.aniprep.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report.html} of a run folder made by the real stages, as headless Chromium renders it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReportBrowserTest {
    Path tmp;
    RunFolderFixture fx;
    Path page;

    @BeforeAll
    void runAndReport(@TempDir Path dir) throws IOException {
        tmp = dir;
        fx = new RunFolderFixture(tmp).runStages();
        List<RunReportData.Stage> rows = new ArrayList<>();
        rows.add(new RunReportData.Stage("extract", RunReportData.Status.NOT_RUN, "frames were given", 0, Map.of(), List.of()));
        fx.stages.forEach((name, rcAndMs) -> rows.add(new RunReportData.Stage(name,
                rcAndMs[0] == 1 ? RunReportData.Status.FAILED : RunReportData.Status.RAN, name.equals("detect")
                ? "faces by FaceBoxes + cascade (offline)" : null, rcAndMs[1] / 1000.0, Map.of("frames", 9L),
                name.equals("filter") ? List.of(new Problems.Problem(fx.episode.resolve("broken.png").toString(), "not an image (truncated PNG)"))
                        : List.of())));
        rows.add(2, new RunReportData.Stage("tag", RunReportData.Status.SKIPPED,
                "model not on this machine (get it: aniprep models fetch wd-eva02)", 0, Map.of(), List.of()));
        page = RunReport.write(fx.layout.report(), new RunReportData(fx.layout, rows));
    }

    @AfterAll
    void clear() {
        RunFolderFixture.clearEnvironment();
    }

    @Test
    void everyPartIsThereWithSharedThumbnailsAndEscapedNames() throws Exception {
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script", "<b class", "<i>&amp;");
        String dom = Chromium.available() ? Chromium.dumpDom(page, tmp.resolve("chromium-dom")) : html;
        assertThat(dom).contains("id=\"stages\"", "id=\"dedup\"", "id=\"filter\"", "id=\"faces\"", "id=\"tree\"", "id=\"failures\"")
                .contains("id=\"character-Lucy\"")
                // the hostile reference name is a character of the run, shown as text
                .contains("Character &lt;b class=")
                .contains("EP01 &lt;i&gt;&amp;amp;")
                .contains("skipped", "aniprep models fetch wd-eva02", "not-run", "FaceBoxes + cascade")
                .contains("broken.png", "filter: not an image (truncated PNG)")
                .doesNotContain("<script", "<b class");
        assertThat(dom).contains("×"); // multiplies in the final tree
        Matcher imgs = Pattern.compile("<img [^>]*loading=\"lazy\"[^>]*src=\"([^\"]+)\"").matcher(dom);
        int n = 0;
        int fromStages = 0;
        String detect = Files.readString(fx.layout.reports().resolve("detect.html"));
        while (imgs.find()) {
            n++;
            String src = imgs.group(1);
            assertThat(page.getParent().resolve(URLDecoder.decode(src, StandardCharsets.UTF_8))).isRegularFile();
            if (src.startsWith("frames/_report/thumbs/") && detect.contains(src.substring("frames/_report/".length()))) {
                fromStages++;
            }
        }
        assertThat(n).isGreaterThan(10);
        // the run's page shows the very JPEGs the stage pages made
        assertThat(fromStages).isPositive();
        // links to each stage's full page
        assertThat(dom).contains("href=\"frames/_report/dedup.html\"", "href=\"frames/_report/detect.html\"",
                "href=\"dataset/_report/dataset.html\"");
        // and into the review app's three views, with the command that starts it
        assertThat(dom).contains("id=\"review\"", "aniprep review " + fx.layout.root(),
                "href=\"http://127.0.0.1:8377/characters\"", "href=\"http://127.0.0.1:8377/frames\"",
                "href=\"http://127.0.0.1:8377/dataset\"");

        Chromium.assumeAvailable();
        Path png = Chromium.screenshot(page, tmp.resolve("report.png"), 1400, 1800, tmp.resolve("chromium-shot"));
        assertThat(Chromium.lumaStdDev(png)).isGreaterThan(8);
        Path keep = Path.of("target", "report-screenshots");
        Files.createDirectories(keep);
        Files.copy(png, keep.resolve("report.html.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
