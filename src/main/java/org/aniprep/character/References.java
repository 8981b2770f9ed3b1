package org.aniprep.character;

import org.aniprep.console.Problems;
import org.aniprep.detect.Detection;
import org.aniprep.detect.Detector;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Loads the reference faces: each image of {@code refs/<Name>/} gets its largest detected face. An
 * image with no face is used whole when it looks like a close-up (small and about square or
 * portrait-shaped, as an exported face crop is: its face then sits where {@link HeadRegion} puts
 * it), otherwise skipped with a warning. Reference embeddings are recomputed on every run: they are
 * few, and so an edited reference folder always takes effect.
 */
public final class References {
    private static final Logger LOG = LoggerFactory.getLogger(References.class);
    /** A reference image without a detected face is used whole up to this side ... */
    static final int CLOSE_UP_MAX_SIDE = 640;
    /** ... and with height / width in this range. */
    static final double CLOSE_UP_MIN_RATIO = 0.75;
    static final double CLOSE_UP_MAX_RATIO = 2.0;

    private final List<Reference> faces;

    private References(List<Reference> faces) {
        this.faces = List.copyOf(faces);
    }

    static References of(List<Reference> faces) {
        return new References(faces);
    }

    public static References none() {
        return new References(List.of());
    }

    public List<Reference> faces() {
        return faces;
    }

    public boolean isEmpty() {
        return faces.isEmpty();
    }

    public List<float[]> embeddings() {
        return faces.stream().map(Reference::embedding).toList();
    }

    /** Names of the characters (not the noise sinks) that have at least one reference face. */
    public List<String> characters() {
        return faces.stream().filter(r -> !r.noise()).map(Reference::character).distinct().toList();
    }

    public static References load(List<ReferenceFolder.Entry> entries, Supplier<Detector> detector, CharacterEmbedder embedder,
                                  Problems problems) {
        if (entries.isEmpty()) {
            return none();
        }
        ImageLoader loader = new ImageLoader();
        List<Reference> pending = new ArrayList<>();
        List<RgbImage> pixels = new ArrayList<>();
        for (ReferenceFolder.Entry e : entries) {
            for (Path file : e.images()) {
                RgbImage img;
                try {
                    img = loader.load(file);
                } catch (IOException ex) {
                    problems.add(file, "reference image unreadable: " + ex.getMessage());
                    continue;
                }
                FaceBox face = face(file, img, detector.get(), problems);
                if (face != null) {
                    pending.add(new Reference(e.name(), e.noise(), file, face, null));
                    pixels.add(img);
                }
            }
        }
        List<Reference> out = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += embedder.batchSize()) {
            int to = Math.min(pending.size(), from + embedder.batchSize());
            List<float[]> in = new ArrayList<>();
            for (int i = from; i < to; i++) {
                in.add(embedder.prepare(pixels.get(i), pending.get(i).face()));
            }
            List<float[]> emb = embedder.embed(in);
            for (int i = from; i < to; i++) {
                Reference r = pending.get(i);
                out.add(new Reference(r.character(), r.noise(), r.file(), r.face(), emb.get(i - from)));
            }
        }
        References loaded = new References(out);
        LOG.info("references: {} face(s) of {} character(s){}", out.size(), loaded.characters().size(),
                out.stream().anyMatch(Reference::noise) ? " and noise sinks" : "");
        return loaded;
    }

    /** The largest detected face, or the whole image when it is a close-up; null (warned) otherwise. */
    static FaceBox face(Path file, RgbImage img, Detector detector, Problems problems) {
        List<Detection> found = detector.detect(img);
        if (!found.isEmpty()) {
            Detection d = found.stream().max(Comparator.comparingLong(Detection::area)).orElseThrow();
            if (found.size() > 1) {
                LOG.info("{}: {} faces found; the largest is the reference", file, found.size());
            }
            return new FaceBox("face", 0, d.x0(), d.y0(), d.x1(), d.y1());
        }
        double ratio = img.height() / (double) img.width();
        if (Math.max(img.width(), img.height()) <= CLOSE_UP_MAX_SIDE && ratio >= CLOSE_UP_MIN_RATIO && ratio <= CLOSE_UP_MAX_RATIO) {
            LOG.warn("{}: no face found; the whole image is taken as one face (a close-up)", file);
            return HeadRegion.faceOfWholeImage("face", 0, img.width(), img.height());
        }
        problems.add(file, "no face found in this reference image, and it is too large or too wide to be a close-up; skipped");
        return null;
    }
}
