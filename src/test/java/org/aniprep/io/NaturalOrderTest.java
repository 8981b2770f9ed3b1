package org.aniprep.io;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {
    @Test
    void sortsNumbersByValue() {
        List<String> names = new ArrayList<>(List.of("ep10.mkv", "ep2.mkv", "EP1.mkv", "ep02b.mkv", "ep002.mkv"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("EP1.mkv", "ep002.mkv", "ep2.mkv", "ep02b.mkv", "ep10.mkv");
    }
}
