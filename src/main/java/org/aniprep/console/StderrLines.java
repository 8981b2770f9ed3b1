package org.aniprep.console;

import me.tongfei.progressbar.ProgressBarConsumer;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Shares stderr between progress bars and log lines. On a terminal the bar is redrawn in place and
 * a log line first clears it; in a log file (CI, redirection) the bar is printed as a plain line at
 * most every 10 seconds, so logs stay readable.
 */
public final class StderrLines {
    private static final PrintStream RAW = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    private static final boolean TTY = System.console() != null;
    private static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;
    private static boolean barShown;
    private static boolean installed;

    private StderrLines() {
    }

    /** Routes System.err through the guard (idempotent). */
    public static synchronized void install() {
        if (!installed) {
            installed = true;
            System.setErr(new PrintStream(new Guard(), true, StandardCharsets.UTF_8));
        }
    }

    static ProgressBarConsumer consumer(int maxLength) {
        return new BarConsumer(maxLength);
    }

    private static synchronized void writeLog(byte[] b, int off, int len) {
        if (barShown) {
            RAW.print(TTY ? "\r\033[K" : "");
            barShown = false;
        }
        RAW.write(b, off, len);
    }

    private static synchronized void drawBar(String rendered, boolean last) {
        if (TTY) {
            RAW.print("\r" + rendered + (last ? "\n" : ""));
            barShown = !last;
        } else {
            RAW.println(rendered);
        }
        RAW.flush();
    }

    private static final class Guard extends OutputStream {
        @Override
        public void write(int b) {
            writeLog(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writeLog(b, off, len);
        }
    }

    private static final class BarConsumer implements ProgressBarConsumer {
        private final int maxLength;
        private long lastPlain = System.nanoTime();
        private String latest = "";

        BarConsumer(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public int getMaxRenderedLength() {
            return maxLength;
        }

        @Override
        public void accept(String rendered) {
            latest = rendered;
            if (TTY) {
                drawBar(rendered, false);
            } else if (System.nanoTime() - lastPlain >= PLAIN_INTERVAL_NANOS) {
                lastPlain = System.nanoTime();
                drawBar(rendered, false);
            }
        }

        @Override
        public void close() {
            drawBar(latest, true);
        }
    }
}
