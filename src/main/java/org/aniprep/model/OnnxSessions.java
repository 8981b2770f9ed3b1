package org.aniprep.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens ONNX Runtime sessions once per (file, device) and reuses them for the life of the JVM.
 * CPU sessions use at most as many intra-op threads as the JVM sees cores (the JVM honours the
 * cgroup CPU quota; ORT would otherwise start one thread per host core and run several times
 * slower in a container), and do not spin while idle, so that decoding threads running alongside
 * inference get the CPU. CUDA is tried when asked for and falls back to CPU with one warning.
 *
 * <p>A Spark task runs with a {@link Budget} ({@link #within}): its cores ({@code spark.task.cpus}) are
 * then what {@link #defaultThreads} says, so sessions and worker pools opened for the task use that many
 * threads, and its GPU (from the task's resources) is the CUDA device, or none (CPU). The budget is
 * inherited by threads the task starts (the batch pipeline's workers).
 */
public final class OnnxSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);
    private static final Map<String, OnnxModel> OPEN = new ConcurrentHashMap<>();

    private static final InheritableThreadLocal<Budget> BUDGET = new InheritableThreadLocal<>();
    private static final java.util.Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private OnnxSessions() {
    }

    /**
     * What one piece of work may use: {@code threads} cores, and the CUDA device {@code gpu}, or
     * {@link #NO_GPU} for none (a {@code --device cuda} session then runs on the CPU).
     */
    public record Budget(int threads, int gpu) {
        public static final int NO_GPU = -1;

        public Budget {
            threads = Math.max(1, threads);
        }

        /** For the session cache's key: sessions opened under another budget are other sessions. */
        String key() {
            return threads + "|" + gpu;
        }
    }

    /** A budget for the calling thread and the threads it starts, until the returned scope is closed. */
    public static AutoCloseable within(Budget budget) {
        Budget before = BUDGET.get();
        BUDGET.set(budget);
        return () -> BUDGET.set(before);
    }

    /** The calling thread's budget, or null outside one. */
    public static Budget budget() {
        return BUDGET.get();
    }

    public static int defaultThreads() {
        Budget b = BUDGET.get();
        return b != null ? b.threads() : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static OnnxModel open(Path file, Device device) {
        return open(file, device, defaultThreads());
    }

    /**
     * A session with a given number of intra-op threads: 1 for small models run from several worker
     * threads at once (one frame each), which keeps every core busy without oversubscribing them.
     */
    public static OnnxModel open(Path file, Device device, int intraOpThreads) {
        Path abs = file.toAbsolutePath().normalize();
        Budget budget = BUDGET.get();
        int threads = budget == null ? intraOpThreads : Math.min(intraOpThreads, budget.threads());
        int gpu = budget == null ? 0 : budget.gpu();
        String key = abs + "|" + device + "|" + threads + (device == Device.CUDA ? "|gpu" + gpu : "");
        return OPEN.computeIfAbsent(key, k -> create(abs, device, threads, gpu));
    }

    private static OnnxModel create(Path file, Device device, int intraOpThreads, int gpu) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException(file + ": model file not found");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            opts.setIntraOpNumThreads(Math.max(1, intraOpThreads));
            opts.setInterOpNumThreads(1);
            // no busy-waiting between ops: the preprocessing workers need those cores meanwhile
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            Device used = device;
            if (device == Device.CUDA && gpu == Budget.NO_GPU) {
                if (TOLD.add("no-gpu")) {
                    LOG.warn("--device cuda, but this task was given no GPU (spark.task.resource.gpu.amount): running on CPU");
                }
                used = Device.CPU;
            } else if (device == Device.CUDA) {
                try {
                    opts.addCUDA(gpu);
                } catch (OrtException | RuntimeException e) {
                    LOG.warn("CUDA is not available ({}); running on CPU. Build with 'mvn -Pcuda package' on a host "
                            + "with CUDA 12 + cuDNN to use the GPU.", e.getMessage().lines().findFirst().orElse(""));
                    used = Device.CPU;
                }
            }
            OrtSession session = env.createSession(file.toString(), opts);
            OnnxModel model = new OnnxModel(file, session, used);
            LOG.debug("opened {} on {}: inputs {} outputs {}", file, used, model.inputs(), model.outputs());
            return model;
        } catch (OrtException e) {
            throw new ModelException(file + ": not a usable ONNX model (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
