package org.aniprep.pipeline;

import org.aniprep.model.Device;
import org.aniprep.model.ModelSettings;
import picocli.CommandLine.Option;

/** Options of every stage (and command) that runs or fetches models: a picocli mixin. */
public final class ModelOptions {
    @Option(names = "--offline", description = "Never download; use only local model files (also HF_HUB_OFFLINE=1).")
    boolean offline;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda (needs the GPU build; falls back to CPU). Default: ${DEFAULT-VALUE}.")
    Device device = Device.CPU;

    public ModelSettings settings() {
        return ModelSettings.fromEnvironment(offline, device);
    }
}
