package org.aniprep.character;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterNamerTest {
    private static List<ClusterNamer.Member> members(int old, String previous, int fresh, boolean linkedOld) {
        List<ClusterNamer.Member> out = new ArrayList<>();
        for (int i = 0; i < old; i++) {
            out.add(new ClusterNamer.Member(List.of(), "red", previous, linkedOld));
        }
        for (int i = 0; i < fresh; i++) {
            out.add(new ClusterNamer.Member(List.of(), "red", i % 2 == 0 ? null : "red_hair_9", false));
        }
        return out;
    }

    @Test
    void aClusterKeepsItsNameWhenMoreNewFacesThanOldOnesJoinIt() {
        assertThat(ClusterNamer.name(List.of(members(3, "red_hair_2", 5, false)))).containsExactly("red_hair_2");
    }

    @Test
    void linkedMembersDecideTheName() {
        // two linked faces were in red_hair_4; four unlinked ones come from red_hair_9 or nowhere
        List<ClusterNamer.Member> m = members(2, "red_hair_4", 0, true);
        for (int i = 0; i < 4; i++) {
            m.add(new ClusterNamer.Member(List.of(), "red", "red_hair_9", false));
        }
        assertThat(ClusterNamer.name(List.of(m))).containsExactly("red_hair_4");
    }
}
