package org.aniprep.character;

import com.fasterxml.jackson.core.type.TypeReference;
import org.aniprep.console.Problems;
import org.aniprep.image.RgbImage;
import org.aniprep.image.Thumbnails;
import org.aniprep.io.AtomicFiles;
import org.aniprep.io.MediaFiles;
import org.aniprep.io.SafePaths;
import org.aniprep.sidecar.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code --export-clusters DIR}: one folder per cluster with its head crops (PNG, the region the
 * embedder reads, so a crop used as a reference reads back as the same head) and a contact sheet.
 * The correction loop: rename a folder to the character's name (or move it into refs/) and run
 * classify again. Folders this export wrote are listed in {@value #MANIFEST}; a listed folder is
 * replaced on the next export, any other folder in DIR is the user's: a renamed cluster, read as
 * references for the name it now has, and never touched.
 */
final class ClusterExport {
    static final String MANIFEST = ".aniprep-clusters.json";
    static final String SHEET = "_contact_sheet.jpg";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterExport.class);

    private final Path dir;
    private final Problems problems;

    ClusterExport(Path dir, Problems problems) {
        this.dir = dir;
        this.problems = problems;
    }

    /** Folders of DIR that the last export did not write (renamed clusters): reference entries. */
    static List<ReferenceFolder.Entry> renamed(Path dir, Problems problems) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> ours = manifest(dir);
        List<ReferenceFolder.Entry> out = new ArrayList<>();
        for (ReferenceFolder.Entry e : ReferenceFolder.scan(dir, problems)) {
            if (!ours.contains(e.name())) {
                out.add(new ReferenceFolder.Entry(e.name(), e.noise(),
                        e.images().stream().filter(p -> !p.getFileName().toString().equals(SHEET)).toList()));
            }
        }
        return out;
    }

    void write(ClassifyResult result) throws IOException {
        Files.createDirectories(dir);
        Set<String> previous = manifest(dir);
        for (String folder : previous) {
            clear(dir.resolve(folder));
        }
        Set<String> written = new TreeSet<>();
        int crops = 0;
        for (ClassifyResult.Group g : result.of(ClassifyResult.Kind.CLUSTER)) {
            String folder = SafePaths.component(g.name(), "cluster");
            Path out = SafePaths.inside(dir, folder);
            if (Files.exists(out) && !previous.contains(folder)) {
                problems.add(out, "a folder of this name is already there and is not from an export; cluster " + g.name() + " not exported");
                continue;
            }
            Files.createDirectories(out);
            written.add(folder);
            List<RgbImage> heads = HeadCrops.of(g.faces(), problems);
            for (int i = 0; i < heads.size(); i++) {
                if (heads.get(i) == null) {
                    continue;
                }
                ClassifyResult.Member m = g.faces().get(i);
                String name = SafePaths.component(MediaFiles.stem(m.image()), "face") + "_" + m.box().kind() + m.box().index() + ".png";
                RgbImage crop = heads.get(i);
                AtomicFiles.writeVia(out.resolve(name), temp -> ImageIO.write(crop.toBufferedImage(), "png", temp.toFile()));
                crops++;
            }
            Thumbnails.writeJpeg(HeadCrops.contactSheet(heads, 128, 8), out.resolve(SHEET));
        }
        AtomicFiles.write(dir.resolve(MANIFEST), Json.MAPPER.writeValueAsBytes(written));
        LOG.info("exported {} cluster(s), {} face crop(s), to {}", written.size(), crops, dir);
    }

    private static Set<String> manifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            return new TreeSet<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            LOG.warn("{}: unreadable ({}); earlier exported folders are left as they are", file, e.getMessage());
            return Set.of();
        }
    }

    /** Removes what an export wrote into a folder (its PNG crops and the sheet), and the folder when it is then empty. */
    private static void clear(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f) && (n.equals(SHEET) || n.matches(".*_(face|head)\\d+\\.png"))) {
                    Files.delete(f);
                }
            }
        }
        try (Stream<Path> left = Files.list(folder)) {
            if (left.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }
}
