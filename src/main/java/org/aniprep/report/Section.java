package org.aniprep.report;

import java.util.List;

/**
 * A part of a page: a heading, optional text, links and videos, and a contact sheet.
 *
 * @param id      the anchor, or null
 * @param heading the title
 * @param note    a smaller line beside the title, or null
 * @param kind    a CSS class for the section's frame, or null
 * @param text    preformatted lines (a command's summary), may be empty
 * @param links   links shown as a list (e.g. a stage's reports)
 * @param videos  videos to play (relative links)
 * @param tiles   the contact sheet
 * @param small   square tiles for crops (faces) instead of frame-shaped ones
 * @param more    a link (or, with a null href, a line) for what is not shown, or null
 */
public record Section(String id, String heading, String note, String kind, List<String> text, List<Link> links,
                      List<Link> videos, List<Tile> tiles, boolean small, Link more) {
    public static Section sheet(String id, String heading, String note, List<Tile> tiles) {
        return new Section(id, heading, note, null, List.of(), List.of(), List.of(), tiles, false, null);
    }

    public Section withKind(String kind) {
        return new Section(id, heading, note, kind, text, links, videos, tiles, small, more);
    }

    public Section withText(List<String> text) {
        return new Section(id, heading, note, kind, text, links, videos, tiles, small, more);
    }

    public Section withLinks(List<Link> links) {
        return new Section(id, heading, note, kind, text, links, videos, tiles, small, more);
    }

    public Section withVideos(List<Link> videos) {
        return new Section(id, heading, note, kind, text, links, videos, tiles, small, more);
    }

    public Section squares() {
        return new Section(id, heading, note, kind, text, links, videos, tiles, true, more);
    }

    public Section withMore(Link more) {
        return new Section(id, heading, note, kind, text, links, videos, tiles, small, more);
    }
}
