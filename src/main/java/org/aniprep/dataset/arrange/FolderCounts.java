package org.aniprep.dataset.arrange;

import org.aniprep.io.NaturalOrder;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/** Images per folder of a plan, and the tree printed with counts (each folder's total includes its sub-folders). */
final class FolderCounts {
    /** Folder paths component by component, naturally ordered (so a folder comes right before its sub-folders). */
    static final java.util.Comparator<String> TREE_ORDER = (a, b) -> {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = NaturalOrder.INSTANCE.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private FolderCounts() {
    }

    static Map<String, Integer> of(java.util.List<TreePlanner.Placement> plan) {
        Map<String, Integer> out = new TreeMap<>(TREE_ORDER);
        for (TreePlanner.Placement p : plan) {
            out.merge(p.folder(), 1, Integer::sum);
        }
        return out;
    }

    static void print(Map<String, Integer> leaves, PrintWriter out) {
        Map<String, Integer> totals = new TreeMap<>(TREE_ORDER);
        leaves.forEach((folder, n) -> {
            String[] parts = folder.isEmpty() ? new String[0] : folder.split("/");
            StringBuilder prefix = new StringBuilder();
            for (String part : parts) {
                prefix.append(prefix.length() == 0 ? "" : "/").append(part);
                totals.merge(prefix.toString(), n, Integer::sum);
            }
        });
        int root = leaves.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("%6d  .%n", root);
        totals.forEach((folder, n) -> {
            int depth = (int) folder.chars().filter(c -> c == '/').count();
            out.printf("%6d  %s%s%n", n, "  ".repeat(depth + 1), folder.substring(folder.lastIndexOf('/') + 1));
        });
    }
}
