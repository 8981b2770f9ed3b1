package org.aniprep.io;

import java.nio.file.Path;
import java.text.Normalizer;

/** Turns names that come from data (file names, tags, character names) into safe path parts. */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * A single path component made from arbitrary text: no separators, no "..", no control
     * characters, no leading dot; letters of any script are kept.
     */
    public static String component(String raw, String fallback) {
        String s = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = s.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
        s = s.replaceAll("^\\.+", "").replaceAll("\\s+", "_");
        if (s.isEmpty() || s.equals("..") || s.equals(".")) {
            return fallback;
        }
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    /** Resolves {@code relative} under {@code root} and refuses anything that would land outside. */
    public static Path inside(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("path '" + relative + "' escapes " + base);
        }
        return resolved;
    }

    /** True when {@code inner} is {@code outer} or lies below it (after resolving links where possible). */
    public static boolean isWithin(Path inner, Path outer) {
        Path a = real(inner);
        Path b = real(outer);
        return a.startsWith(b);
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (java.io.IOException e) {
            Path parent = abs.getParent();
            return parent == null ? abs : real(parent).resolve(abs.getFileName());
        }
    }
}
