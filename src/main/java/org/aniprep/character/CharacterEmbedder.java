package org.aniprep.character;

import org.aniprep.image.RgbImage;

import java.util.List;

/**
 * Turns a face (and the hair around it) into a vector that identifies the character, and measures
 * how different two such vectors are: same character ⇔ difference ≤ {@link #threshold()}.
 * {@link #prepare} runs on worker threads (decode-side work), {@link #embed} on the calling thread
 * in batches (model inference).
 */
public interface CharacterEmbedder {
    /** Recorded in the sidecar; a cached embedding from another embedder is recomputed. */
    String id();

    double threshold();

    int batchSize();

    /** Thread-safe: the embedder's input for one face of an image. */
    float[] prepare(RgbImage image, FaceBox face);

    /** The embeddings of prepared inputs, in order. */
    List<float[]> embed(List<float[]> prepared);

    /** The difference of every {@code a} to every {@code b}: {@code [a.size()][b.size()]}. */
    double[][] differences(List<float[]> a, List<float[]> b);

    /** Length of an embedding (to check a cached one). */
    int dims();

    /**
     * Whether clustering should compare embeddings by cosine distance (neural features) rather
     * than by Euclidean distance (the offline signature, whose Euclidean distance is its difference).
     */
    boolean cosine();

    /** The radius within which {@code face} may take a reference's name; {@link #threshold()} unless a second test ({@link #plausible}) guards its name. */
    default double namingThreshold(float[] face) {
        return threshold();
    }

    /** A second test before {@code face} takes the name of reference {@code ref} (its difference is within the naming radius). */
    default boolean plausible(float[] face, float[] ref) {
        return true;
    }

    /** Whether a shape test decides if {@code face} may take {@code ref}'s name (else {@link #plausible} is true whatever the shapes). */
    default boolean shapeDecides(float[] face, float[] ref) {
        return false;
    }

    /**
     * How alike the shapes of two faces are (a log-odds score, higher is more alike), or NaN when this
     * embedder has no shape measure apart from its difference (then {@link ShapeVote} does nothing).
     */
    default double shapeScore(float[] a, float[] b) {
        return Double.NaN;
    }

    /** The part of an embedding that clustering compares (all of it unless the embedding carries more than its difference uses). */
    default float[] clusterVector(float[] embedding) {
        return embedding;
    }
}
