package org.aniprep.dataset.arrange;

import org.aniprep.io.NaturalOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Which images go into the dataset: crops that cover more than half of their frame give way to the
 * frame (each frame once), crops without a character are left out, caps per episode and per
 * character keep the sharpest image of each stretch of time (so the kept ones are spread over the
 * episodes and scenes, not bunched in one talkative shot), and frames without a character are
 * sampled (seeded) as style regularisation.
 */
final class Selection {
    private static final Logger LOG = LoggerFactory.getLogger(Selection.class);
    /** The successor pipeline's rule: a crop this large is as good as its frame. */
    static final double CROP_AS_FRAME = 0.5;
    static final Comparator<DatasetImage> TIME_ORDER = Comparator
            .comparing((DatasetImage i) -> i.episode() == null ? "" : i.episode(), NaturalOrder.INSTANCE)
            .thenComparing(i -> i.time() == null ? 0.0 : i.time())
            .thenComparing(i -> i.file().toString(), NaturalOrder.INSTANCE);

    /** Selection settings; a cap of 0 means no cap, {@code regularisation} -1 means every frame. */
    record Settings(int maxPerCharacter, int maxPerEpisode, int regularisation, long seed) {
    }

    private Selection() {
    }

    static List<DatasetImage> select(List<DatasetImage> frames, List<DatasetImage> crops, Settings s) {
        List<DatasetImage> all = new ArrayList<>(frames);
        int replaced = 0;
        int unnamed = 0;
        int orphaned = 0;
        for (DatasetImage c : crops) {
            if (c.crop() != null && c.crop().frame() == null) {
                orphaned++;
                continue; // its frame was removed (filter, review) or taken out of --extra: the crop goes with it
            }
            if (c.crop() != null && c.crop().areaFraction() > CROP_AS_FRAME) {
                replaced++;
                continue; // the frame is (or is about to be) in the set already, once
            }
            if (c.characters().isEmpty()) {
                unnamed++;
                continue;
            }
            all.add(c);
        }
        if (!crops.isEmpty()) {
            LOG.info("crops: {} added, {} replaced by their frame (cover > half of it), {} without a character left out{}",
                    crops.size() - replaced - unnamed - orphaned, replaced, unnamed,
                    orphaned == 0 ? "" : ", " + orphaned + " whose frame is gone (removed, or no longer in an --extra folder) left out");
        }
        List<DatasetImage> named = new ArrayList<>();
        List<DatasetImage> unnamedFrames = new ArrayList<>();
        List<DatasetImage> other = new ArrayList<>();
        for (DatasetImage i : all) {
            if (!DatasetImage.SCREENSHOTS.equals(i.type())) {
                other.add(i);
            } else if (i.characters().isEmpty()) {
                unnamedFrames.add(i);
            } else {
                named.add(i);
            }
        }
        if (s.maxPerEpisode() > 0) {
            named = cap(named, i -> i.episode() == null ? List.of() : List.of(i.episode()), s.maxPerEpisode(), "episode");
        }
        if (s.maxPerCharacter() > 0) {
            named = cap(named, DatasetImage::uniqueCharacters, s.maxPerCharacter(), "character");
        }
        List<DatasetImage> reg = sample(unnamedFrames, s.regularisation(), s.seed());
        List<DatasetImage> out = new ArrayList<>(named);
        reg.forEach(r -> out.add(r.withType(DatasetImage.REG, null)));
        out.addAll(other);
        return out;
    }

    /** Keeps at most {@code max} images per key; an image is dropped when any of its keys' picks leaves it out. */
    static List<DatasetImage> cap(List<DatasetImage> images, java.util.function.Function<DatasetImage, List<String>> keys,
                                  int max, String what) {
        Map<String, List<DatasetImage>> byKey = new LinkedHashMap<>();
        for (DatasetImage i : images) {
            for (String k : keys.apply(i)) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        Set<Path> dropped = new HashSet<>();
        for (Map.Entry<String, List<DatasetImage>> e : byKey.entrySet()) {
            List<DatasetImage> group = e.getValue();
            if (group.size() > max) {
                Set<Path> kept = new HashSet<>();
                spread(group, max).forEach(i -> kept.add(i.file()));
                group.stream().filter(i -> !kept.contains(i.file())).forEach(i -> dropped.add(i.file()));
                LOG.info("--max-per-{} {}: {} keeps {} of {} images", what, max, e.getKey(), max, group.size());
            }
        }
        return images.stream().filter(i -> !dropped.contains(i.file())).toList();
    }

    /**
     * {@code k} of the images: in time order, cut into {@code k} equal stretches, the sharpest of
     * each (images without a sharpness count as the least sharp; ties keep the earlier).
     */
    static List<DatasetImage> spread(List<DatasetImage> images, int k) {
        List<DatasetImage> ordered = new ArrayList<>(images);
        ordered.sort(TIME_ORDER);
        List<DatasetImage> out = new ArrayList<>(k);
        int n = ordered.size();
        for (int s = 0; s < k; s++) {
            int from = (int) ((long) s * n / k);
            int to = (int) ((long) (s + 1) * n / k);
            DatasetImage best = null;
            for (int i = from; i < to; i++) {
                DatasetImage c = ordered.get(i);
                if (best == null || sharp(c) > sharp(best)) {
                    best = c;
                }
            }
            out.add(Objects.requireNonNull(best));
        }
        return out;
    }

    private static double sharp(DatasetImage i) {
        return i.sharpness() == null ? Double.NEGATIVE_INFINITY : i.sharpness();
    }

    /** A seeded random sample of {@code n} (all when n is -1 or at least the size), in the original order. */
    static List<DatasetImage> sample(List<DatasetImage> images, int n, long seed) {
        if (n < 0 || images.size() <= n) {
            return images;
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed));
        List<Integer> chosen = new ArrayList<>(idx.subList(0, n));
        Collections.sort(chosen);
        LOG.info("regularisation: {} of {} frames without a character sampled (seed {})", n, images.size(), seed);
        return chosen.stream().map(images::get).toList();
    }
}
