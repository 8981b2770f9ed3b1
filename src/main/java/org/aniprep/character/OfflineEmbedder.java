package org.aniprep.character;

import org.aniprep.image.RgbImage;

import java.util.List;

/**
 * The default embedder when no CCIP model is on the machine: {@link OfflineSignature}, no model at all.
 * Its difference is the colour distance; a face takes a name within the threshold plus {@link #SHAPE_REACH}
 * only when {@link ShapeCheck} agrees too (docs/classify.md "Look-alikes without a reference").
 */
public final class OfflineEmbedder implements CharacterEmbedder {
    /** With the shape test guarding every name, the naming radius is the threshold plus this (0.14 → 0.16; tuning seeds only). */
    static final double SHAPE_REACH = 0.02;
    /**
     * Colours this close to a reference are strong evidence on their own: there the shapes must only not
     * clearly disagree ({@link #TRUSTED_CUT}), as a character's other drawings differ in shape as a
     * look-alike does (lucy_mad beside Eileen in RunEndToEndTest's two-shot scores −2.0 against both of
     * Lucy's references at colour 0.041 and 0.050), and these faces vote as passes in {@link ShapeVote}.
     */
    static final double TRUSTED = 0.05;
    /** The shape score below which even a face within {@link #TRUSTED} is left uncertain (log-odds −3, about 5 %). */
    static final double TRUSTED_CUT = -3.0;

    private final double threshold;

    public OfflineEmbedder(Double threshold) {
        this.threshold = threshold == null ? OfflineSignature.THRESHOLD : threshold;
    }

    @Override
    public String id() {
        return OfflineSignature.ID;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public int batchSize() {
        return 16;
    }

    @Override
    public float[] prepare(RgbImage image, FaceBox face) {
        return OfflineSignature.of(image, face).vector();
    }

    @Override
    public List<float[]> embed(List<float[]> prepared) {
        return prepared;
    }

    @Override
    public double[][] differences(List<float[]> a, List<float[]> b) {
        double[][] d = new double[a.size()][b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                d[i][j] = OfflineSignature.distance(a.get(i), b.get(j));
            }
        }
        return d;
    }

    @Override
    public int dims() {
        return OfflineSignature.DIMS;
    }

    @Override
    public boolean cosine() {
        return false;
    }

    /** The threshold plus {@link #SHAPE_REACH} for a face with a shape block (an embedding without one: the threshold). */
    @Override
    public double namingThreshold(float[] face) {
        return ShapeCheck.present(face, OfflineSignature.COLOUR_DIMS) ? threshold + SHAPE_REACH : threshold;
    }

    @Override
    public boolean plausible(float[] face, float[] ref) {
        int at = OfflineSignature.COLOUR_DIMS;
        if (!ShapeCheck.present(face, at) || !ShapeCheck.present(ref, at)) {
            return true;
        }
        return ShapeCheck.score(face, ref, at) >= (shapeDecides(face, ref) ? ShapeCheck.CUT : TRUSTED_CUT);
    }

    @Override
    public boolean shapeDecides(float[] face, float[] ref) {
        int at = OfflineSignature.COLOUR_DIMS;
        return ShapeCheck.present(face, at) && ShapeCheck.present(ref, at) && OfflineSignature.distance(face, ref) > TRUSTED;
    }

    @Override
    public double shapeScore(float[] a, float[] b) {
        int at = OfflineSignature.COLOUR_DIMS;
        return ShapeCheck.present(a, at) && ShapeCheck.present(b, at) ? ShapeCheck.score(a, b, at) : Double.NaN;
    }

    @Override
    public float[] clusterVector(float[] embedding) {
        return embedding.length > OfflineSignature.COLOUR_DIMS ? java.util.Arrays.copyOf(embedding, OfflineSignature.COLOUR_DIMS) : embedding;
    }
}
