package org.aniprep.character;

import org.aniprep.demo.art.CharacterDesign;
import org.aniprep.demo.art.CharacterPainter;
import org.aniprep.demo.art.Pose;
import org.aniprep.image.ImageLoader;
import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.ClassifyInfo;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape test that guards the offline embedder's names (issue 19), on the demo painter's designs and the shared art. */
class ShapeCheckTest {
    private static final OfflineEmbedder OFFLINE = new OfflineEmbedder(null);

    /** A design painted at {@code faceWidth} on a flat ground, with the face box the cascade finds on the painter's heads. */
    private static float[] painted(CharacterDesign c, Pose pose, double faceWidth, Color ground, boolean mirror) {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(ground);
        g.fillRect(0, 0, 640, 480);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (mirror) {
            g.translate(640, 0);
            g.scale(-1, 1);
        }
        CharacterPainter.paint(g, c, pose, 320, 180, faceWidth);
        g.dispose();
        double s = faceWidth / CharacterPainter.FACE_WIDTH;
        FaceBox box = new FaceBox("face", 0, (int) Math.round(320 - LookAlikeScenes.BOX_X * s), (int) Math.round(180 + LookAlikeScenes.BOX_TOP * s),
                (int) Math.round(320 + LookAlikeScenes.BOX_X * s), (int) Math.round(180 + LookAlikeScenes.BOX_BOTTOM * s));
        return OFFLINE.prepare(ImageLoader.toRgb(img), box);
    }

    private static float[] reference(CharacterDesign c) {
        CastScenes.Scene s = LookAlikeScenes.reference(c);
        return OFFLINE.prepare(s.image(), s.faces().get(0).box());
    }

