package org.aniprep.testing;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnnxModelBuilderTest {

    @Test
    void runsInOnnxRuntimeWithSymbolicBatchAndMetadata() throws Exception {
        byte[] model = new OnnxModelBuilder()
                .input("x", OnnxModelBuilder.FLOAT, "batch", 2, 3)
                .initializer("W", new float[] {1, 0, 0, 1, 1, 1}, 3, 2)
                .initializer("shape", new long[] {-1, 2}, 2)
                .node("MatMul", List.of("x", "W"), List.of("xw")).done()
                .node("ReduceMean", List.of("xw"), List.of("m")).attrInts("axes", 1).attrInt("keepdims", 0).done()
                .node("Reshape", List.of("m", "shape"), List.of("r")).done()
                .node("LeakyRelu", List.of("r"), List.of("y")).attrFloat("alpha", 0.5f).done()
                .output("y", OnnxModelBuilder.FLOAT, "batch", 2)
                .metadata("imgsz", "[640, 640]")
                .metadata("names", "{0: 'face'}")
                .build();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions())) {
            NodeInfo in = s.getInputInfo().get("x");
            assertThat(((TensorInfo) in.getInfo()).getShape()).containsExactly(-1, 2, 3);
            assertThat(s.getMetadata().getCustomMetadata()).containsAllEntriesOf(Map.of("imgsz", "[640, 640]", "names", "{0: 'face'}"));
            // batch of 2: rows (1,2,3),(4,5,6) | (-1,-1,-1),(0,0,0)
            float[] x = {1, 2, 3, 4, 5, 6, -1, -1, -1, 0, 0, 0};
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 2, 3});
                 OrtSession.Result r = s.run(Map.of("x", t))) {
                float[][] y = (float[][]) r.get(0).getValue();
                // x·W rows: (1+3, 2+3)=(4,5), (4+6, 5+6)=(10,11) → mean (7, 8)
                assertThat(y[0][0]).isCloseTo(7f, within(1e-6f));
                assertThat(y[0][1]).isCloseTo(8f, within(1e-6f));
                // (-2,-2),(0,0) → mean (-1,-1) → LeakyRelu 0.5 → -0.5
                assertThat(y[1][0]).isCloseTo(-0.5f, within(1e-6f));
            }
        }
    }
}
