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
     * Colours this close to a reference are trusted without the shape test: a character's other drawings
     * (another pose of the sprite: lucy_mad against lucy_happy, 0.042) differ in shape as a look-alike does,
     * but rarely match the colours this closely (tuning seeds: 3 more wrong names of 261, docs/classify.md).
     */
    static final double TRUSTED = 0.05;

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
        return !shapeDecides(face, ref) || ShapeCheck.plausible(face, ref, OfflineSignature.COLOUR_DIMS);
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
