package org.aniprep.filter;

import org.aniprep.sidecar.FilterInfo;

/** What the recogniser read on a frame, from its filter section (empty before the recogniser). */
final class TextReadings {
    private TextReadings() {
    }

    static String of(FilterInfo info) {
        return FilterReport.withReading("", info).replaceFirst("^; ", "");
    }
}
