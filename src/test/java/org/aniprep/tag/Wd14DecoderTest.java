package org.aniprep.tag;

import org.aniprep.sidecar.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Wd14DecoderTest {
    @TempDir
    Path tmp;

    private TagList tags() throws Exception {
        return TagList.read(Files.writeString(tmp.resolve("selected_tags.csv"), Wd14StandIn.CSV));
    }

    /** Scores in CSV row order (see Wd14StandIn.CSV). */
    private static float[] probs() {
        return new float[] {
                0.70f, 0.20f, 0.05f, 0.01f,          // ratings
                0.95f, 0.90f, 0.35f, 0.36f, 0.60f,   // 1girl solo long_hair smile ^_^
                0.97f,                               // eileen_(game)  (character, in the middle)
                0.10f, 0.20f, 0.50f, 0.30f,          // white_background hat open_mouth blue_eyes
                0.85f, 0.12f,                        // lucy_(game) "concert,_live"
                0.02f, 0.40f};                       // :d hair_ornament
    }

    @Test
    void groupsByCategoryStrictThresholdsSortedWithKaomoji() throws Exception {
        TagList list = tags();
        assertThat(list.ratings()).containsExactly(0, 1, 2, 3);
        assertThat(list.character()).containsExactly(9, 14, 15);
        assertThat(list.names().get(15)).isEqualTo("concert,_live");

        Wd14Decoder.Decoded d = new Wd14Decoder(list, new Wd14Decoder.Settings(0.5, false, 0.85, false)).decode(probs());
        assertThat(d.rating()).isEqualTo("general");
        assertThat(d.ratings()).containsOnlyKeys("general", "sensitive", "questionable", "explicit");
        // open_mouth at exactly 0.5 (representable in float32) is out: strict >
        assertThat(d.general()).extracting(Tags.Scored::tag).containsExactly("1girl", "solo", "^_^");
        // lucy's float32 0.85f is 0.8500000238 once widened, as the references' pred.astype(float): kept
        assertThat(d.character()).extracting(Tags.Scored::tag).containsExactly("eileen (game)", "lucy (game)");
        assertThat(d.general().get(0).score()).isCloseTo(0.95, within(1e-6));
        // .tags keeps CSV names and CSV order
        assertThat(d.rawTags()).containsExactly("1girl", "solo", "^_^", "eileen_(game)", "lucy_(game)");

        Wd14Decoder.Decoded usual = new Wd14Decoder(list, new Wd14Decoder.Settings(0.35, false, 0.9, false)).decode(probs());
        // long_hair's 0.35f widens to 0.34999999 < 0.35: out, as in the references
        assertThat(usual.general()).extracting(Tags.Scored::tag)
                .containsExactly("1girl", "solo", "^_^", "open mouth", "hair ornament", "smile");
    }

    @Test
    void mcutCutsAtTheLargestGap() throws Exception {
        // general probs sorted: .95 .90 .60 .50 .40 .36 .35 .30 .20 .10 .02 → largest gap .90→.60 (0.30)
        // → threshold (0.90 + 0.60) / 2 = 0.75. Characters: .97 .85 .12 → gap .85→.12 → 0.485
        Wd14Decoder.Decoded d = new Wd14Decoder(tags(), new Wd14Decoder.Settings(0.35, true, 0.85, true)).decode(probs());
        assertThat(d.generalThreshold()).isCloseTo(0.75, within(1e-6));
        assertThat(d.general()).extracting(Tags.Scored::tag).containsExactly("1girl", "solo");
        assertThat(d.characterThreshold()).isCloseTo(0.485, within(1e-6));
        assertThat(d.character()).extracting(Tags.Scored::tag).containsExactly("eileen (game)", "lucy (game)");
    }

    @Test
    void characterMcutIsFlooredAt015() throws Exception {
        float[] p = probs();
        p[9] = 0.14f;   // eileen
        p[14] = 0.05f;  // lucy
        p[15] = 0.01f;  // concert: sorted .14 .05 .01 → gap .14→.05 → mcut 0.095 → floored to 0.15
        Wd14Decoder.Decoded d = new Wd14Decoder(tags(), new Wd14Decoder.Settings(0.35, false, 0.85, true)).decode(p);
        assertThat(d.characterThreshold()).isEqualTo(0.15);
        assertThat(d.character()).isEmpty();
    }

    @Test
    void wrongScoreCountIsRefused() throws Exception {
        Wd14Decoder dec = new Wd14Decoder(tags(), new Wd14Decoder.Settings(0.35, false, 0.85, false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dec.decode(new float[17]))
                .hasMessageContaining("17").hasMessageContaining("18");
    }
}
