package org.aniprep.dataset.balance;

import org.aniprep.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A kohya sd-scripts dataset config ({@code --dataset_config}): one {@code [[datasets.subsets]]}
 * per image folder with its {@code image_dir} and whole {@code num_repeats}. Training settings
 * (resolution, batch size, buckets) are left to the user's command line, which sd-scripts uses for
 * every key the file does not set.
 */
public final class KohyaToml {
    private KohyaToml() {
    }

    public static String render(List<MultiplyPlan.Folder> folders, int[] repeats, String captionExtension) {
        StringBuilder sb = new StringBuilder();
        sb.append("# kohya sd-scripts dataset config written by aniprep balance.\n")
                .append("# num_repeats: multiply.txt rounded to whole repeats by largest remainder (docs/dataset.md).\n\n")
                .append("[general]\n")
                .append("caption_extension = ").append(string(captionExtension)).append("\n\n")
                .append("[[datasets]]\n");
        for (int i = 0; i < folders.size(); i++) {
            MultiplyPlan.Folder f = folders.get(i);
            sb.append("\n  [[datasets.subsets]]\n")
                    .append("  image_dir = ").append(string(f.node().dir().toString())).append('\n')
                    .append("  num_repeats = ").append(repeats[i]).append('\n')
                    .append("  # ").append(f.node().images()).append(" images, multiply ").append(MultiplyPlan.format(f.multiply()))
                    .append('\n');
        }
        return sb.toString();
    }

    public static void write(Path file, List<MultiplyPlan.Folder> folders, int[] repeats, String captionExtension) throws IOException {
        AtomicFiles.writeString(file, render(folders, repeats, captionExtension));
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
