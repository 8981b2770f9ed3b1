package org.aniprep.spark;

/** One plain line for a failed Spark job: the task's own message (the cause aniprep threw), not Spark's stack. */
final class SparkFailures {
    private SparkFailures() {
    }

    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // "Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure: Lost task ...: java.io.IOException: <ours>\n\tat ..."
        int io = m.indexOf("java.io.IOException: ");
        String line = io >= 0 ? m.substring(io + "java.io.IOException: ".length()) : m;
        int nl = line.indexOf('\n');
        line = nl >= 0 ? line.substring(0, nl) : line;
        return "Spark job failed: " + line.trim();
    }
}
