package org.aniprep.sidecar;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The classify section's status fields are additions: old sections read, new fields are snake_case and absent when null. */
class ClassifyInfoTest {
    @Test
    void sectionsWithoutStatusesStillRead() throws Exception {
        String old = "{\"embedder\":\"offline-v1\",\"threshold\":0.14,\"characters\":[\"Eileen\"],\"faces\":[{\"kind\":\"face\",\"index\":0,"
                + "\"box\":[1,2,30,40],\"character\":\"Eileen\",\"distance\":0.05,\"nearest\":\"Eileen\",\"hair\":\"red\",\"embedding\":\"AAAA\"}]}";
        ClassifyInfo info = Json.MAPPER.readValue(old, ClassifyInfo.class);
        assertThat(info.faces().get(0).status()).isNull();
        assertThat(info.faces().get(0).named()).isTrue();
    }

    @Test
    void statusAndCandidateAreWrittenOnlyWhenSet() throws Exception {
        ClassifyInfo.Face uncertain = new ClassifyInfo.Face("face", 0, List.of(1, 2, 30, 40), ClassifyInfo.UNKNOWN, 0.1, "Eileen", "red_hair_1",
                "red", "AAAA", ClassifyInfo.UNCERTAIN, "Eileen");
        String json = Json.MAPPER.writeValueAsString(new ClassifyInfo("offline-v1", 0.14, List.of(), List.of(uncertain,
                new ClassifyInfo.Face("face", 1, List.of(1, 2, 3, 4), ClassifyInfo.UNKNOWN, null, null, null, null, "AAAA"))));
        assertThat(json.replace(" ", "")).contains("\"status\":\"uncertain\"", "\"candidate\":\"Eileen\"");
        assertThat(json.split("\"status\"", -1)).hasSize(2);
        ClassifyInfo back = Json.MAPPER.readValue(json, ClassifyInfo.class);
        assertThat(back.faces().get(0)).isEqualTo(uncertain);
        assertThat(back.faces().get(0).named()).isFalse();
    }
}
