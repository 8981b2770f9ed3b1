package org.aniprep.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code <section>.<key>} value from the config file or the command line.
 *
 * @param section a stage name or {@code run}
 * @param key     the option name without dashes, as written (snake or kebab case)
 * @param value   a scalar, list or map; command-line values are text
 * @param origin  where it came from, for messages: the config file's name or "command line"
 */
public record Setting(String section, String key, JsonNode value, String origin) {
    /** The key as the option is named: {@code general_threshold} → {@code general-threshold}. */
    public String optionName() {
        return key.replace('_', '-');
    }

    public String where() {
        return origin + ": " + section + "." + key;
    }
}
