package org.aniprep.sidecar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** How sidecars store embeddings: base64 of little-endian float32. */
public final class FloatVectors {
    private FloatVectors() {
    }

    public static String encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The vector; throws IllegalArgumentException when the text is not base64 of whole floats. */
    public static float[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("not a whole number of float32 values");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
