package org.aniprep.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ultralytics export metadata imgutils reads: {@code imgsz} (a JSON list, read as width then
 * height) and {@code names} (a Python dict literal such as {@code {0: 'face'}}).
 */
public final class YoloMetadata {
    private static final Pattern SIZE = Pattern.compile("^\\s*\\[\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?]\\s*$");
    private static final Pattern ENTRY = Pattern.compile("(\\d+)\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\")");

    private YoloMetadata() {
    }

    /** {@code [w, h]} from {@code imgsz}; a single value means a square. */
    public static Optional<int[]> size(Map<String, String> metadata) {
        String v = metadata.get("imgsz");
        if (v == null) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = m.group(2) == null ? w : Integer.parseInt(m.group(2));
        return w > 0 && h > 0 ? Optional.of(new int[]{w, h}) : Optional.empty();
    }

    /** Labels by class index from {@code names}; empty when absent or unreadable. */
    public static List<String> names(Map<String, String> metadata) {
        String v = metadata.get("names");
        if (v == null) {
            return List.of();
        }
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        Matcher m = ENTRY.matcher(v);
        while (m.find()) {
            String s = m.group(2) != null ? m.group(2) : m.group(3);
            byIndex.put(Integer.parseInt(m.group(1)), s.replaceAll("\\\\(.)", "$1"));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; byIndex.containsKey(i); i++) {
            out.add(byIndex.get(i));
        }
        return out;
    }
}
