package org.aniprep.console;

/** "1 frame", "2 frames": counts in log lines read as English. */
public final class Plural {
    private Plural() {
    }

    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
