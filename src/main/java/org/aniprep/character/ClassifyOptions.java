package org.aniprep.character;

import java.nio.file.Path;

/**
 * What one {@code aniprep classify} run does.
 *
 * @param refs           the reference folder, or null (then every face is unknown and clustered)
 * @param exportClusters where to write a folder per cluster, or null
 * @param minCluster     the fewest look-alike faces that make a cluster
 * @param overwrite      recompute cached embeddings
 */
public record ClassifyOptions(Path src, Path refs, Path exportClusters, int minCluster, boolean overwrite) {
}
