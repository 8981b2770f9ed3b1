package org.aniprep.dataset.arrange;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code aniprep arrange} was asked to do.
 *
 * @param mode     {@code copy}, {@code move} or {@code link}
 * @param encode   null, or resize/re-encode settings for the training copies
 * @param extras   --extra fan-art folders with their weights
 * @param regFolder null: frames without a character go where the levels put them ({@code others/...})
 */
public record ArrangeOptions(Path src, Path dst, List<Level> levels, String mode, int minPerCombination, int maxCharacters,
                             boolean keepSrcStructure, ArrangeJournal.Encode encode, boolean includeCrops,
                             Path cropDir, int maxPerCharacter, int maxPerEpisode, int regularisation, String regFolder,
                             long seed, List<Extra> extras) {
    public ArrangeOptions {
        levels = List.copyOf(levels);
        extras = List.copyOf(extras);
    }

    /** An {@code --extra DIR[:weight]} folder. */
    public record Extra(Path dir, double weight) {
    }

    public static ArrangeJournal.Encode encode(int maxSize, String format, int quality) {
        return maxSize <= 0 && format == null ? null : new ArrangeJournal.Encode(maxSize, format, quality);
    }
}
