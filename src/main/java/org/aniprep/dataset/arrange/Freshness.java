package org.aniprep.dataset.arrange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.io.MediaFiles;
import org.aniprep.sidecar.ArrangeInfo;
import org.aniprep.sidecar.ImageInfo;
import org.aniprep.sidecar.Sidecar;
import org.aniprep.sidecar.SidecarException;
import org.aniprep.sidecar.SidecarStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether an image placed by an earlier arrangement is still what a fresh placement would make: its
 * sidecar equals the source's record with the {@code arrange} section (the {@code file} name aside, and
 * for a re-encoded copy its {@code image} size), every companion (caption, tag files) has the same bytes
 * as the source's and none is missing or extra, and a copy is as long as its source. A review decision,
 * a renamed cluster folder or a rerun of metadata or caption changes the source's record or caption, so
 * the placed image is then placed afresh.
 */
final class Freshness {
    private Freshness() {
    }

    /**
     * @param source        the source image
     * @param sourceOwn     names of its companions beside it (sidecar included)
     * @param placed        the earlier placement in --dst
     * @param placedOwn     names of its companions beside it (sidecar included)
     */
    static boolean current(Path source, java.util.List<String> sourceOwn, Path placed, java.util.List<String> placedOwn,
                           ArrangeInfo arrange, String op) throws IOException {
        if (!sameImage(source, placed, op)) {
            return false;
        }
        String sourceName = source.getFileName().toString();
        String placedName = placed.getFileName().toString();
        String sourceSidecar = MediaFiles.stem(source) + ".json";
        String placedSidecar = MediaFiles.stem(placed) + ".json";
        Map<String, Path> expected = new HashMap<>();
        for (String c : sourceOwn) {
            if (!c.equals(sourceSidecar)) {
                expected.put(Companions.renamed(c, sourceName, placedName), source.resolveSibling(c));
            }
        }
        int found = 0;
        for (String c : placedOwn) {
            if (c.equals(placedSidecar)) {
                continue;
            }
            Path want = expected.get(c);
            if (want == null || Files.mismatch(want, placed.resolveSibling(c)) != -1) {
                return false;
            }
            found++;
        }
        if (found != expected.size()) {
            return false;
        }
        return sameRecord(source, sourceOwn.contains(sourceSidecar), placed, arrange, op.equals(JournalEntry.ENCODE));
    }

    private static boolean sameImage(Path source, Path placed, String op) throws IOException {
        return switch (op) {
            case JournalEntry.COPY -> Files.exists(source) && Files.size(source) == Files.size(placed);
            case JournalEntry.LINK -> Files.exists(source)
                    && (Files.isSymbolicLink(placed) || Files.isSameFile(source, placed) || Files.size(source) == Files.size(placed));
            default -> Files.exists(source); // a re-encoded copy cannot be compared byte for byte
        };
    }

    private static boolean sameRecord(Path source, boolean hasSidecar, Path placed, ArrangeInfo arrange, boolean encoded) {
        if (!Files.exists(SidecarStore.pathFor(placed), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Sidecar want = hasSidecar ? SidecarStore.read(source) : Sidecar.empty();
            want.put(ArrangeInfo.SECTION, arrange);
            ObjectNode a = comparable(want, encoded);
            ObjectNode b = comparable(SidecarStore.read(placed), encoded);
            return a.equals(b);
        } catch (SidecarException e) {
            return false; // an unreadable record is placed afresh (the old one is kept in the journal's backup)
        }
    }

    private static ObjectNode comparable(Sidecar s, boolean encoded) {
        ObjectNode root = s.json();
        root.remove("file");
        root.remove("schema");
        if (encoded) {
            root.remove(ImageInfo.SECTION);
        }
        return root;
    }
}
