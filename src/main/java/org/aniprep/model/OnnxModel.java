package org.aniprep.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An open ONNX Runtime session plus what was read from it: input/output names and shapes (fixed or
 * dynamic batch) and the custom metadata. Thread-safe (ORT sessions may be run concurrently).
 * Obtain through {@link OnnxSessions#open}, which reuses sessions; do not close it yourself.
 */
public final class OnnxModel {
    private final Path file;
    private final OrtSession session;
    private final Device device;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, String> metadata;

    OnnxModel(Path file, OrtSession session, Device device) throws OrtException {
        this.file = file;
        this.session = session;
        this.device = device;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
        this.metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> out = new ArrayList<>();
        for (NodeInfo n : infos.values()) {
            long[] shape = n.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
            out.add(new TensorSpec(n.getName(), shape));
        }
        return List.copyOf(out);
    }

    public Path file() {
        return file;
    }

    public Device device() {
        return device;
    }

    public List<TensorSpec> inputs() {
        return inputs;
    }

    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** The named input, or the first one when {@code name} is null. */
    public TensorSpec input(String name) {
        return find(inputs, name, "input");
    }

    /** The named output, or the first one when {@code name} is null. */
    public TensorSpec output(String name) {
        return find(outputs, name, "output");
    }

    private TensorSpec find(List<TensorSpec> list, String name, String what) {
        if (name == null) {
            return list.get(0);
        }
        return list.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new ModelException(
                file + ": has no " + what + " named '" + name + "' (it has " + list + ")"));
    }

    /** Custom metadata (ModelProto.metadata_props), e.g. Ultralytics {@code imgsz} and {@code names}. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Runs a batch: {@code samples} are flattened single inputs of shape {@code sampleShape}; the result
     * is, per sample, the flattened slice of the requested output.
     */
    public List<float[]> runBatch(String inputName, List<float[]> samples, long[] sampleShape, String outputName) {
        String out = output(outputName).name();
        return runBatchOutputs(inputName, samples, sampleShape, List.of(out)).get(out);
    }

    /** {@link #runBatch(String, List, long[], String)} for several outputs at once: output name → per-sample slices. */
    public Map<String, List<float[]>> runBatchOutputs(String inputName, List<float[]> samples, long[] sampleShape, List<String> outputNames) {
        int n = samples.size();
        int per = samples.get(0).length;
        FloatBuffer buf = directFloats(n * per);
        for (float[] s : samples) {
            buf.put(s);
        }
        buf.flip();
        return runBatchOutputs(inputName, buf, n, sampleShape, outputNames);
    }

    /** A direct, native-order buffer: ONNX Runtime reads it in place, without another copy. */
    public static FloatBuffer directFloats(int count) {
        return java.nio.ByteBuffer.allocateDirect(count * Float.BYTES).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * {@link #runBatchOutputs(String, List, long[], List)} on an input already laid out: {@code input}
     * (direct, from {@link #directFloats}; position to limit) holds {@code n} samples of {@code sampleShape}.
     */
    public Map<String, List<float[]>> runBatchOutputs(String inputName, FloatBuffer input, int n, long[] sampleShape,
                                                      List<String> outputNames) {
        FloatBuffer buf = input;
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        String in = input(inputName).name();
        List<String> outs = outputNames.stream().map(o -> output(o).name()).toList();
        try (OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buf, shape);
             OrtSession.Result r = session.run(Map.of(in, t), new java.util.LinkedHashSet<>(outs))) {
            Map<String, List<float[]>> byOutput = new java.util.LinkedHashMap<>();
            for (String o : outs) {
                FloatBuffer result = ((OnnxTensor) r.get(o).orElseThrow()).getFloatBuffer();
                int outPer = result.remaining() / n;
                List<float[]> split = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    float[] v = new float[outPer];
                    result.get(v);
                    split.add(v);
                }
                byOutput.put(o, split);
            }
            return byOutput;
        } catch (OrtException e) {
            throw new ModelException(file + ": inference failed (" + e.getMessage() + ")", e);
        }
    }

    /** The underlying session, for stages that need several outputs or other input types. */
    public OrtSession session() {
        return session;
    }
}
