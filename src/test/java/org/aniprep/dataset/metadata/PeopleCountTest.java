package org.aniprep.dataset.metadata;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleCountTest {
    @Test
    void girlsPlusBoysAsTheSeedCounts() {
        assertThat(PeopleCount.fromTags(List.of("long_hair", "2girls", "1girl", "multiple_girls"))).isEqualTo("2");
        assertThat(PeopleCount.fromTags(List.of("1girl", "1boy"))).isEqualTo("2");
        assertThat(PeopleCount.fromTags(List.of("3girls", "2boys"))).isEqualTo("5");
        assertThat(PeopleCount.fromTags(List.of("6+girls"))).isEqualTo("many");
        assertThat(PeopleCount.fromTags(List.of("4girls", "2boys"))).isEqualTo("many");
        assertThat(PeopleCount.fromTags(List.of("no humans", "scenery"))).isEqualTo("0");
        assertThat(PeopleCount.fromTags(List.of("1girls", "3+girls", "girl"))).isEqualTo("0");
    }
}
