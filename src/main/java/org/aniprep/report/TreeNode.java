package org.aniprep.report;

import java.util.List;

/**
 * A folder of a training tree: images in it and below, its multiply (or null), a few thumbnails and
 * the first caption, and its subfolders.
 */
public record TreeNode(String name, long total, long here, String multiply, boolean open, List<Tile> tiles,
                       String caption, List<TreeNode> children) {
}
