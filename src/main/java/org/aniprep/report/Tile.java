package org.aniprep.report;

/**
 * One thumbnail on a contact sheet.
 *
 * @param href    what a click opens (relative, encoded), or null
 * @param src     the thumbnail (relative, encoded), or null when there is none
 * @param caption the first caption line (usually the file's name)
 * @param detail  a second, smaller line (scores, distance), or null
 * @param title   hover text (e.g. the caption of a training image), or null
 * @param kind    a CSS class for the tile's frame ({@code kept}, {@code removed}, ...), or null
 * @param overlay boxes drawn over the thumbnail, or null
 */
public record Tile(String href, String src, String caption, String detail, String title, String kind, Overlay overlay) {
    public static Tile of(String href, String src, String caption) {
        return new Tile(href, src, caption, null, null, null, null);
    }

    public Tile withDetail(String detail) {
        return new Tile(href, src, caption, detail, title, kind, overlay);
    }

    public Tile withTitle(String title) {
        return new Tile(href, src, caption, detail, title, kind, overlay);
    }

    public Tile withKind(String kind) {
        return new Tile(href, src, caption, detail, title, kind, overlay);
    }

    public Tile withOverlay(Overlay overlay) {
        return new Tile(href, src, caption, detail, title, kind, overlay);
    }
}
