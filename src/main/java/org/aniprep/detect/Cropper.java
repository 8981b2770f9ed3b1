package org.aniprep.detect;

import org.aniprep.image.RgbImage;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.CropInfo;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.SidecarStore;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes crops as new PNG images, each with its own sidecar ({@code crop} section) naming the frame
 * and box it came from. Crops go to {@code dst/<the frame's folder relative to src>/<stem>_<kind><i>.png};
 * names come from data through {@link SafePaths}. Nothing is overwritten: an existing crop of the
 * same frame and box is kept as is, one of another frame is reported.
 */
public final class Cropper {
    private final Path src;
    private final Path dst;
    private final CropKind kind;

    public Cropper(Path src, Path dst, CropKind kind) {
        this.src = src.toAbsolutePath().normalize();
        this.dst = dst.toAbsolutePath().normalize();
        this.kind = kind;
    }

    /** Counts of one frame's crops. */
    public record Result(int written, int existing, int tooSmall) {
    }

    public Path target(Path frame, int index) {
        Path abs = frame.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        StringBuilder rel = new StringBuilder();
        if (parent != null && parent.startsWith(src)) {
            for (Path part : src.relativize(parent)) {
                if (part.toString().isEmpty()) {
                    continue;
                }
                rel.append(SafePaths.component(part.toString(), "_")).append('/');
            }
        }
        String stem = SafePaths.component(MediaFiles.stem(abs), "frame");
        rel.append(stem).append('_').append(kind.detectorKind()).append(index).append(".png");
        return SafePaths.inside(dst, rel.toString());
    }

    /** True when every crop this frame's boxes call for is already on disk. */
    public boolean done(Path frame, List<Detection> boxes, int width, int height) {
        for (int i = 0; i < boxes.size(); i++) {
            if (kind.rect(boxes.get(i), width, height) != null && !Files.exists(target(frame, i))) {
                return false;
            }
        }
        return true;
    }

    public Result crop(Path frame, RgbImage image, List<Detection> boxes, String detector) throws IOException {
        int written = 0;
        int existing = 0;
        int small = 0;
        String source = frame.toAbsolutePath().normalize().toString();
        for (int i = 0; i < boxes.size(); i++) {
            Detection d = boxes.get(i);
            int[] r = kind.rect(d, image.width(), image.height());
            if (r == null) {
                small++;
                continue;
            }
            Path out = target(frame, i);
            CropInfo info = new CropInfo(source, frame.getFileName().toString(), kind.detectorKind(), i,
                    List.of(r[0], r[1], r[2], r[3]), List.of(d.x0(), d.y0(), d.x1(), d.y1()), detector, d.score());
            if (Files.exists(out)) {
                Optional<CropInfo> old = SidecarStore.read(out).get(CropInfo.SECTION, CropInfo.class);
                if (old.isPresent() && old.get().source().equals(source)) {
                    existing++;
                    continue;
                }
                throw new IOException("crop " + out + " already exists and was not cut from this frame; not overwritten");
            }
            RgbImage crop = image.crop(r[0], r[1], r[2], r[3]);
            // sidecar first: after a crash in between, the image is missing and a rerun writes it
            SidecarStore.update(out, s -> s.put(CropInfo.SECTION, info).put(ImageInfo.SECTION, new ImageInfo(crop.width(), crop.height())));
            AtomicFiles.writeVia(out, temp -> {
                if (!ImageIO.write(crop.toBufferedImage(), "png", temp.toFile())) {
                    throw new IOException("no PNG writer");
                }
            });
            written++;
        }
        return new Result(written, existing, small);
    }
}
