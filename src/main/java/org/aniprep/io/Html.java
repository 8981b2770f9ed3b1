package org.aniprep.io;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the HTML reports need to put names from data into a page safely. */
public final class Html {
    private Html() {
    }

    /** Text or attribute value with {@code & < > "} escaped (null → empty). */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A relative URL from a relative path: each segment percent-encoded (spaces, '#', '?' in file names). */
    public static String url(String relative) {
        StringBuilder sb = new StringBuilder();
        for (String part : relative.split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part.equals("..") ? part : URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
