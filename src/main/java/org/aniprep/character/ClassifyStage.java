package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.detect.CascadeException;
import org.aniprep.detect.Detector;
import org.aniprep.detect.DetectorFactory;
import org.aniprep.model.ModelCache;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.ResolvedModel;
import org.aniprep.pipeline.BadOptions;
import org.aniprep.pipeline.ModelOptions;
import org.aniprep.pipeline.PerImageStage;
import org.aniprep.pipeline.RunLayout;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The classify stage: names faces from a reference folder, clusters the rest ({@link ClassifyRun}). */
public final class ClassifyStage implements PerImageStage<ClassifyStage.Options, ClassifyRun.Plan> {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyStage.class);
    private static final String OFFLINE = "offline";

    /** {@code aniprep classify}'s options (and {@code classify.*} in a run config). */
    public static final class Options {
        @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
        public Path src;

        @Option(names = "--refs", paramLabel = "DIR", description = "Reference folder: one sub-folder of images per character. "
                + "Without it every face is unknown and only clustered.")
        public Path refs;

        @Option(names = "--embedder", paramLabel = "ccip|offline|ID",
                description = "ccip (" + CcipModels.DEFAULT_ID + ", downloaded if needed), another CCIP model id, or offline "
                        + "(colour and hairstyle signature, no model). Default: CCIP, downloaded when missing unless --offline; "
                        + "the offline signature when it is not on this machine and cannot be fetched.")
        public String embedder;

        @Option(names = "--threshold", paramLabel = "X", description = "Same character when the difference is at most X. "
                + "Default: the CCIP model's metrics.json threshold, or " + OfflineSignature.THRESHOLD + " offline.")
        public Double threshold;

        @Option(names = "--min-cluster", paramLabel = "N", defaultValue = "3",
                description = "Fewest look-alike unknown faces that make a cluster. Default: ${DEFAULT-VALUE}.")
        public int minCluster;

        @Option(names = "--export-clusters", paramLabel = "DIR", description = "Write a folder per cluster (head crops and a contact sheet). "
                + "Rename a folder to the character's name (or move it into refs/) and run again to name those faces.")
        public Path exportClusters;

        @Option(names = "--overwrite", description = "Recompute the embeddings cached in the sidecars.")
        public boolean overwrite;

        @Mixin
        public ModelOptions models = new ModelOptions();
    }

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public List<String> layoutArgs(RunLayout layout) {
        List<String> args = new ArrayList<>(List.of("--src", layout.frames().toString()));
        if (layout.refs() != null) {
            args.addAll(List.of("--refs", layout.refs().toString()));
        }
        args.addAll(List.of("--export-clusters", layout.clusters().toString()));
        return args;
    }

    @Override
    public void check(Options o) {
        BadOptions.requireFolder("--src", o.src);
        if (o.refs != null && !Files.isDirectory(o.refs)) {
            throw new BadOptions("--refs " + o.refs + ": not a folder");
        }
        if (o.minCluster < 2) {
            throw new BadOptions("--min-cluster must be at least 2");
        }
        if (o.threshold != null && !(o.threshold >= 0)) {
            throw new BadOptions("--threshold must be a number of at least 0");
        }
        ccipSpec(o);
    }

    /** A CCIP model asked for by {@code --embedder} that is not on the machine (and cannot be downloaded). */
    @Override
    public Optional<String> unavailable(Options o) {
        if (o.embedder == null) {
            return Optional.empty();
        }
        try {
            ccipSpec(o).ifPresent(spec -> resolver(o).resolve(spec));
            return Optional.empty();
        } catch (ModelException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public List<Path> writes(Options o) {
        List<Path> folders = new ArrayList<>(List.of(o.src));
        if (o.exportClusters != null && !o.exportClusters.toAbsolutePath().normalize().startsWith(o.src.toAbsolutePath().normalize())) {
            folders.add(o.exportClusters);
        }
        return folders;
    }

    /** The images whose faces still need embedding; opening the embedder here says early when it cannot be. */
    @Override
    public ClassifyRun.Plan plan(Options o, Problems problems) throws IOException {
        Opened m = models(o);
        LOG.info("embedder: {} (threshold {})", m.embedder().id(), m.embedder().threshold());
        return classifyRun(o, m, problems).plan();
    }

    @Override
    public Map<String, Long> process(Options o, List<Path> images, Problems problems) {
        return classifyRun(o, models(o), problems).embed(images);
    }

    @Override
    public StageResult summarise(Options o, ClassifyRun.Plan plan, Map<String, Long> counts, Problems problems) throws IOException {
        Opened m = models(o);
        ClassifyRun.Summary s;
        try {
            s = classifyRun(o, m, problems).finish(counts);
        } catch (ModelException | CascadeException e) {
            throw new BadOptions(e.getMessage());
        }
        return StageResult.of(String.format("classified %d face(s) in %d image(s): %d named, %d unknown in %d cluster(s); "
                        + "%d embedded, the rest cached; embedder %s", s.faces(), s.images(), s.named(), s.unknown(), s.clusters(),
                        s.embedded(), m.embedder().id()),
                "faces", s.faces(), "named", s.named(), "clusters", s.clusters(), "unknown", s.unknown())
                .withModels(m.withDetector());
    }

    private static ClassifyRun classifyRun(Options o, Opened m, Problems problems) {
        return new ClassifyRun(m.embedder(), m.detector(),
                new ClassifyOptions(o.src, o.refs, o.exportClusters, o.minCluster, o.overwrite), problems);
    }

    /**
     * The embedder (and the face detector that references and undetected images need, opened on first
     * use), once per JVM: every Spark task of an executor shares them. A model that cannot be opened is a
     * bad option.
     */
    record Opened(CharacterEmbedder embedder, List<String> models, LazyDetector detector, DetectorFactory factory) {
        List<String> withDetector() {
            List<String> out = new ArrayList<>(models);
            detector.name().ifPresent(n -> out.add("face detector (references, undetected images): " + n
                    + factory.fallback().map(f -> " (" + f + ")").orElse("")));
            return out;
        }
    }

    private static Opened models(Options o) {
        String key = String.join("|", String.valueOf(o.embedder), String.valueOf(o.threshold), o.models.settings().toString());
        try {
            return ModelCache.get(key, Opened.class, () -> {
                ModelResolver resolver = resolver(o);
                List<String> models = new ArrayList<>();
                CharacterEmbedder chosen = openEmbedder(o, resolver, models);
                DetectorFactory factory = new DetectorFactory(resolver);
                return new Opened(chosen, List.copyOf(models), new LazyDetector(factory), factory);
            });
        } catch (ModelException | CascadeException e) {
            throw new BadOptions(e.getMessage());
        }
    }

    private static ModelResolver resolver(Options o) {
        return new ModelResolver(o.models.settings());
    }

    /** The CCIP model {@code --embedder} names (ccip or unset: the default one); empty for offline. */
    private static Optional<ModelSpec> ccipSpec(Options o) {
        if (OFFLINE.equalsIgnoreCase(o.embedder)) {
            return Optional.empty();
        }
        String id = o.embedder == null || o.embedder.equalsIgnoreCase("ccip") ? CcipModels.DEFAULT_ID : o.embedder;
        Optional<ModelSpec> spec = ModelRegistry.find(id).filter(s -> s.repo().equals("deepghs/ccip_onnx"));
        if (spec.isEmpty()) {
            throw new BadOptions("--embedder " + o.embedder + ": use ccip, offline or a CCIP model id ('aniprep models list')");
        }
        return spec;
    }

    /**
     * Unset: CCIP, downloaded when it is missing and the network allows (not --offline); when it is
     * not on the machine and cannot be fetched, the offline signature, with one line saying why.
     */
    private static CharacterEmbedder openEmbedder(Options o, ModelResolver resolver, List<String> models) {
        Optional<ModelSpec> spec = ccipSpec(o);
        if (spec.isEmpty()) {
            models.add("embedder: " + OfflineSignature.ID + " (colour and hairstyle signature; --embedder offline)");
            return new OfflineEmbedder(o.threshold);
        }
        if (o.embedder == null) {
            Optional<ResolvedModel> local = resolver.findLocal(spec.get());
            if (local.isEmpty()) {
                try {
                    local = Optional.of(resolver.resolve(spec.get()));
                } catch (ModelException e) {
                    String why = resolver.settings().offline() ? "CCIP " + spec.get().id() + " is not on this machine (offline)"
                            : "CCIP " + spec.get().id() + " could not be downloaded (" + ModelException.firstLine(e) + ")";
                    LOG.info("{}; using the offline embedder (colour and hairstyle signature) instead", why);
                    LOG.debug("{}", e.getMessage());
                    models.add("embedder: " + OfflineSignature.ID + " (" + why + ")");
                    return new OfflineEmbedder(o.threshold);
                }
            }
            models.add("embedder: " + spec.get().id() + " (CCIP, " + local.get().source() + ")");
            return CcipEmbedder.open(local.get(), resolver.settings().device(), o.threshold);
        }
        ResolvedModel resolved = resolver.resolve(spec.get());
        models.add("embedder: " + spec.get().id() + " (CCIP, " + resolved.source() + ")");
        return CcipEmbedder.open(resolved, resolver.settings().device(), o.threshold);
    }

    /** The default face detector, opened on first use (only references and undetected images need it). */
    static final class LazyDetector implements Supplier<Detector> {
        private final DetectorFactory factory;
        private Detector detector;

        LazyDetector(DetectorFactory factory) {
            this.factory = factory;
        }

        @Override
        public synchronized Detector get() {
            if (detector == null) {
                detector = factory.face(null);
                LOG.info("face detector for references and undetected images: {}", detector.name());
            }
            return detector;
        }

        synchronized Optional<String> name() {
            return Optional.ofNullable(detector).map(Detector::name);
        }
    }
}
