package org.aniprep.character;

import org.aniprep.sidecar.ClassifyInfo;
import org.aniprep.sidecar.ReviewInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names and statuses from references and review decisions, on 1-d "embeddings" (the distance is |a − b|). */
class FaceNamerTest {
    /** One-component "embeddings": the offline embedder's Euclidean distance is then |a − b|; threshold 0.14. */
    static final CharacterEmbedder LINE = new OfflineEmbedder(0.14);

    private static ImageFaces.FaceItem face(double x, ReviewInfo.Face review) {
        ImageFaces.FaceItem f = new ImageFaces.FaceItem(new FaceBox("face", 0, 0, 0, 10, 10), new float[] {(float) x}, null, null);
        f.review = review;
        return f;
    }

    private static ReviewInfo.Face said(String character, List<String> not, Boolean ignore) {
        return new ReviewInfo.Face("face", List.of(0, 0, 10, 10), character, not, null, ignore, null);
    }

    private static Reference ref(String who, double x) {
        return new Reference(who, who.startsWith("noise"), null, new FaceBox("face", 0, 0, 0, 10, 10), new float[] {(float) x});
    }

    private static List<ImageFaces.FaceItem> name(List<Reference> refs, ImageFaces.FaceItem... faces) {
        List<ImageFaces.FaceItem> list = new ArrayList<>(List.of(faces));
        new FaceNamer(LINE, FaceNamer.MARGIN).assign(list, References.of(refs));
        return list;
    }

    @Test
    void nearestWithinTheThresholdIsNamedFartherIsUnknown() {
        List<ImageFaces.FaceItem> f = name(List.of(ref("Eileen", 0), ref("Lucy", 1)), face(0.05, null), face(0.5, null));
        assertThat(f.get(0).character).isEqualTo("Eileen");
        assertThat(f.get(0).status).isEqualTo(ClassifyInfo.NAMED);
        assertThat(f.get(1).character).isNull();
        assertThat(f.get(1).status).isEqualTo(ClassifyInfo.STATUS_UNKNOWN);
        assertThat(f.get(1).nearest).isEqualTo("Eileen");
    }

    @Test
    void twoCandidatesTooCloseToCallAreUncertainWithTheNearerAsCandidate() {
        List<ImageFaces.FaceItem> f = name(List.of(ref("Eileen", 0), ref("Akane", 0.2)), face(0.09, null), face(0.03, null));
        assertThat(f.get(0).character).isNull();
        assertThat(f.get(0).status).isEqualTo(ClassifyInfo.UNCERTAIN);
        assertThat(f.get(0).candidate).isEqualTo("Eileen");
        assertThat(f.get(1).character).as("0.03 against 0.17: the second is beyond the threshold").isEqualTo("Eileen");
    }

    @Test
    void notNameTakesTheNextCandidateOrLeavesTheFaceUnknown() {
        List<ImageFaces.FaceItem> f = name(List.of(ref("Eileen", 0), ref("Akane", 0.12)),
                face(0.02, said(null, List.of("eileen"), null)), face(0.02, said(null, List.of("Eileen", "Akane"), null)));
        assertThat(f.get(0).character).isEqualTo("Akane");
        assertThat(f.get(1).character).isNull();
        assertThat(f.get(1).status).isEqualTo(ClassifyInfo.STATUS_UNKNOWN);
    }

    @Test
    void aConfirmedFaceIsItsNameAndProposesItToItsLookAlikes() {
        List<ImageFaces.FaceItem> f = name(List.of(ref("Eileen", 0)),
                face(0.9, said("Lucy", null, null)), face(0.95, null), face(0.3, null), face(0.05, said("lucy", null, null)));
        assertThat(f.get(0).character).isEqualTo("Lucy");
        assertThat(f.get(0).status).isEqualTo(ClassifyInfo.CONFIRMED);
        assertThat(f.get(1).character).isEqualTo("Lucy");
        assertThat(f.get(1).status).isEqualTo(ClassifyInfo.PROPOSED);
        assertThat(f.get(2).status).isEqualTo(ClassifyInfo.STATUS_UNKNOWN);
        assertThat(f.get(3).character).as("the user's word beats the references; one spelling per name").isEqualTo("Lucy");
        assertThat(f.get(3).status).isEqualTo(ClassifyInfo.CONFIRMED);
    }

    @Test
    void aConfirmedNameThatDiffersOnlyInCaseIsTheFoldersCharacter() {
        List<ImageFaces.FaceItem> f = name(List.of(ref("Eileen", 0)), face(0.6, said("EILEEN", null, null)), face(0.62, null));
        assertThat(f.get(0).character).isEqualTo("Eileen");
        assertThat(f.get(1).character).isEqualTo("Eileen");
        assertThat(f.get(1).status).isEqualTo(ClassifyInfo.PROPOSED);
    }

    @Test
    void ignoredFacesStayUnknownAndNoiseSinksTakeTheirFaces() {
        List<ImageFaces.FaceItem> f = name(List.of(ref("Eileen", 0), ref("noise_crowd", 0.5)),
                face(0.0, said(null, null, true)), face(0.52, null));
        assertThat(f.get(0).character).isNull();
        assertThat(f.get(0).status).isEqualTo(ClassifyInfo.IGNORED);
        assertThat(f.get(0).clusterable()).isFalse();
        assertThat(f.get(1).status).isEqualTo(ClassifyInfo.NOISE);
        assertThat(f.get(1).clusterable()).isFalse();
    }
}
