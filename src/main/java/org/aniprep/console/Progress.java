package org.aniprep.console;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** A progress bar on stderr with count, rate and ETA; silent under {@code --quiet}. Thread-safe. */
public final class Progress implements AutoCloseable {
    private static volatile boolean quiet;
    private static volatile String prefix = "";

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static void setQuiet(boolean q) {
        quiet = q;
    }

    public static boolean isQuiet() {
        return quiet;
    }

    /**
     * Put before every task name from now on ({@code aniprep run} sets {@code "[4/10, ~1:05 left] "} while its
     * fourth stage runs, so its bars read as one display); empty for none.
     */
    public static void setPrefix(String p) {
        prefix = p == null ? "" : p;
    }

    /**
     * @param task  what is counted, e.g. "extract"
     * @param unit  the unit name shown with the rate, e.g. "frames"
     * @param total the expected total, or -1 when unknown
     */
    public static Progress start(String task, String unit, long total) {
        if (quiet) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(prefix + task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(500)
                .setConsumer(StderrLines.consumer(110))
                .continuousUpdate()
                .build();
        return new Progress(bar);
    }

    public void step() {
        stepBy(1);
    }

    public void stepBy(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    public void setTotal(long total) {
        if (bar != null) {
            bar.maxHint(total);
        }
    }

    public void setExtra(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    public long current() {
        return bar == null ? 0 : bar.getCurrent();
    }

    public Duration elapsed() {
        return bar == null ? Duration.ZERO : bar.getTotalElapsed();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
