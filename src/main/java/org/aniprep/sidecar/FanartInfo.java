package org.aniprep.sidecar;

import java.util.List;

/**
 * Section {@code fanart}: a fan-art picture {@code aniprep run --extra} imported into
 * {@code frames/_extra/<group>/}, so the per-image stages record it like a frame, metadata marks it
 * ({@code fanart} in {@code general}, its given labels) and arrange places it under its group with the
 * folder's weight.
 *
 * @param source     the original picture (never changed by aniprep)
 * @param group      its dataset group: {@code fanart}, or {@code fanart_<folder name>} with several folders
 * @param weight     the folder's {@code --extra DIR:WEIGHT} (balance's starting weight for the group)
 * @param size       the original's size in bytes when imported
 * @param modified   the original's modification time (ms) when imported: a changed original is imported again
 * @param characters names given beside the original ({@code .tags}, booru JSON)
 * @param tags       tags given beside it ({@code .tags}, booru JSON, a {@code .txt} caption), Danbooru spelling
 */
public record FanartInfo(String source, String group, double weight, long size, long modified, List<String> characters,
                         List<String> tags) {
    public static final String SECTION = "fanart";

    public FanartInfo {
        characters = characters == null ? List.of() : List.copyOf(characters);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
