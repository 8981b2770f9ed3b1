package org.aniprep.cli;

import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.Engine;
import org.aniprep.pipeline.RunLayout;

import java.util.ServiceLoader;

/** Finds {@code --engine NAME} among the engines on the class path (the Spark one lives in {@code spark/}, not in the main jar). */
final class EngineLoader {
    private EngineLoader() {
    }

    static Engine open(String name, String master, RunLayout layout) {
        for (Engine.Provider p : ServiceLoader.load(Engine.Provider.class)) {
            if (p.name().equals(name)) {
                return p.open(master, layout);
            }
        }
        throw new BadOptions("--engine " + name + ": its classes are not on this class path (the main jar has no Spark); "
                + "start it with './aniprep run --engine " + name + " ...', which builds and adds them, "
                + "or submit spark/target/aniprep-spark.jar with spark-submit (docs/spark.md)");
    }
}
