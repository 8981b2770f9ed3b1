package org.aniprep.character;

import org.aniprep.cli.Main;
import org.aniprep.sidecar.ClassifyInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Unknown faces clustered and named; names stable on rerun; the export/rename correction loop. */
class ClassifyClustersTest {
    @TempDir
    Path tmp;
    ClassifyFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ClassifyFixture(tmp);
        int i = 0;
        for (CastScenes.Scene s : fx.cast.scenes(18, 44, CastScenes.SPRITES.stream().map(CastScenes.Sprite::file).toList())) {
            fx.frame(s, "f" + i++, true);
        }
    }

    @AfterEach
    void tearDown() {
        ClassifyFixture.clearEnvironment();
    }

    /** true name → the cluster most of its faces are in (or the character given). */
    private Map<String, String> majorityByTruth(Function<ClassifyInfo.Face, String> what) {
        Map<String, List<String>> got = new TreeMap<>();
        fx.truth.forEach((file, who) -> {
            for (ClassifyInfo.Face f : ClassifyFixture.classify(fx.src.resolve(file)).faces()) {
                got.computeIfAbsent(who.get(f.index()), k -> new ArrayList<>()).add(String.valueOf(what.apply(f)));
            }
        });
        Map<String, String> out = new TreeMap<>();
        got.forEach((who, names) -> out.put(who, names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return out;
    }

    private Map<Path, List<String>> clusterNames() {
        Map<Path, List<String>> out = new TreeMap<>();
        fx.truth.keySet().forEach(f -> out.put(fx.src.resolve(f),
                ClassifyFixture.classify(fx.src.resolve(f)).faces().stream().map(ClassifyInfo.Face::cluster).toList()));
        return out;
    }

    @Test
    void unknownFacesFormClustersNamedByHairColourStableOnRerun() throws Exception {
        Path export = tmp.resolve("clusters");
        assertThat(Main.run("classify", "--src", fx.src.toString(), "--offline", "-q", "--export-clusters", export.toString())).isEqualTo(0);

        Map<String, String> byTruth = majorityByTruth(ClassifyInfo.Face::cluster);
        assertThat(byTruth.get("Eileen")).startsWith("red_hair_");
        assertThat(byTruth.get("Lucy")).startsWith("black_hair_");
        Map<Path, List<String>> first = clusterNames();

        assertThat(Main.run("classify", "--src", fx.src.toString(), "--offline", "-q")).isEqualTo(0);
        assertThat(clusterNames()).as("same faces, same names").isEqualTo(first);

        Path eileenFolder = export.resolve(byTruth.get("Eileen"));
        assertThat(eileenFolder.resolve(ClusterExport.SHEET)).isRegularFile();
        try (Stream<Path> crops = Files.list(eileenFolder)) {
            assertThat(crops.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(3);
        }
        assertThat(Files.readString(fx.src.resolve(ClassifyReport.FILE))).contains("cluster " + byTruth.get("Eileen"));

        // the user names the red-haired cluster by renaming its folder, and runs again
        Files.move(eileenFolder, export.resolve("Eileen"));
        assertThat(Main.run("classify", "--src", fx.src.toString(), "--offline", "-q", "--export-clusters", export.toString())).isEqualTo(0);

        Map<String, String> named = majorityByTruth(ClassifyInfo.Face::character);
        assertThat(named.get("Eileen")).isEqualTo("Eileen");
        assertThat(named.get("Lucy")).isEqualTo(ClassifyInfo.UNKNOWN);
        assertThat(export.resolve("Eileen")).isDirectory();
        assertThat(export.resolve(byTruth.get("Lucy"))).isDirectory();
    }
}
