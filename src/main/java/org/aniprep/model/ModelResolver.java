package org.aniprep.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a model's files: explicit path → extra model folders ({@code ANIPREP_MODEL_PATH}) → hub
 * caches → the copy bundled with aniprep (specs with a {@link ModelSpec#BUNDLED} folder; never
 * downloaded) → download (unless offline). All files of a model come from one place, so a stale
 * {@code selected_tags.csv} is never paired with another place's {@code model.onnx}.
 */
public final class ModelResolver {
    /**
     * Downloads that failed in this process (endpoint and spec id → why): the later stages of one
     * run fall back at once instead of waiting for the network again.
     */
    private static final Map<String, ModelException> FAILED = new java.util.concurrent.ConcurrentHashMap<>();
    private final ModelSettings settings;

    public ModelResolver(ModelSettings settings) {
        this.settings = settings;
    }

    public ModelSettings settings() {
        return settings;
    }

    /**
     * Resolves a {@code --model} argument: a built-in spec of the given task (by id or repo id), else an
     * existing {@code model.onnx} or its folder, described by {@code forPath} (given the .onnx file).
     */
    public ResolvedModel resolveArgument(String arg, ModelSpec.Task task, java.util.function.Function<Path, ModelSpec> forPath) {
        Optional<ModelSpec> builtIn = ModelRegistry.find(arg).filter(s -> s.task() == task);
        if (builtIn.isPresent()) {
            return resolve(builtIn.get());
        }
        Path p = Path.of(arg);
        if (java.nio.file.Files.exists(p)) {
            Path onnx = java.nio.file.Files.isDirectory(p) ? p.resolve("model.onnx") : p;
            return resolve(forPath.apply(onnx), p);
        }
        throw new ModelException("--model " + arg + ": neither a built-in " + task.name().toLowerCase(java.util.Locale.ROOT)
                + " model ('aniprep models list') nor an existing file");
    }

    /** Resolves, downloading when allowed. */
    public ResolvedModel resolve(ModelSpec spec) {
        return resolve(spec, null);
    }

    /**
     * @param explicit a {@code .onnx} file (other files are looked for next to it) or a folder
     *                 holding the spec's files; null to search the usual places
     */
    public ResolvedModel resolve(ModelSpec spec, Path explicit) {
        if (explicit != null) {
            return fromExplicit(spec, explicit);
        }
        Optional<ResolvedModel> local = findLocal(spec);
        if (local.isPresent()) {
            return local.get();
        }
        if (settings.offline() || spec.bundled().isPresent()) {
            throw new ModelException(notFoundMessage(spec));
        }
        String key = settings.endpoint() + " " + spec.id();
        ModelException failed = FAILED.get(key);
        if (failed != null) {
            throw failed instanceof HubDownloader.DownloadFailed d ? d.again() : failed;
        }
        try {
            return download(spec);
        } catch (ModelException e) {
            FAILED.put(key, e);
            throw e;
        }
    }

    /** True when {@code e} repeats a download failure already told in this process (log it quietly). */
    public static boolean toldBefore(ModelException e) {
        return e instanceof HubDownloader.DownloadFailed d && d.repeated();
    }

    /** Resolves without any network access; empty when some required file is missing everywhere. */
    public Optional<ResolvedModel> findLocal(ModelSpec spec) {
        for (Path dir : settings.extraDirs()) {
            for (Path base : candidateBases(dir, spec)) {
                Optional<ResolvedModel> r = fromBase(spec, base, "model folder " + base);
                if (r.isPresent()) {
                    return r;
                }
            }
            Optional<ResolvedModel> r = fromHubCache(spec, new HubCache(dir));
            if (r.isPresent()) {
                return r;
            }
        }
        for (Path cache : settings.hubCaches()) {
            Optional<ResolvedModel> r = fromHubCache(spec, new HubCache(cache));
            if (r.isPresent()) {
                return r;
            }
        }
        return fromBundle(spec);
    }

    /** The copy inside aniprep's jar, each file checked against the spec's SHA-256. */
    private static Optional<ResolvedModel> fromBundle(ModelSpec spec) {
        Optional<String> folder = spec.bundled();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Path> found = new LinkedHashMap<>();
        for (ModelFile f : spec.files()) {
            Optional<Path> p = f.sha256() == null ? Optional.empty()
                    : BundledFiles.extract(folder.get() + "/" + f.fileName(), spec.id(), f.sha256());
            if (p.isPresent()) {
                found.put(f.role(), p.get());
            } else if (!f.optional()) {
                return Optional.empty();
            }
        }
        return Optional.of(new ResolvedModel(spec, found, "bundled with aniprep (copied to " + BundledFiles.cacheDir().resolve(spec.id()) + ")"));
    }

    /** Every place {@link #findLocal} looks, for error messages. */
    public List<String> searchedPlaces(ModelSpec spec) {
        List<String> places = new ArrayList<>();
        for (Path dir : settings.extraDirs()) {
            for (Path base : candidateBases(dir, spec)) {
                places.add(base.toString());
            }
            places.add(new HubCache(dir).repoDir(spec.repo()) + " (hub layout)");
        }
        for (Path cache : settings.hubCaches()) {
            places.add(new HubCache(cache).repoDir(spec.repo()) + " (hub cache, refs/" + spec.revision() + ")");
        }
        spec.bundled().ifPresent(f -> places.add("the copy bundled with aniprep (missing from this build or damaged)"));
        return places;
    }

    String notFoundMessage(ModelSpec spec) {
        List<String> missing = spec.files().stream().filter(f -> !f.optional()).map(ModelFile::path).toList();
        return "model " + spec.id() + " (" + spec.repo() + ", revision " + spec.revision() + "): "
                + String.join(", ", missing) + " not found" + (settings.offline() ? " and offline mode is on" : "") + ". Searched:\n  "
                + String.join("\n  ", searchedPlaces(spec))
                + (spec.bundled().isPresent() ? "\nCopy the files" : "\nRun 'aniprep models fetch " + spec.id() + "' where the network is reachable, or copy the files")
                + " into a folder listed in " + ModelSettings.MODEL_PATH_ENV + ".";
    }

    private static List<Path> candidateBases(Path dir, ModelSpec spec) {
        String name = spec.repo().substring(spec.repo().indexOf('/') + 1);
        return List.copyOf(new java.util.LinkedHashSet<>(List.of(dir.resolve(spec.repo()),
                dir.resolve(spec.repo().replace('/', '_')), dir.resolve(name), dir.resolve(spec.id()), dir)));
    }

    private static Optional<ResolvedModel> fromBase(ModelSpec spec, Path base, String source) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (ModelFile f : spec.files()) {
            Path p = base.resolve(f.path());
            if (Files.isRegularFile(p)) {
                found.put(f.role(), p);
            } else if (!f.optional()) {
                return Optional.empty();
            }
        }
        return Optional.of(new ResolvedModel(spec, found, source));
    }

    private static Optional<ResolvedModel> fromHubCache(ModelSpec spec, HubCache cache) {
        Optional<String> commit = cache.commit(spec.repo(), spec.revision());
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        return fromBase(spec, cache.snapshotDir(spec.repo(), commit.get()),
                "hub cache " + cache.root() + " (" + spec.repo() + "@" + commit.get().substring(0, 8) + ")");
    }

    private ResolvedModel fromExplicit(ModelSpec spec, Path explicit) {
        if (Files.isDirectory(explicit)) {
            return fromBase(spec, explicit, "folder " + explicit).orElseThrow(() -> new ModelException(
                    explicit + ": does not hold the files of " + spec.id() + " (" + spec.files().stream()
                            .filter(f -> !f.optional()).map(ModelFile::path).toList() + ")"));
        }
        if (!Files.isRegularFile(explicit)) {
            throw new ModelException(explicit + ": model file not found");
        }
        Map<String, Path> found = new LinkedHashMap<>();
        Path dir = explicit.toAbsolutePath().getParent();
        for (ModelFile f : spec.files()) {
            Path p = f.role().equals(ModelFile.MODEL) ? explicit : dir.resolve(f.fileName());
            if (Files.isRegularFile(p)) {
                found.put(f.role(), p);
            } else if (!f.optional()) {
                throw new ModelException(explicit + ": " + f.fileName() + " (" + f.role() + ") must lie next to the model file, in " + dir);
            }
        }
        return new ResolvedModel(spec, found, "path " + explicit);
    }

    private ResolvedModel download(ModelSpec spec) {
        HubDownloader downloader = new HubDownloader(settings);
        Map<String, Path> found = new LinkedHashMap<>();
        for (ModelFile f : spec.files()) {
            try {
                found.put(f.role(), downloader.download(spec, f));
            } catch (HubDownloader.NotOnHubException e) {
                if (!f.optional()) {
                    throw e;
                }
            }
        }
        return new ResolvedModel(spec, found, "downloaded into " + settings.downloadCache());
    }
}
