package org.aniprep.dataset.arrange;

import org.aniprep.console.Problems;
import org.aniprep.console.Progress;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.CropInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FanartInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the images arrange may place, with their facts: the frames under {@code --src}, optionally
 * detect's crops ({@code <src>/_crops}), and {@code --extra} folders of fan art. An image without a
 * sidecar is placed as having no character (one warning for all of them); a corrupt sidecar is
 * reported and its image left where it is.
 */
final class DatasetScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetScanner.class);

    private final Problems problems;
    private final Companions companions = new Companions();
    private int withoutSidecar;
    /** The frames folder crops mirror, while {@link #crops} reads them. */
    private Path cropFrames;
    private final Map<String, Double> importedWeights = new LinkedHashMap<>();

    DatasetScanner(Problems problems) {
        this.problems = problems;
    }

    /** One {@code --extra DIR[:weight]} folder. */
    record Extra(Path dir, double weight, String group) {
    }

    List<DatasetImage> frames(Path src, Set<Path> skip) throws IOException {
        return scan(src, MediaFiles.find(src, true, null, MediaFiles::isImage, problems::add, skip), DatasetImage.SCREENSHOTS, null);
    }

    /**
     * detect's crops under {@code cropDir}; a crop's frame is the one its record names or, when the folders were
     * moved since, the same name in the mirrored folder under {@code src} (crops mirror the frames' folders).
     */
    List<DatasetImage> crops(Path cropDir, Path src) throws IOException {
        if (!Files.isDirectory(cropDir)) {
            LOG.warn("--include-crops: {} does not exist (run 'aniprep detect --crop ...' first); no crops added", cropDir);
            return List.of();
        }
        cropFrames = src.toAbsolutePath().normalize();
        return scan(cropDir, MediaFiles.find(cropDir, true, null, MediaFiles::isImage, problems::add, Set.of()), DatasetImage.SCREENSHOTS, null);
    }

    List<DatasetImage> extra(Extra extra) throws IOException {
        return scan(extra.dir(), MediaFiles.find(extra.dir(), true, null, MediaFiles::isImage, problems::add, Set.of()),
                DatasetImage.FANART, extra.group());
    }

    /**
     * The groups of the fan art {@code aniprep run} imported among the frames ({@code fanart} sections,
     * under {@code frames/_extra/}) with their folders' weights, as {@link #frames} found them.
     */
    Map<String, Double> importedWeights() {
        return importedWeights;
    }

    void reportMissingSidecars() {
        if (withoutSidecar > 0) {
            LOG.warn("{} image(s) have no sidecar (<stem>.json); they are placed as images without a character", withoutSidecar);
        }
    }

    private List<DatasetImage> scan(Path root, List<Path> images, String type, String group) {
        List<DatasetImage> out = new ArrayList<>(images.size());
        try (Progress progress = Progress.start("arrange: read", "images", images.size())) {
            for (Path image : images) {
                try {
                    out.add(read(image, root.toAbsolutePath().normalize(), type, group));
                } catch (SidecarException e) {
                    problems.add(image, e.getMessage() + "; left where it is");
                } catch (IOException e) {
                    problems.add(image, "cannot be read (" + e.getMessage() + "); left where it is");
                }
                progress.step();
            }
        }
        return out;
    }

    private DatasetImage read(Path image, Path root, String type, String group) throws IOException {
        List<String> names = companions.of(image);
        Sidecar s = ImageFacts.read(image);
        if (!companions.claimStem(image)) {
            LOG.warn("{}: another image in its folder has the same name before the extension; {} and its other "
                    + "<name>.* files go with that one", image, MediaFiles.stem(image) + ".json");
            names = Companions.ownNamed(image, names);
            s = Sidecar.empty();
        }
        boolean hasSidecar = names.contains(MediaFiles.stem(image) + ".json");
        if (!hasSidecar && !DatasetImage.FANART.equals(type)) {
            withoutSidecar++;
        }
        Optional<FanartInfo> fanart = DatasetImage.SCREENSHOTS.equals(type) ? s.get(FanartInfo.SECTION, FanartInfo.class) : Optional.empty();
        if (fanart.isPresent()) { // imported by run: placed as fan art of its group, its path kept below the group's folder
            type = DatasetImage.FANART;
            group = fanart.get().group();
            Path groupDir = root.resolve(MediaFiles.EXTRA_FOLDER).resolve(group);
            root = image.toAbsolutePath().normalize().startsWith(groupDir) ? groupDir : root;
            importedWeights.putIfAbsent(group, fanart.get().weight());
        }
        List<String> characters = ImageFacts.characters(s);
        if (characters.isEmpty() && DatasetImage.FANART.equals(type)) {
            characters = org.aniprep.sidecar.GivenLabels.characters(image, names);
        }
        Integer faces = ImageFacts.faceCount(s);
        double ratio = ImageFacts.faceHeightRatio(s);
        Optional<FrameSource> source = ImageFacts.source(s);
        DatasetImage.Crop crop = null;
        Optional<CropInfo> ci = ImageFacts.crop(s);
        if (ci.isPresent()) {
            Optional<Path> frame = ImageFacts.frame(ci.get());
            if (frame.isEmpty()) {
                frame = mirroredFrame(image, root, ci.get());
            }
            Sidecar fs = frame.isPresent() ? ImageFacts.read(frame.get()) : Sidecar.empty();
            crop = new DatasetImage.Crop(frame.orElse(null), ImageFacts.areaFraction(ci.get(), fs));
            if (characters.isEmpty()) {
                characters = ImageFacts.cropCharacters(s, ci.get(), fs);
            }
            if (source.isEmpty()) {
                source = ImageFacts.source(fs);
            }
            if (!s.has(DetectInfo.SECTION)) {
                ratio = cropFaceRatio(ci.get(), fs);
                faces = null;
            }
        }
        return new DatasetImage(image, root, names, characters, faces, ratio, type, group, ImageFacts.sharpness(s),
                source.map(ImageFacts::episode).orElse(null), source.map(FrameSource::time).orElse(null), crop);
    }

    private Optional<Path> mirroredFrame(Path crop, Path cropRoot, CropInfo info) {
        Path parent = crop.toAbsolutePath().normalize().getParent();
        if (cropFrames == null || info.sourceFile() == null || parent == null || !parent.startsWith(cropRoot)) {
            return Optional.empty();
        }
        Path frame = cropFrames.resolve(cropRoot.relativize(parent).toString()).resolve(info.sourceFile()).normalize();
        return frame.startsWith(cropFrames) && Files.isRegularFile(frame) ? Optional.of(frame) : Optional.empty();
    }

    /** The tallest of the frame's faces whose centre lies in the crop, over the crop's height. */
    private static double cropFaceRatio(CropInfo crop, Sidecar frame) {
        Optional<DetectInfo> d = frame.get(DetectInfo.SECTION, DetectInfo.class);
        if (d.isEmpty() || d.get().faces() == null || crop.rect().size() != 4) {
            return 0;
        }
        List<Integer> r = crop.rect();
        double max = 0;
        for (DetectInfo.Box b : d.get().faces().boxes()) {
            List<Integer> x = b.box();
            double cx = (x.get(0) + x.get(2)) / 2.0;
            double cy = (x.get(1) + x.get(3)) / 2.0;
            if (cx >= r.get(0) && cx < r.get(2) && cy >= r.get(1) && cy < r.get(3)) {
                max = Math.max(max, (Math.min(x.get(3), r.get(3)) - Math.max(x.get(1), r.get(1))) / (double) (r.get(3) - r.get(1)));
            }
        }
        return max;
    }
}
