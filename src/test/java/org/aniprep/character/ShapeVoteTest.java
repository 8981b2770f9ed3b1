package org.aniprep.character;

import org.aniprep.image.RgbImage;
import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's faces vote on the shape test, on two-component "embeddings": {colour, shape}. The colour
 * decides the candidate (distance |a − b|, threshold 0.14, trusted within 0.02); the shape test passes
 * within 0.5 of the reference's shape, and two faces are as alike as their shapes are close.
 */
class ShapeVoteTest {
    static final CharacterEmbedder COLOUR_AND_SHAPE = new CharacterEmbedder() {
        @Override
        public String id() {
            return "colour-and-shape";
        }

        @Override
        public double threshold() {
            return 0.14;
        }

        @Override
        public int batchSize() {
            return 8;
        }

        @Override
        public float[] prepare(RgbImage image, FaceBox face) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<float[]> embed(List<float[]> inputs) {
            return inputs;
        }

        @Override
        public double[][] differences(List<float[]> a, List<float[]> b) {
            double[][] d = new double[a.size()][b.size()];
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) {
                    d[i][j] = Math.abs(a.get(i)[0] - b.get(j)[0]);
                }
            }
            return d;
        }

        @Override
        public int dims() {
            return 2;
        }

        @Override
        public boolean cosine() {
            return false;
        }

        @Override
        public boolean shapeDecides(float[] face, float[] ref) {
            return Math.abs(face[0] - ref[0]) > 0.02;
        }

        @Override
        public boolean plausible(float[] face, float[] ref) {
            return !shapeDecides(face, ref) || Math.abs(face[1] - ref[1]) < 0.5;
        }

        @Override
        public double shapeScore(float[] a, float[] b) {
            return -Math.abs(a[1] - b[1]);
        }
    };

    private static ImageFaces.FaceItem face(double colour, double shape) {
        return new ImageFaces.FaceItem(new FaceBox("face", 0, 0, 0, 10, 10), new float[] {(float) colour, (float) shape}, null, null);
    }

    private static List<ImageFaces.FaceItem> name(ShapeVote vote, List<ImageFaces.FaceItem> faces) {
        Reference akane = new Reference("akane", false, null, new FaceBox("face", 0, 0, 0, 10, 10), new float[] {0, 0});
        new FaceNamer(COLOUR_AND_SHAPE, FaceNamer.MARGIN, vote).assign(faces, References.of(List.of(akane)));
        return faces;
    }

    /** Seven of akane's own faces (shapes 0–0.3) and a look-alike's seven (shapes 0.45–0.9), one of which passes alone. */
    private static List<ImageFaces.FaceItem> ownAndLookAlike() {
        List<ImageFaces.FaceItem> faces = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            faces.add(face(0.05, 0.05 * i));
            faces.add(face(0.08, 0.45 + 0.075 * i));
        }
        return faces;
    }

    @Test
    void theShapeTestAloneLetsTheLookAlikesNearestFacePass() {
        List<ImageFaces.FaceItem> f = name(ShapeVote.OFF, ownAndLookAlike());
        assertThat(f.get(1).character).as("shape 0.45 is within 0.5 of the reference's").isEqualTo("akane");
    }

    @Test
    void aPassedFaceWhoseLookAlikesFailedIsLeftUncertain() {
        List<ImageFaces.FaceItem> f = name(ShapeVote.DEFAULT, ownAndLookAlike());
        assertThat(f.get(1).character).isNull();
        assertThat(f.get(1).status).isEqualTo(ClassifyInfo.UNCERTAIN);
        assertThat(f.get(1).candidate).isEqualTo("akane");
        for (int i = 0; i < 14; i += 2) {
            assertThat(f.get(i).character).as("akane's own face %d", i).isEqualTo("akane");
        }
    }

    @Test
    void theVoteNeverGivesANameToAFaceTheShapeTestFailed() {
        List<ImageFaces.FaceItem> faces = ownAndLookAlike();
        faces.add(face(0.05, 0.55));
        List<ImageFaces.FaceItem> f = name(ShapeVote.DEFAULT, faces);
        assertThat(f.get(14).character).as("its nearest shapes are akane's, but it failed the test").isNull();
        assertThat(f.get(14).status).isEqualTo(ClassifyInfo.UNCERTAIN);
    }

    @Test
    void theOrderOfTheFacesDoesNotChangeTheVerdicts() {
        List<ImageFaces.FaceItem> a = name(ShapeVote.DEFAULT, ownAndLookAlike());
        List<ImageFaces.FaceItem> shuffled = ownAndLookAlike();
        Collections.reverse(shuffled);
        List<ImageFaces.FaceItem> b = name(ShapeVote.DEFAULT, shuffled);
        Collections.reverse(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).character).isEqualTo(a.get(i).character);
            assertThat(b.get(i).status).isEqualTo(a.get(i).status);
        }
    }

    @Test
    void aFaceTheUserNamedIsNotInTheVote() {
        List<ImageFaces.FaceItem> faces = ownAndLookAlike();
        faces.get(1).review = new ReviewInfo.Face("face", List.of(0, 0, 10, 10), "akane", null, null, null, null);
        List<ImageFaces.FaceItem> f = name(ShapeVote.DEFAULT, faces);
        assertThat(f.get(1).character).isEqualTo("akane");
    }

    @Test
    void aFaceTakesTheNameWhenTheShapesOfAnyOfTheCharactersReferencesAgree() {
        // akane drawn twice: shape 0 (nearest by colour) and shape 1 (another expression, a little farther in colour)
        Reference card = new Reference("akane", false, null, new FaceBox("face", 0, 0, 0, 10, 10), new float[] {0, 0});
        Reference other = new Reference("akane", false, null, new FaceBox("face", 0, 0, 0, 10, 10), new float[] {0.1f, 1});
        List<ImageFaces.FaceItem> faces = new ArrayList<>(List.of(face(0.03, 0.9), face(0.03, 2)));
        new FaceNamer(COLOUR_AND_SHAPE, FaceNamer.MARGIN, ShapeVote.OFF).assign(faces, References.of(List.of(card, other)));
        assertThat(faces.get(0).character).as("shaped like the second drawing").isEqualTo("akane");
        assertThat(faces.get(1).character).as("shaped like neither").isNull();
        assertThat(faces.get(1).status).isEqualTo(ClassifyInfo.UNCERTAIN);
    }
}
