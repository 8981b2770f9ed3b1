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
            "[Erai-raws] Yama no Susume S2 - 04v2 [720p][Multiple Subtitle].mkv | Yama_no_Susume | 2 | 4",
            "Show - 113 [x265 10bit].mkv | Show | - | 113",
            "movie.mkv | movie | - | -",
            "[Group] Movie 2 [1080p x264].mkv | Movie | - | 2",
            "進撃の巨人 - 05.mkv | 進撃の巨人 | - | 5",
            "yamaS2_ep04.mp4 | yamaS2 | - | 4",
            // real release names (issue 8): the season before the number, BD releases' bracketed number
            "[SubsPlease] Yama no Susume S2 - 04 (1080p) [A1B2C3D4].mkv | Yama_no_Susume | 2 | 4",
            "[SubsPlease] Yama no Susume S3 - 04 (1080p) [0F1E2D3C].mkv | Yama_no_Susume | 3 | 4",
            "[Judas] Yama no Susume Season 2 - 04 [1080p].mkv | Yama_no_Susume | 2 | 4",
            "[HorribleSubs] Yama no Susume 2nd Season - 04 [720p].mkv | Yama_no_Susume | 2 | 4",
            "Yama no Susume 3rd Season - 11.mkv | Yama_no_Susume | 3 | 11",
            "[VCB-Studio] Toradora! [09][Ma10p_1080p][x265_flac].mkv | Toradora | - | 9",
            "[VCB-Studio] Toradora! [24v2][Ma10p_1080p][x265_flac].mkv | Toradora | - | 24",
            "[Group] Show - 12v2 [1080p].mkv | Show | - | 12",
            "Show.S02E03.1080p.WEB-DL.mkv | Show | 2 | 3",
            "Some.Show.S01E07.720p.HDTV.x264-GRP.mkv | Some_Show | 1 | 7",
            "[Group] K-On!! - 05 [BD 1080p].mkv | K-On | - | 5",
            "[Group] 86 - Eighty Six - 21 [1080p].mkv | 86_-_Eighty_Six | - | 21",
            "[Group] Made in Abyss 2017 - 03 [1080p].mkv | Made_in_Abyss_2017 | - | 3",
            "[SubsPlease] Sousou no Frieren - 28 (1080p) [12345678].mkv | Sousou_no_Frieren | - | 28",
            "[Group] Movie [1080p][ABCDEF12].mkv | Movie | - | -",
    })
    void parsesSeriesSeasonAndEpisode(String file, String series, Integer season, Integer episode) {
        EpisodeName name = EpisodeName.parse(file);
        assertThat(name.series()).isEqualTo(series);
        assertThat(name.season()).isEqualTo(season);
        assertThat(name.episode()).isEqualTo(episode);
    }
}
