package org.aniprep.report;

/** A link on a page: {@code href} relative to the page, already percent-encoded (see {@link Links}). */
public record Link(String href, String label) {
}
