package org.aniprep.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an NVIDIA driver is loaded, so CUDA decoding is worth trying at all. */
final class NvidiaDriver {
    private NvidiaDriver() {
    }

    static boolean present() {
        return Files.exists(Path.of("/proc/driver/nvidia/version")) || Files.exists(Path.of("/dev/nvidia0"))
                || System.getProperty("os.name", "").startsWith("Windows");
    }
}
