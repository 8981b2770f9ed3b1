package org.aniprep.report;

import java.util.List;

/** A table of counts: a header and rows whose first cell may link somewhere. */
public record Counts(String title, List<String> header, List<Row> rows) {
    public record Row(String label, String href, List<String> cells) {
        public static Row of(String label, Object... cells) {
            return new Row(label, null, java.util.Arrays.stream(cells).map(String::valueOf).toList());
        }

        public Row linked(String href) {
            return new Row(label, href, cells);
        }
    }
}
