package org.aniprep.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.aniprep.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders the report templates ({@code src/main/jte}, compiled to Java at build time by the jte Maven
 * plugin with HTML content type, so every {@code ${...}} is escaped for where it stands) and writes
 * pages atomically.
 */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "org.aniprep.report.templates");

    private Pages() {
    }

    /** The page {@code template} (e.g. {@code "page.jte"}) for {@code model}, as text. */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput(64 * 1024);
        ENGINE.render(template, model, out);
        return out.toString();
    }

    /** Renders and writes one page; returns its path. */
    public static Path write(Path file, String template, Object model) throws IOException {
        AtomicFiles.writeString(file, render(template, model));
        return file;
    }

    /** A generic page ({@code page.jte}: summary, tables, sections of thumbnails, pager, failures). */
    public static Path write(Path file, Page page) throws IOException {
        return write(file, "page.jte", page);
    }
}