    @Test
    void theMirroredDescriptorIsThePermutedOne() {
        RgbImage img = new CastScenes().sprite("eileen_happy.png").image();
        int w = img.width();
        byte[] flipped = new byte[img.rgb().length];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(img.rgb(), (y * w + x) * 3, flipped, (y * w + w - 1 - x) * 3, 3);
            }
        }
        FaceBox box = new FaceBox("face", 0, 80, 110, 238, 258);
        float[] plain = Hog.of(img, box, 0.5, 0.6, 0.3);
        float[] mirrored = Hog.of(new RgbImage(w, img.height(), flipped), new FaceBox("face", 0, w - 238, 110, w - 80, 258), 0.5, 0.6, 0.3);
        float[] permuted = Hog.mirror(plain);
        for (int i = 0; i < Hog.DIMS; i++) {
            assertThat(permuted[i]).isCloseTo(mirrored[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(Hog.distance(plain, 0, mirrored, 0)).isLessThan(1e-4);
    }

    @Test
    void aDesignScoresAboveEveryLookAlikeOfItsColoursAndTheClearestAreRejected() {
        int rejected = 0;
        int alikes = 0;
        for (CharacterDesign c : CharacterDesign.cast()) {
            float[] ref = reference(c);
            double lowestOwn = Double.MAX_VALUE;
            for (double width : new double[] {90, 150}) {
                float[] own = painted(c, Pose.TALKING, width, new Color(120, 150, 190), width > 100);
                assertThat(OFFLINE.plausible(own, ref)).as("%s at %.0f px", c.name(), width).isTrue();
                lowestOwn = Math.min(lowestOwn, ShapeCheck.score(own, ref, OfflineSignature.COLOUR_DIMS));
            }
            for (CharacterDesign d : LookAlikeScenes.castLookAlikes(c)) {
                float[] alike = painted(d, Pose.TALKING, 120, new Color(120, 150, 190), false);
                assertThat(OfflineSignature.distance(alike, ref)).as("%s has %s's colours", d.name(), c.name()).isLessThan(OFFLINE.namingThreshold(alike));
                assertThat(ShapeCheck.score(alike, ref, OfflineSignature.COLOUR_DIMS)).as("%s against %s", d.name(), c.name()).isLessThan(lowestOwn);
                rejected += OFFLINE.plausible(alike, ref) ? 0 : 1;
                alikes++;
            }
        }
        // the cut is set for noisy scenes (sizes, covers, jittered boxes), so on clean art it rejects only the clearest
        assertThat(rejected).as("look-alikes the shapes reject").isGreaterThanOrEqualTo(alikes / 6);
    }

    @Test
    void lookAlikesOfTheRealPairMostlyLoseTheWrongNameWhileTheCharactersKeepTheirs() {
        // tuning seed 1 (the held-out seeds 101–103 are bench/classify.sh's)
        LookAlikeSets.Set set = LookAlikeSets.real(new CastScenes(), 30, 1);
        LookAlikeReport.Tally colourOnly = LookAlikeReport.tally(set, new ColourOnly(OFFLINE), FaceNamer.MARGIN);
        LookAlikeReport.Tally withShape = LookAlikeReport.tally(set, OFFLINE, FaceNamer.MARGIN);
        assertThat(colourOnly.wrong()).as("the symptom: colour alone names look-alikes").isGreaterThan(10);
        assertThat(withShape.wrong()).isLessThan(colourOnly.wrong() / 5);
        // the shape test and the vote leave a few own faces uncertain (shown first in review) for far fewer wrong names
        assertThat(ownNamed(withShape)).as("the characters' own faces stay named").isGreaterThanOrEqualTo((int) (0.8 * ownNamed(colourOnly)));
    }

    @Test
    void aFaceOfTheRightColoursButAnotherShapeIsUncertainWithTheCandidate() {
        CharacterDesign kuro = CharacterDesign.cast().stream().filter(c -> c.name().equals("kuro")).findFirst().orElseThrow();
        CharacterDesign twin = LookAlikeScenes.castLookAlikes(kuro).stream().filter(d -> d.name().endsWith("twintails")).findFirst().orElseThrow();
        List<ImageFaces.FaceItem> faces = new ArrayList<>(List.of(
                new ImageFaces.FaceItem(new FaceBox("face", 0, 0, 0, 10, 10), painted(kuro, Pose.NEUTRAL, 120, Color.LIGHT_GRAY, false), null, null),
                new ImageFaces.FaceItem(new FaceBox("face", 0, 0, 0, 10, 10), painted(twin, Pose.NEUTRAL, 120, Color.LIGHT_GRAY, false), null, null)));
        CastScenes.Scene card = LookAlikeScenes.reference(kuro);
        new FaceNamer(OFFLINE, FaceNamer.MARGIN).assign(faces, References.of(List.of(new Reference(kuro.name(), false, null,
                card.faces().get(0).box(), reference(kuro)))));
        assertThat(faces.get(0).character).isEqualTo(kuro.name());
        assertThat(faces.get(1).character).isNull();
        assertThat(faces.get(1).status).isEqualTo(ClassifyInfo.UNCERTAIN);
        assertThat(faces.get(1).candidate).isEqualTo(kuro.name());
    }

    /** Faces of the referenced characters given their own name. */
    private static int ownNamed(LookAlikeReport.Tally t) {
        return t.byCharacter().entrySet().stream().filter(e -> e.getKey().endsWith("*")).mapToInt(e -> e.getValue().named()).sum();
    }

    /** The offline embedder without its shape test (the rule before it). */
    private record ColourOnly(OfflineEmbedder e) implements CharacterEmbedder {
        public String id() {
            return e.id();
        }

        public double threshold() {
            return e.threshold();
        }

        public int batchSize() {
            return e.batchSize();
        }

        public float[] prepare(RgbImage image, FaceBox face) {
            return e.prepare(image, face);
        }

        public List<float[]> embed(List<float[]> prepared) {
            return prepared;
        }

        public double[][] differences(List<float[]> a, List<float[]> b) {
            return e.differences(a, b);
        }

        public int dims() {
            return e.dims();
        }

        public boolean cosine() {
            return false;
        }
    }

    @Test
    void hairPastTheCheeksCountsInTheLowerBandThoughTheWholeGridBarelyMoves() {
        float[] bob = new float[Silhouette.dims()];
        float[] strands = new float[Silhouette.dims()];
        for (int row = 0; row < 7; row++) {
            for (int col = 3; col < 9; col++) {
                bob[row * Silhouette.COLS + col] = 1;
                strands[row * Silhouette.COLS + col] = 1;
            }
        }
        bob[7 * Silhouette.COLS + 3] = 1;
        bob[7 * Silhouette.COLS + 8] = 1;
        for (int row = 7; row < Silhouette.ROWS; row++) {
            strands[row * Silhouette.COLS + 3] = 1;
            strands[row * Silhouette.COLS + 8] = 1;
        }
        Silhouette.Match m = Silhouette.match(bob, 0, strands, 0);
        assertThat(m.rms()).as("12 of 168 cells differ").isLessThan(0.3);
        assertThat(m.lower()).as("the strands below the cheeks are hair the bob does not have").isGreaterThan(0.6);
        assertThat(Silhouette.match(bob, 0, bob, 0).lower()).isZero();
        assertThat(Silhouette.match(new float[Silhouette.dims()], 0, new float[Silhouette.dims()], 0).lower()).as("no hair below in either").isZero();
    }
}
