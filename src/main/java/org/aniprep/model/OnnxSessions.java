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
 */
public final class OnnxSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);
    private static final Map<String, OnnxModel> OPEN = new ConcurrentHashMap<>();

    private OnnxSessions() {
    }

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
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
        String key = abs + "|" + device + (intraOpThreads == defaultThreads() ? "" : "|" + intraOpThreads);
        return OPEN.computeIfAbsent(key, k -> create(abs, device, intraOpThreads));
    }

    private static OnnxModel create(Path file, Device device, int intraOpThreads) {
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
            if (device == Device.CUDA) {
                try {
                    opts.addCUDA(0);
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
