package org.aniprep.spark;

import org.aniprep.console.Problems;
import org.aniprep.model.OnnxSessions;
import org.aniprep.pipeline.BoundStage;
import org.aniprep.pipeline.PerImage;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.Setting;
import org.aniprep.pipeline.Stage;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Spark task needs to run a per-image stage ({@link PerImage}: filter, detect, tag, classify's embedding) on one partition of
 * the driver's list of images still to do: the stage's class, the run's layout and the stage's settings as
 * strings. On the executor the stage is bound again from the same settings, and
 * {@link PerImage#process} runs on the partition's images with the task's budget: intra-op threads and
 * worker threads = {@code spark.task.cpus}, and for {@code --device cuda} the task's GPU (its
 * {@code gpu} resource), else the CPU (in {@code local[N]}, without GPU resources, the driver's GPU 0,
 * as a local run). The models are opened once per executor JVM and budget ({@code model.ModelCache}).
 * Each image's section is written by the task straight into its sidecar (atomic, the image's own name);
 * the task returns only counts and bad inputs.
 */
record ImageTask(String stageClass, String stage, String videos, String root, String refs, List<String> extras,
                 List<List<String>> settings, SparkVersions driver, boolean local, int share) implements Serializable {

    /** A partition's result: the stage's counts, its bad inputs, and where, with what and how long it ran. */
    record Outcome(int partition, Map<String, Long> counts, List<EpisodeTask.Problem> problems, String host, int images,
                   int threads, int gpu, long millis) implements Serializable {
    }

    /**
     * @param share the cores each task may use ({@link #share}): more than {@code spark.task.cpus} when the
     *              stage has fewer tasks than the cluster has slots
     */
    static ImageTask of(BoundStage<?> stage, RunLayout layout, SparkVersions driver, boolean local, int share) {
        return new ImageTask(stage.stage().getClass().getName(), stage.name(), layout.videos().toString(), layout.root().toString(),
                layout.refs() == null ? null : layout.refs().toString(), List.copyOf(layout.extras()),
                EpisodeTask.flatten(stage.settings()), driver, local, share);
    }

    /**
     * A task's cores when the stage has {@code tasks} tasks on {@code cores} cores in all: its
     * {@code spark.task.cpus}, times how many slots would otherwise stay idle per task. Filter's tasks are
     * whole episodes: with one episode on local[2] a task of one core left the other idle and filter took
     * twice as long as locally. A task may then be given more threads than the slot Spark reserved; the
     * executor caps them at its own cores ({@link #budget}).
     */
    static int share(int cores, int taskCpus, int tasks) {
        int slots = Math.max(1, cores / Math.max(1, taskCpus));
        return Math.max(1, taskCpus) * Math.max(1, slots / Math.max(1, tasks));
    }

    /** A partition of whole groups (filter's episodes): their images, in one {@link PerImage#process} call. */
    Iterator<Outcome> processGroups(Iterator<List<String>> groups) throws IOException {
        List<String> images = new ArrayList<>();
        groups.forEachRemaining(images::addAll);
        return process(images.iterator());
    }

    Iterator<Outcome> process(Iterator<String> items) throws IOException {
        long t0 = System.currentTimeMillis();
        List<Path> images = new ArrayList<>();
        items.forEachRemaining(s -> images.add(Path.of(s)));
        TaskContext task = TaskContext.get();
        int partition = task == null ? 0 : task.partitionId();
        String host = EpisodeTask.host();
        java.util.Optional<String> versions = SparkVersions.executorMismatch(driver, SparkVersions.here(), host);
        if (versions.isPresent()) {
            throw new IOException(versions.get());
        }
        if (!Files.isDirectory(Path.of(root))) {
            throw new IOException("--dst " + root + " cannot be seen on executor host " + host
                    + " (inputs and the run folder must be on a path every executor sees, docs/spark.md)");
        }
        OnnxSessions.Budget budget = budget(task);
        Problems problems = new Problems();
        Map<String, Long> counts;
        try (AutoCloseable scope = OnnxSessions.within(budget)) {
            counts = images.isEmpty() ? Map.of() : process(bind(), images, problems);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        List<EpisodeTask.Problem> bad = new ArrayList<>(problems.list().stream().map(p -> new EpisodeTask.Problem(p.file(), p.message())).toList());
        return List.of(new Outcome(partition, new LinkedHashMap<>(counts), bad, host, images.size(), budget.threads(), budget.gpu(),
                System.currentTimeMillis() - t0)).iterator();
    }

    private static <O> Map<String, Long> process(BoundStage<O> stage, List<Path> images, Problems problems) throws IOException {
        PerImage<O, ?> work = stage.stage().perImage()
                .orElseThrow(() -> new IllegalStateException(stage.name() + " has no per-image work"));
        return work.process(stage.options(), images, problems);
    }

    private BoundStage<?> bind() throws IOException {
        Stage<?> s;
        try {
            s = (Stage<?>) Class.forName(stageClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("stage " + stage + " (" + stageClass + ") cannot be made on executor host " + EpisodeTask.host(), e);
        }
        RunLayout layout = new RunLayout(Path.of(videos), Path.of(root), refs == null ? null : Path.of(refs), extras);
        List<Setting> decoded = EpisodeTask.decode(settings);
        return BoundStage.bind(s, layout, decoded);
    }

    /** The task's cores and GPU: the session threads and CUDA device its models run with. */
    private OnnxSessions.Budget budget(TaskContext task) {
        if (task == null) {
            return new OnnxSessions.Budget(OnnxSessions.defaultThreads(), 0);
        }
        ResourceInformation gpus = task.resourcesJMap().get("gpu");
        int gpu = local ? 0 : OnnxSessions.Budget.NO_GPU;
        if (gpus != null && gpus.addresses().length > 0) {
            try {
                gpu = Integer.parseInt(gpus.addresses()[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("the task's GPU address '" + gpus.addresses()[0] + "' is not a CUDA device number");
            }
        }
        return new OnnxSessions.Budget(Math.max(task.cpus(), Math.min(share, executorCores())), gpu);
    }

    /** The executor's cores: {@code spark.executor.cores} where set, else the host's (standalone's default). */
    private static int executorCores() {
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        int host = Runtime.getRuntime().availableProcessors();
        return env == null ? host : env.conf().getInt("spark.executor.cores", host);
    }
}
