package org.aniprep.model;

import org.aniprep.testing.OnnxModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxSessionsTest {
    @TempDir
    Path tmp;

    private Path sumModel(Object batch) throws Exception {
        return new OnnxModelBuilder()
                .input("x", OnnxModelBuilder.FLOAT, batch, 4)
                .initializer("axes", new long[] {1}, 1)
                // opset 13: ReduceSum takes its axes as an input (ReduceMean still as an attribute)
                .node("ReduceSum", List.of("x", "axes"), List.of("y")).attrInt("keepdims", 1).done()
                .output("y", OnnxModelBuilder.FLOAT, batch, 1)
                .metadata("names", "{0: 'face'}")
                .write(tmp.resolve("sum-" + batch + ".onnx"));
    }

    @Test
    void readsNamesShapesBatchAndMetadataAndReusesSessions() throws Exception {
        OnnxModel dynamic = OnnxSessions.open(sumModel("N"), Device.CPU);
        assertThat(dynamic.input(null).name()).isEqualTo("x");
        assertThat(dynamic.input(null).fixedBatch()).isEqualTo(-1);
        assertThat(dynamic.output(null).shape()).containsExactly(-1, 1);
        assertThat(dynamic.metadata()).containsEntry("names", "{0: 'face'}");
        assertThat(OnnxSessions.open(sumModel("N"), Device.CPU)).isSameAs(dynamic);

        List<float[]> out = dynamic.runBatch(null, List.of(new float[] {1, 2, 3, 4}, new float[] {-1, 0, 0, 0.5f}), new long[] {4}, null);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).containsExactly(10f);
        assertThat(out.get(1)).containsExactly(-0.5f);

        OnnxModel fixed = OnnxSessions.open(sumModel(1), Device.CPU);
        assertThat(fixed.input("x").fixedBatch()).isEqualTo(1);
        assertThatThrownBy(() -> fixed.input("images")).hasMessageContaining("no input named 'images'");
    }

    @Test
    void cudaFallsBackToCpuWhenNotAvailable() throws Exception {
        OnnxModel m = OnnxSessions.open(sumModel("B"), Device.CUDA);
        // the CPU build (default profile) has no CUDA provider: the session still works, on CPU
        assertThat(m.device()).isEqualTo(Device.CPU);
        assertThat(m.runBatch(null, List.of(new float[] {1, 1, 1, 1}), new long[] {4}, null).get(0)).containsExactly(4f);
    }

    @Test
    void corruptModelIsAClearError() throws Exception {
        Path bad = Files.write(tmp.resolve("bad.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> OnnxSessions.open(bad, Device.CPU))
                .isInstanceOf(ModelException.class).hasMessageContaining("bad.onnx").hasMessageContaining("not a usable ONNX model");
    }
}
