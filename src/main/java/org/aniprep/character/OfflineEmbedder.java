package org.aniprep.character;

import org.aniprep.image.RgbImage;

import java.util.List;

/** The default embedder when no CCIP model is on the machine: {@link OfflineSignature}, no model at all. */
public final class OfflineEmbedder implements CharacterEmbedder {
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
}
