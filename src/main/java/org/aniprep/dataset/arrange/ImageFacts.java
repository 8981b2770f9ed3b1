package org.aniprep.dataset.arrange;

import org.aniprep.sidecar.CropInfo;
import org.aniprep.sidecar.DedupInfo;
import org.aniprep.sidecar.DetectInfo;
import org.aniprep.sidecar.FrameSource;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields arrange builds the tree from out of a sidecar: the seed's top-level
 * {@code characters} (face order) and {@code facepos}, the {@code detect} face count and height ratio,
 * dedup's sharpness, the source episode and time, and for a crop the frame it came from.
 */
final class ImageFacts {
    private static final Pattern FVP = Pattern.compile("fvp\\s+(\\d+)\\s+(\\d+)");

    private ImageFacts() {
    }

    /** The seed's {@code characters} (face order, blank names dropped). */
    static List<String> characters(Sidecar s) {
        return SeedKeys.read(s).characterList().stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    }

    static List<String> facepos(Sidecar s) {
        List<String> f = SeedKeys.read(s).facepos();
        return f == null ? List.of() : f;
    }

    static Integer faceCount(Sidecar s) {
        Optional<DetectInfo> d = s.get(DetectInfo.SECTION, DetectInfo.class);
        if (d.isPresent() && d.get().faceCount() != null) {
            return d.get().faceCount();
        }
        List<String> pos = facepos(s);
        return pos.isEmpty() ? null : pos.size();
    }

    /** The detect section's ratio, else the tallest {@code fvp T B} span of the facepos strings, else 0. */
    static double faceHeightRatio(Sidecar s) {
        Optional<DetectInfo> d = s.get(DetectInfo.SECTION, DetectInfo.class);
        if (d.isPresent() && d.get().faceHeightRatio() != null) {
            return d.get().faceHeightRatio();
        }
        double max = 0;
        for (String p : facepos(s)) {
            Matcher m = FVP.matcher(p);
            if (m.find()) {
                max = Math.max(max, (Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1))) / 100.0);
            }
        }
        return max;
    }

    static Double sharpness(Sidecar s) {
        return s.get(DedupInfo.SECTION, DedupInfo.class).map(DedupInfo::sharpness).orElse(null);
    }

    static Optional<FrameSource> source(Sidecar s) {
        return s.get(FrameSource.SECTION, FrameSource.class);
    }

    static String episode(FrameSource src) {
        return (src.prefix() == null ? "" : src.prefix() + "_") + (src.season() == null ? "" : "S" + src.season())
                + "EP" + src.episode();
    }

    /** The crop section and the frame's size (from its sidecar); empty when the image is no crop. */
    static Optional<CropInfo> crop(Sidecar s) {
        return s.get(CropInfo.SECTION, CropInfo.class);
    }

    /** Part of the frame the crop covers, or 0 when the frame's size is unknown. */
    static double areaFraction(CropInfo crop, Sidecar frame) {
        Optional<ImageInfo> size = frame.get(ImageInfo.SECTION, ImageInfo.class);
        if (size.isEmpty() || crop.rect().size() != 4) {
            return 0;
        }
        List<Integer> r = crop.rect();
        double area = (double) (r.get(2) - r.get(0)) * (r.get(3) - r.get(1));
        return area / ((double) size.get().width() * size.get().height());
    }

    /**
     * A crop's characters: its own record's, else those of the frame's faces inside the crop when
     * the frame's names are in face order (as many names as faces), else the frame's single name.
     */
    static List<String> cropCharacters(Sidecar cropSidecar, CropInfo crop, Sidecar frame) {
        List<String> own = characters(cropSidecar);
        if (!own.isEmpty()) {
            return own;
        }
        List<String> names = characters(frame);
        Optional<DetectInfo> d = frame.get(DetectInfo.SECTION, DetectInfo.class);
        if (names.isEmpty()) {
            return List.of();
        }
        if (d.isPresent() && d.get().faces() != null && d.get().faces().boxes().size() == names.size() && crop.rect().size() == 4) {
            List<String> inside = new ArrayList<>();
            List<DetectInfo.Box> boxes = d.get().faces().boxes();
            for (int i = 0; i < boxes.size(); i++) {
                List<Integer> b = boxes.get(i).box();
                double cx = (b.get(0) + b.get(2)) / 2.0;
                double cy = (b.get(1) + b.get(3)) / 2.0;
                List<Integer> r = crop.rect();
                if (cx >= r.get(0) && cx < r.get(2) && cy >= r.get(1) && cy < r.get(3)) {
                    inside.add(names.get(i));
                }
            }
            return inside;
        }
        return names.stream().distinct().count() == 1 ? List.of(names.get(0)) : List.of();
    }

    /** The frame a crop was cut from, if it still exists there. */
    static Optional<Path> frame(CropInfo crop) {
        if (crop.source() == null) {
            return Optional.empty();
        }
        Path p = Path.of(crop.source());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    static Sidecar read(Path image) {
        return SidecarStore.read(image);
    }
}
