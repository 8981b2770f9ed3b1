package org.aniprep.dedup;

import org.aniprep.filter.TextVerdict;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSettings;
import org.aniprep.sidecar.DedupInfo.Quality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The filter's text verdict on duplicates whose bands differ (docs/dedup.md, "Subtitled twins"):
 * when a duplicate's top or bottom band changed against its group's kept frame while the middle of
 * the picture did not (subtitles that appeared, changed or went), the band measure of
 * {@link BestMember} can be fooled by a character's detail in the band; so the filter itself is
 * asked ({@link TextVerdict}) whether it would reject the kept frame for its text and pass the
 * duplicate. Only such pairs are asked, and at most {@link #MAX_ASKS} frames per run of
 * duplicates: the detector costs about 0.1 s a frame, the cheap measures nothing more.
 * The detector is opened on first use; when it cannot be, the band measure decides alone (one line in the log).
 */
final class TextTwins {
    private static final Logger LOG = LoggerFactory.getLogger(TextTwins.class);
    /** A band whose detail changed by this share ... */
    static final double BAND_CHANGE = 0.04;
    /** ... and by this many times the middle's relative change, counts as changed text. */
    static final double BAND_OVER_MIDDLE = 3;
    /** Frames asked per run of duplicates (the kept frame included). */
    static final int MAX_ASKS = 5;

    /** Asks the filter's verdict: true when it rejects the frame for its text. */
    interface Judge {
        boolean drops(RgbImage frame);
    }

    private final Judge judge;
    private RgbImage written;
    private Quality writtenQuality;
    private Boolean writtenDrops;
    private int asks;
    private long asked;

    TextTwins(Judge judge) {
        this.judge = judge;
    }

    /** The filter's own verdict, the detector opened (bundled, offline) on first use; null when it cannot be. */
    static Judge filters() {
        return new Judge() {
            private TextVerdict verdict;
            private boolean failed;

            @Override
            public boolean drops(RgbImage frame) {
                if (verdict == null && !failed) {
                    try {
                        verdict = TextVerdict.open(new ModelResolver(ModelSettings.fromEnvironment(true, Device.CPU)));
                    } catch (RuntimeException e) {
                        failed = true;
                        LOG.warn("dedup: the filter's text detector cannot be opened ({}); subtitled twins judged by the band measure",
                                e.getMessage());
                    }
                }
                return verdict != null && verdict.drops(frame);
            }
        };
    }

    /** Whether the band detail changed against the middle's: text appeared, changed or went (the trigger to ask). */
    static boolean bandsDiffer(Quality a, Quality b) {
        if (a == null || b == null) {
            return false;
        }
        double middle = change(a.sharpnessMiddle(), b.sharpnessMiddle());
        double band = Math.max(change(a.sharpnessTop(), b.sharpnessTop()), change(a.sharpnessBottom(), b.sharpnessBottom()));
        return band >= BAND_CHANGE && band >= BAND_OVER_MIDDLE * middle;
    }

    private static double change(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.max(a, b));
    }

    /** A new run of duplicates of a frame just written ({@code image} its pixels), or of an earlier one ({@code image} null). */
    void startRun(RgbImage image, Quality quality) {
        written = image;
        writtenQuality = quality;
        writtenDrops = null;
        asks = 0;
    }

    /**
     * Whether this duplicate is a passing twin of a kept frame the filter rejects for its text: asked
     * only when their bands differ, while the run has asks left; the kept frame is asked once.
     */
    boolean passesWhereKeptFails(RgbImage candidate, Quality quality) {
        if (written == null || asks >= MAX_ASKS || !bandsDiffer(writtenQuality, quality)) {
            return false;
        }
        if (writtenDrops == null) {
            asks++;
            asked++;
            writtenDrops = judge.drops(written);
            if (!writtenDrops) {
                written = null; // the kept frame passes: nothing to replace in this run
                return false;
            }
        }
        asks++;
        asked++;
        return !judge.drops(candidate);
    }

    /**
     * {@code aniprep dedup}'s side: {@code chosen} is {@link BestMember}'s pick of the group. When the
     * filter has not judged it yet and members' bands differ from it, the filter is asked whether it
     * rejects the pick for its text; if so, the differing members (best score first) until one
     * passes, which is kept instead. Unreadable images keep the pick.
     */
    int pick(List<DedupItem> items, int[] members, int chosen, ImageLoader loader) {
        DedupItem pick = items.get(chosen);
        if (members.length < 2 || pick.filter() != FilterVerdict.UNKNOWN) {
            return chosen;
        }
        List<Integer> differing = new ArrayList<>();
        for (int m : members) {
            if (m != chosen && bandsDiffer(pick.info().quality(), items.get(m).info().quality())) {
                differing.add(m);
            }
        }
        if (differing.isEmpty()) {
            return chosen;
        }
        differing.sort(Comparator.comparingDouble((Integer m) -> -BestMember.score(items.get(m).info().quality())));
        try {
            asked++;
            if (!judge.drops(loader.load(pick.file()))) {
                return chosen;
            }
            for (int m : differing.subList(0, Math.min(differing.size(), MAX_ASKS - 1))) {
                asked++;
                if (!judge.drops(loader.load(items.get(m).file()))) {
                    return m;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("dedup: text verdict not asked ({})", e.getMessage());
        }
        return chosen;
    }

    /** Frames the filter's verdict was asked for. */
    long asked() {
        return asked;
    }
}
