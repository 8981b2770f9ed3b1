package org.aniprep.dataset.balance;

import java.nio.file.Path;

/** What {@code aniprep balance} was asked to do; {@code kohyaToml}/{@code kohyaFolders} null when not wanted. */
public record BalanceOptions(Path src, Path weights, double minMultiply, double maxMultiply, Path kohyaToml, Path kohyaFolders,
                             String captionExtension, boolean dryRun) {
}
