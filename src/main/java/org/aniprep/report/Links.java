package org.aniprep.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Relative links between report pages and the files they show, so a folder can be moved or zipped. */
public final class Links {
    private Links() {
    }

    /** A percent-encoded relative URL from the folder {@code fromDir} to {@code target}. */
    public static String relative(Path fromDir, Path target) {
        Path from = fromDir.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        return encode(from.relativize(to).toString().replace('\\', '/'));
    }

    /** A relative path, each segment percent-encoded (spaces, '#', '?', '%' in file names). */
    public static String encode(String relative) {
        StringBuilder sb = new StringBuilder();
        for (String part : relative.split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part.equals("..") || part.equals(".") ? part
                    : URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
