package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.image.Thumbnails;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts head crops (the {@link HeadRegion} of each face) out of the images, decoding each image once. */
final class HeadCrops {
    private HeadCrops() {
    }

    static RgbImage crop(RgbImage image, FaceBox face) {
        int[] r = HeadRegion.around(face).clipped(image.width(), image.height());
        return image.crop(r[0], r[1], r[2], r[3]);
    }

    /** The crops of {@code members} in order; an unreadable image gives null crops (reported once). */
    static List<RgbImage> of(List<ClassifyResult.Member> members, Problems problems) {
        Map<Path, List<Integer>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            byImage.computeIfAbsent(members.get(i).image(), k -> new ArrayList<>()).add(i);
        }
        List<RgbImage> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            out.add(null);
        }
        ImageLoader loader = new ImageLoader();
        for (Map.Entry<Path, List<Integer>> e : byImage.entrySet()) {
            try {
                RgbImage img = loader.load(e.getKey());
                for (int i : e.getValue()) {
                    out.set(i, crop(img, members.get(i).box()));
                }
            } catch (IOException ex) {
                problems.add(e.getKey(), "no face crop for the report (" + ex.getMessage() + ")");
            }
        }
        return out;
    }

    /** A grid of square-fitted thumbnails on grey: one picture of a whole group. */
    static RgbImage contactSheet(List<RgbImage> crops, int cell, int columns) {
        List<RgbImage> present = crops.stream().filter(c -> c != null).toList();
        int cols = Math.max(1, Math.min(columns, present.size()));
        int rows = Math.max(1, (present.size() + cols - 1) / cols);
        int pad = 4;
        RgbImage sheet = RgbImage.blank(cols * (cell + pad) + pad, rows * (cell + pad) + pad, 64, 64, 64);
        byte[] dst = sheet.rgb();
        for (int k = 0; k < present.size(); k++) {
            RgbImage t = Thumbnails.fit(present.get(k), cell, cell);
            int ox = pad + (k % cols) * (cell + pad) + (cell - t.width()) / 2;
            int oy = pad + (k / cols) * (cell + pad) + (cell - t.height()) / 2;
            for (int y = 0; y < t.height(); y++) {
                System.arraycopy(t.rgb(), y * t.width() * 3, dst, ((oy + y) * sheet.width() + ox) * 3, t.width() * 3);
            }
        }
        return sheet;
    }
}
