package org.aniprep.cli;

import org.aniprep.pipeline.ModelOptions;
import org.aniprep.character.CcipEmbedder;
import org.aniprep.character.CcipModels;
import org.aniprep.character.CharacterEmbedder;
import org.aniprep.character.ClassifyOptions;
import org.aniprep.character.ClassifyRun;
import org.aniprep.character.OfflineEmbedder;
import org.aniprep.character.OfflineSignature;
import org.aniprep.console.Problems;
import org.aniprep.detect.CascadeException;
import org.aniprep.detect.Detector;
import org.aniprep.detect.DetectorFactory;
import org.aniprep.io.FolderLock;
import org.aniprep.model.ModelException;
import org.aniprep.model.ModelRegistry;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.ResolvedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code aniprep classify}: names faces from a reference folder, clusters the rest. */
@Command(name = "classify", description = {"Identify the characters of every face: the nearest reference character within the "
        + "threshold, else unknown; unknown look-alikes are clustered (HDBSCAN) and given readable names. Results go into each "
        + "image's sidecar (section classify) and _report/classify.html.",
        "References: refs/<Name>/* (any images; the largest face of each is used), refs/noise*/ for people not to be labelled.",
        "Images without detection results are first run through the default face detector (as 'aniprep detect' would)."})
public final class ClassifyCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyCommand.class);

    @Option(names = "--src", required = true, description = "Folder of images (searched recursively).")
    Path src;

    @Option(names = "--refs", paramLabel = "DIR", description = "Reference folder: one sub-folder of images per character. "
            + "Without it every face is unknown and only clustered.")
    Path refs;

    @Option(names = "--embedder", paramLabel = "ccip|offline|ID",
            description = "ccip (" + CcipModels.DEFAULT_ID + ", downloaded if needed), another CCIP model id, or offline "
                    + "(colour and hairstyle signature, no model). Default: CCIP when it is already on this machine, else offline.")
    String embedder;

    @Option(names = "--threshold", paramLabel = "X", description = "Same character when the difference is at most X. "
            + "Default: the CCIP model's metrics.json threshold, or " + OfflineSignature.THRESHOLD + " offline.")
    Double threshold;

    @Option(names = "--min-cluster", paramLabel = "N", defaultValue = "3",
            description = "Fewest look-alike unknown faces that make a cluster. Default: ${DEFAULT-VALUE}.")
    int minCluster;

    @Option(names = "--export-clusters", paramLabel = "DIR", description = "Write a folder per cluster (head crops and a contact sheet). "
            + "Rename a folder to the character's name (or move it into refs/) and run again to name those faces.")
    Path exportClusters;

    @Option(names = "--overwrite", description = "Recompute the embeddings cached in the sidecars.")
    boolean overwrite;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LockOptions locking;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(src)) {
            throw new UsageException("--src " + src + ": not a folder");
        }
        if (refs != null && !Files.isDirectory(refs)) {
            throw new UsageException("--refs " + refs + ": not a folder");
        }
        if (minCluster < 2) {
            throw new UsageException("--min-cluster must be at least 2");
        }
        if (threshold != null && !(threshold >= 0)) {
            throw new UsageException("--threshold must be a number of at least 0");
        }
        ModelResolver resolver = new ModelResolver(modelOptions.settings());
        CharacterEmbedder chosen = openEmbedder(resolver);
        LOG.info("embedder: {} (threshold {})", chosen.id(), chosen.threshold());
        Problems problems = new Problems();
        boolean exportOutside = exportClusters != null
                && !exportClusters.toAbsolutePath().normalize().startsWith(src.toAbsolutePath().normalize());
        if (exportOutside) {
            Files.createDirectories(exportClusters);
        }
        try (FolderLock lock = locking.lock(src);
             FolderLock exportLock = exportOutside ? locking.lock(exportClusters) : null;
             LazyDetector detector = new LazyDetector(new DetectorFactory(resolver))) {
            ClassifyRun.Summary s = new ClassifyRun(chosen, detector,
                    new ClassifyOptions(src, refs, exportClusters, minCluster, overwrite), problems).run();
            LOG.info("classified {} face(s) in {} image(s): {} named, {} unknown in {} cluster(s); {} embedded, the rest cached",
                    s.faces(), s.images(), s.named(), s.unknown(), s.clusters(), s.embedded());
        } catch (ModelException | CascadeException e) {
            throw new UsageException(e.getMessage());
        }
        return problems.summarize("classify");
    }

    private CharacterEmbedder openEmbedder(ModelResolver resolver) {
        if ("offline".equalsIgnoreCase(embedder)) {
            return new OfflineEmbedder(threshold);
        }
        String id = embedder == null || embedder.equalsIgnoreCase("ccip") ? CcipModels.DEFAULT_ID : embedder;
        Optional<ModelSpec> spec = ModelRegistry.find(id).filter(s -> s.repo().equals("deepghs/ccip_onnx"));
        if (spec.isEmpty()) {
            throw new UsageException("--embedder " + embedder + ": use ccip, offline or a CCIP model id ('aniprep models list')");
        }
        try {
            if (embedder == null) {
                Optional<ResolvedModel> local = resolver.findLocal(spec.get());
                if (local.isEmpty()) {
                    LOG.info("CCIP ({}) is not on this machine; using the offline embedder ('--embedder ccip' downloads it)", id);
                    return new OfflineEmbedder(threshold);
                }
                return CcipEmbedder.open(local.get(), resolver.settings().device(), threshold);
            }
            return CcipEmbedder.open(resolver.resolve(spec.get()), resolver.settings().device(), threshold);
        } catch (ModelException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The default face detector, opened on first use (only references and undetected images need it). */
    private static final class LazyDetector implements Supplier<Detector>, AutoCloseable {
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

        @Override
        public synchronized void close() {
            if (detector != null) {
                detector.close();
            }
        }
    }
}
