package org.aniprep.dataset.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The repeat ("multiply") of every image folder, by the successor's weight tree: at each folder,
 * its sub-folders (and the folder itself when it holds images directly) share the folder's
 * probability in proportion to their weights; a folder's images share its probability equally;
 * the per-image weights are divided by the smallest, times {@code minMultiply}, rounded to 2
 * decimals (half to even, as numpy) and capped at {@code maxMultiply}.
 */
public final class MultiplyPlan {
    /**
     * One image folder: its probability (the share of training steps the weights give it), the
     * exact multiply, the written one, and the effective share it gets with the written multiplies.
     */
    public record Folder(ImageTree.Node node, double weight, double probability, double exact, double multiply, double share) {
    }

    private final List<Folder> folders;
    private final double virtualSize;

    private MultiplyPlan(List<Folder> folders, double virtualSize) {
        this.folders = List.copyOf(folders);
        this.virtualSize = virtualSize;
    }

    public List<Folder> folders() {
        return folders;
    }

    /** Images seen per epoch with the written multiplies (the successor's "virtual dataset size"). */
    public double virtualSize() {
        return virtualSize;
    }

    public static MultiplyPlan compute(ImageTree.Node root, WeightTable weights, double minMultiply, double maxMultiply) {
        List<ImageTree.Node> nodes = new ArrayList<>();
        List<Double> probs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        walk(root, 1.0, weightOf(root, weights), weights, nodes, probs, ws);
        if (nodes.isEmpty()) {
            return new MultiplyPlan(List.of(), 0);
        }
        double[] perImage = new double[nodes.size()];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nodes.size(); i++) {
            perImage[i] = probs.get(i) / nodes.get(i).images();
            if (perImage[i] > 0) {
                min = Math.min(min, perImage[i]);
            }
        }
        double[] exact = new double[nodes.size()];
        double[] written = new double[nodes.size()];
        double virtual = 0;
        for (int i = 0; i < nodes.size(); i++) {
            exact[i] = min == Double.POSITIVE_INFINITY ? 0 : perImage[i] / min * minMultiply;
            written[i] = Math.min(round2(exact[i]), maxMultiply);
            virtual += nodes.get(i).images() * written[i];
        }
        List<Folder> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            double share = virtual == 0 ? 0 : nodes.get(i).images() * written[i] / virtual;
            out.add(new Folder(nodes.get(i), ws.get(i), probs.get(i), exact[i], written[i], share));
        }
        return new MultiplyPlan(out, virtual);
    }

    private static void walk(ImageTree.Node node, double prob, double ownWeight, WeightTable weights,
                             List<ImageTree.Node> nodes, List<Double> probs, List<Double> ws) {
        List<Double> childWeights = new ArrayList<>();
        double sum = 0;
        for (ImageTree.Node c : node.children()) {
            double w = weightOf(c, weights);
            childWeights.add(w);
            sum += w;
        }
        if (node.images() > 0) {
            sum += ownWeight;
        }
        if (sum <= 0) {
            sum = Double.POSITIVE_INFINITY; // all weights 0: nothing below gets any share
        }
        if (node.images() > 0) {
            nodes.add(node);
            probs.add(prob * ownWeight / sum);
            ws.add(ownWeight);
        }
        for (int i = 0; i < node.children().size(); i++) {
            walk(node.children().get(i), prob * childWeights.get(i) / sum, childWeights.get(i), weights, nodes, probs, ws);
        }
    }

    private static double weightOf(ImageTree.Node n, WeightTable weights) {
        return weights.weightOf(n.name(), n.rel(), n.dir().toString());
    }

    static double round2(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** {@code multiply.txt}'s text: up to 2 decimals, at least one ({@code 1.0}, {@code 3.17}), as the successor writes it. */
    public static String format(double multiply) {
        BigDecimal d = BigDecimal.valueOf(multiply).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() <= 0 ? d.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }
}
