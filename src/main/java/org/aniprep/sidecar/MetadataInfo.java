package org.aniprep.sidecar;

/**
 * Section {@code metadata}: how {@code aniprep metadata} filled the seed's top-level keys
 * ({@link SeedKeys}), so a rerun neither loses names a user gave by moving images between folders
 * nor overwrites keys edited by hand.
 *
 * @param countFrom      what {@code count} counts: {@code characters}, {@code faces} or {@code people}
 * @param charactersFrom where the names came from: {@code classify}, {@code folders}, {@code given}
 *                       (fan art's own labels, {@link FanartInfo}) or {@code none}
 * @param folder         with {@code folders}: the folder (relative to {@code --src}) the names were read from
 * @param written        a fingerprint of the five keys as last written; keys that no longer match it
 *                       were edited by hand
 */
public record MetadataInfo(String countFrom, String charactersFrom, String folder, String written) {
    public static final String SECTION = "metadata";
    public static final String FROM_CLASSIFY = "classify";
    public static final String FROM_FOLDERS = "folders";
    public static final String FROM_GIVEN = "given";
    public static final String FROM_NONE = "none";
}
