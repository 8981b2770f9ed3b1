package org.aniprep.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A stage's opened models (a tagger with its tag list, a set of detectors), once per JVM for each key
 * (the model arguments and settings that chose them) and {@link OnnxSessions.Budget}: every Spark task
 * of an executor, and every run of a stage in one JVM, shares them. What failed to open is not kept, so
 * the next caller reports it again. Entries are never closed: they live as long as the JVM, as the
 * sessions under them do ({@link OnnxSessions}).
 */
public final class ModelCache {
    private static final Map<String, Once> OPEN = new ConcurrentHashMap<>();

    private ModelCache() {
    }

    /** The value opened for {@code key} under the calling thread's budget, opening it now if needed. */
    public static <T> T get(String key, Class<T> type, Supplier<T> open) {
        OnnxSessions.Budget b = OnnxSessions.budget();
        String full = type.getName() + "|" + key + "|" + (b == null ? "-" : b.key());
        return type.cast(OPEN.computeIfAbsent(full, k -> new Once()).get(open));
    }

    /** Opens at most once; callers of the same key wait for the first. */
    private static final class Once {
        private Object value;

        synchronized Object get(Supplier<?> open) {
            if (value == null) {
                value = open.get();
            }
            return value;
        }
    }
}
