package org.aniprep.spark;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each task's times and each stage's wall time as the Spark UI's stage page shows them, one line
 * each, for {@code bench/spark.sh} and for anyone without the UI:
 * {@code --conf spark.extraListeners=org.aniprep.spark.TaskTimes} (or {@code -Dspark.extraListeners=…}).
 * <pre>
 * spark: task 0 of stage 0 on executor driver (host): 41.20 s, run 41.05 s, deserialize 0.09 s, gc 0.31 s, success
 * spark: stage 0 (aniprep extract: 2 episode(s)) 2 task(s) in 42.00 s
 * </pre>
 */
public final class TaskTimes extends SparkListener {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo info = end.taskInfo();
        TaskMetrics m = end.taskMetrics();
        double run = m == null ? 0 : m.executorRunTime() / 1000.0;
        double deserialize = m == null ? 0 : m.executorDeserializeTime() / 1000.0;
        double gc = m == null ? 0 : m.jvmGCTime() / 1000.0;
        LOG.info(String.format("spark: task %d of stage %d on executor %s (%s): %.2f s, run %.2f s, deserialize %.2f s, gc %.2f s, %s",
                info.index(), end.stageId(), info.executorId(), info.host(), info.duration() / 1000.0, run, deserialize, gc,
                info.successful() ? "success" : "failed"));
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted completed) {
        StageInfo s = completed.stageInfo();
        long start = s.submissionTime().isDefined() ? (Long) s.submissionTime().get() : 0;
        long stop = s.completionTime().isDefined() ? (Long) s.completionTime().get() : start;
        LOG.info(String.format("spark: stage %d (%s) %d task(s) in %.2f s", s.stageId(), s.name(), s.numTasks(), (stop - start) / 1000.0));
    }
}
