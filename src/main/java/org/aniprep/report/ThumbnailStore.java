package org.aniprep.report;

import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.image.Thumbnails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The report thumbnails of one report folder, made once and shared by every page there:
 * {@code <report>/thumbs/<xx>/<key>.jpg}, where the key is a hash of the source image's path, size and
 * modification time (and, for a crop, the crop), so two pages showing the same frame use one JPEG, a
 * rerun over an unchanged tree decodes nothing, and an edited image gets a fresh thumbnail.
 */
public final class ThumbnailStore {
    public static final String DIR = "thumbs";
    /** Longest side: big enough for a 240 px tile on a HiDPI screen to stay readable, small enough for 50 000. */
    public static final int SIZE = 256;

    private final Path reportDir;
    private final ImageLoader loader;
    private final BiConsumer<Path, String> failed;

    private ThumbnailStore(Path reportDir, ImageLoader loader, BiConsumer<Path, String> failed) {
        this.reportDir = reportDir.toAbsolutePath().normalize();
        this.loader = loader;
        this.failed = failed;
    }

    /** The store under {@code reportDir}; {@code failed} hears of an image that cannot be shown. */
    public static ThumbnailStore at(Path reportDir, BiConsumer<Path, String> failed) {
        return at(reportDir, new ImageLoader(), failed);
    }

    /** The same, decoding with a stage's own {@code loader} (its size limits). */
    public static ThumbnailStore at(Path reportDir, ImageLoader loader, BiConsumer<Path, String> failed) {
        return new ThumbnailStore(reportDir, loader, failed);
    }

    public Path reportDir() {
        return reportDir;
    }

    /** The thumbnail of {@code image}, as a link relative to the report folder; null when it cannot be made. */
    public String thumb(Path image) {
        return thumb(image, "", UnaryOperator.identity());
    }

    /**
     * A thumbnail of a part of {@code image} ({@code cut}), told apart from the whole and other parts by
     * {@code variant} (e.g. the crop box); null when the image cannot be read.
     */
    public String thumb(Path image, String variant, UnaryOperator<RgbImage> cut) {
        try {
            String name = name(image, variant);
            Path file = reportDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                RgbImage rgb = cut.apply(loader.load(image));
                Files.createDirectories(file.getParent());
                Thumbnails.writeJpeg(Thumbnails.fitFast(rgb, SIZE, SIZE), file);
            }
            return name;
        } catch (IOException | RuntimeException e) {
            failed.accept(image, "no thumbnail for the report (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * Makes {@code image}'s thumbnail from pixels a stage decoded anyway, unless it is there already:
     * a page made later then decodes nothing. Failures are left for {@link #thumb} to report.
     */
    public void offer(Path image, RgbImage pixels) {
        offer(image, "", pixels, UnaryOperator.identity());
    }

    /** The same for a part of the image, as {@link #thumb(Path, String, UnaryOperator)} would cut it. */
    public void offer(Path image, String variant, RgbImage pixels, UnaryOperator<RgbImage> cut) {
        try {
            Path file = reportDir.resolve(name(image, variant));
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                Thumbnails.writeJpeg(Thumbnails.fitFast(cut.apply(pixels), SIZE, SIZE), file);
            }
        } catch (IOException | RuntimeException e) {
            // the page asks again and says what is wrong
        }
    }

    /** The thumbnails of many images (made on all cores), in order: image → link, null where it failed. */
    public Map<Path, String> thumbs(List<Path> sources) {
        List<Path> images = sources.stream().distinct().toList();
        Map<Path, String> out = new LinkedHashMap<>();
        if (images.size() < 8) {
            images.forEach(i -> out.put(i, thumb(i)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Path image : images) {
                futures.add(pool.submit(() -> thumb(image)));
            }
            for (int i = 0; i < images.size(); i++) {
                out.put(images.get(i), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making thumbnails", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static String name(Path image, String variant) throws IOException {
        Path abs = image.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        String key = hash(abs + "\0" + a.size() + "\0" + a.lastModifiedTime().toMillis() + "\0" + variant);
        return DIR + "/" + key.substring(0, 2) + "/" + key + ".jpg";
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
