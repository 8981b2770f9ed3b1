package org.aniprep.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeNameTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "[Group] Show - 04 [1080p].mkv | Show | - | 4",
            "[SubsPlease] Sousou no Frieren - 12 (1080p) [ABCD1234].mkv | Sousou_no_Frieren | - | 12",
            "show_04.mp4 | show | - | 4",
            "Show S2E04.mkv | Show | 2 | 4",
            "My.Show.S01E10.1080p.WEB-DL.x264.mkv | My_Show | 1 | 10",
            "Show EP07.mp4 | Show | - | 7",
            "Show Episode 3.mp4 | Show | - | 3",
            "[Erai-raws] Yama no Susume S2 - 04v2 [720p][Multiple Subtitle].mkv | Yama_no_Susume | - | 4",
            "Show - 113 [x265 10bit].mkv | Show | - | 113",
            "movie.mkv | movie | - | -",
            "[Group] Movie 2 [1080p x264].mkv | Movie | - | 2",
            "進撃の巨人 - 05.mkv | 進撃の巨人 | - | 5",
            "yamaS2_ep04.mp4 | yamaS2 | - | 4",
    })
    void parsesSeriesSeasonAndEpisode(String file, String series, Integer season, Integer episode) {
        EpisodeName name = EpisodeName.parse(file);
        assertThat(name.series()).isEqualTo(series);
        assertThat(name.season()).isEqualTo(season);
        assertThat(name.episode()).isEqualTo(episode);
    }
}
