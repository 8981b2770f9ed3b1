package org.aniprep.demo;

import org.aniprep.io.MediaFiles;
import org.aniprep.report.Link;
import org.aniprep.report.Links;
import org.aniprep.report.Page;
import org.aniprep.report.Pages;
import org.aniprep.report.Section;
import org.aniprep.report.ThumbnailStore;
import org.aniprep.report.Tile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code index.html} in the demo folder: the cast, the episodes (playable), and for every stage its
 * summary, links to its HTML reports and a contact sheet of each folder it pointed at (thumbnails
 * from the stages' shared store in {@code frames/_report}). Links are relative, so the folder can be
 * moved or zipped.
 */
final class DemoIndex {
    private static final Logger LOG = LoggerFactory.getLogger(DemoIndex.class);
    /** Thumbnails per folder; enough to see what a stage did, with a link to the folder for the rest. */
    static final int SHOWN_THUMBNAILS = 40;

    /** One stage's part of the page; {@code command} names its anchor. */
    record Section(String command, String title, List<String> lines, List<Path> lookAt) {
    }

    private final DemoLayout layout;
    private final ThumbnailStore store;

    DemoIndex(DemoLayout layout) {
        this.layout = layout;
        this.store = ThumbnailStore.at(layout.reports(), (f, why) -> LOG.warn("{}: {}", f, why));
    }

    static Path path(DemoLayout layout) {
        return layout.root().resolve("index.html");
    }

    void write(List<SampleEpisodes.Episode> episodes, List<Section> sections) throws IOException {
        List<Link> nav = new ArrayList<>(List.of(new Link(link(layout.report()), "run report"), new Link("#cast", "cast"),
                new Link("#episodes", "episodes")));
        sections.forEach(s -> nav.add(new Link("#" + Links.encode(s.command()), s.command())));
        Page.Builder page = Page.titled("aniprep demo").nav(nav);
        Path cast = layout.storyboard().resolve("cast.png");
        page.section(org.aniprep.report.Section.sheet("cast", "Cast", null,
                List.of(Tile.of(link(cast), link(cast), "cast.png"))).withKind("wide"));
        List<Link> videos = new ArrayList<>();
        List<Link> storyboards = new ArrayList<>();
        for (SampleEpisodes.Episode ep : episodes) {
            ClipScript s = ep.script();
            String name = ep.video().getFileName().toString();
            videos.add(new Link(link(ep.video()), String.format(Locale.ROOT, "%s: %.1f s, %d frames, %d shots, %d distinct pictures",
                    name, s.seconds(), s.frameCount(), s.shots().size(), s.uniquePictures().size())));
            storyboards.add(new Link(link(SampleEpisodes.scriptFile(layout, ep.video())), "storyboard of " + name));
        }
        page.section(org.aniprep.report.Section.sheet("episodes", "Episodes", null, List.of())
                .withVideos(videos).withLinks(storyboards));
        for (Section section : sections) {
            List<Link> reports = new ArrayList<>();
            for (Path p : section.lookAt()) {
                if (p.getFileName().toString().endsWith(".html") && Files.isRegularFile(p)) {
                    reports.add(new Link(link(p), "Report: " + layout.show(p)));
                }
            }
            page.section(org.aniprep.report.Section.sheet(section.command(), section.title(), null, List.of())
                    .withText(section.lines()).withLinks(reports));
            for (Path p : section.lookAt()) {
                if (Files.isDirectory(p)) {
                    page.section(gallery(p));
                }
            }
        }
        Pages.write(path(layout), page.build());
    }

    private org.aniprep.report.Section gallery(Path folder) throws IOException {
        List<Path> images = MediaFiles.find(folder, false, null, MediaFiles::isImage, (f, m) -> { }, Set.of());
        List<Path> shown = images.subList(0, Math.min(images.size(), SHOWN_THUMBNAILS));
        Map<Path, String> thumbs = store.thumbs(shown);
        List<Tile> tiles = new ArrayList<>();
        for (Path img : shown) {
            String thumb = thumbs.get(img);
            tiles.add(Tile.of(link(img), thumb == null ? null : link(store.reportDir().resolve(thumb)), img.getFileName().toString()));
        }
        // the page is written after every stage, so a folder shows what later stages left in it
        org.aniprep.report.Section s = org.aniprep.report.Section.sheet(null, layout.show(folder),
                images.size() + " images now", tiles);
        return images.size() > shown.size()
                ? s.withMore(new Link(link(folder) + "/", "… and " + (images.size() - shown.size()) + " more in " + layout.show(folder)))
                : s;
    }

    /** A relative, percent-encoded link from the demo folder. */
    private String link(Path p) {
        return Links.relative(layout.root(), p);
    }
}
