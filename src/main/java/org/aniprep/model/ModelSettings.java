package org.aniprep.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where models are looked for and how they are fetched, read from the environment the way
 * huggingface_hub reads it, so the Java tool reuses what Python tools already downloaded.
 *
 * @param extraDirs   read-only folders searched before the hub cache ({@code ANIPREP_MODEL_PATH})
 * @param hubCaches   hub caches searched in order; downloads go into the first
 * @param offline     never touch the network ({@code --offline} or {@code HF_HUB_OFFLINE=1})
 * @param endpoint    hub base URL ({@code HF_ENDPOINT}, default https://huggingface.co)
 * @param token       bearer token for gated/private repos ({@code HF_TOKEN}, or {@code $HF_HOME/token})
 * @param device      execution provider for sessions
 */
public record ModelSettings(List<Path> extraDirs, List<Path> hubCaches, boolean offline, String endpoint,
                            String token, Device device) {
    public static final String MODEL_PATH_ENV = "ANIPREP_MODEL_PATH";
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    public ModelSettings {
        extraDirs = List.copyOf(extraDirs);
        hubCaches = List.copyOf(hubCaches);
        endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /**
     * From the process environment; a system property {@code aniprep.env.NAME} overrides variable
     * NAME (lets tests and launchers set them without an environment).
     */
    public static ModelSettings fromEnvironment(boolean offlineFlag, Device device) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("aniprep.env.")) {
                env.put(name.substring("aniprep.env.".length()), System.getProperty(name));
            }
        }
        return fromEnvironment(env, Path.of(System.getProperty("user.home")), offlineFlag, device);
    }

    public static ModelSettings fromEnvironment(Map<String, String> env, Path home, boolean offlineFlag, Device device) {
        List<Path> extra = new ArrayList<>();
        String modelPath = env.get(MODEL_PATH_ENV);
        if (modelPath != null) {
            for (String part : modelPath.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    extra.add(Path.of(part.strip()));
                }
            }
        }
        Path hfHome = env.containsKey("HF_HOME") ? Path.of(env.get("HF_HOME")) : home.resolve(".cache/huggingface");
        Set<Path> caches = new LinkedHashSet<>();
        if (env.containsKey("HF_HUB_CACHE")) {
            caches.add(Path.of(env.get("HF_HUB_CACHE")));
        }
        caches.add(hfHome.resolve("hub"));
        caches.add(home.resolve(".cache/huggingface/hub"));
        boolean offline = offlineFlag || isTrue(env.get("HF_HUB_OFFLINE"));
        String endpoint = env.getOrDefault("HF_ENDPOINT", DEFAULT_ENDPOINT);
        String token = env.get("HF_TOKEN");
        if (token == null || token.isBlank()) {
            token = readToken(hfHome.resolve("token"));
        }
        return new ModelSettings(extra, new ArrayList<>(caches), offline, endpoint, token, device);
    }

    public ModelSettings withOffline(boolean off) {
        return new ModelSettings(extraDirs, hubCaches, off, endpoint, token, device);
    }

    public ModelSettings withDevice(Device d) {
        return new ModelSettings(extraDirs, hubCaches, offline, endpoint, token, d);
    }

    /** The cache downloads are written to. */
    public Path downloadCache() {
        return hubCaches.get(0);
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
    }

    private static String readToken(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
