package org.aniprep.model;

import java.util.Arrays;

/** Name and shape of a session input/output; -1 marks a dynamic (symbolic) dimension. */
public record TensorSpec(String name, long[] shape) {
    public boolean dynamic(int dim) {
        return shape[dim] < 0;
    }

    /** The fixed batch size (dim 0), or -1 when the batch is dynamic. */
    public long fixedBatch() {
        return shape.length == 0 || shape[0] < 0 ? -1 : shape[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && t.name.equals(name) && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape).replace("-1", "?");
    }
}
