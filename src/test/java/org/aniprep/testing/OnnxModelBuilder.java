package org.aniprep.testing;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small ONNX models for tests (stand-ins with a real model's exact signature), encoding the
 * protobuf by hand with {@link CodedOutputStream}. Field numbers are those of onnx.proto.
 *
 * <pre>{@code
 * byte[] onnx = new OnnxModelBuilder()
 *     .input("images", OnnxModelBuilder.FLOAT, 1, 3, 640, 640)      // fixed dims
 *     .input("x", OnnxModelBuilder.FLOAT, "batch", 448, 448, 3)     // String = symbolic (dynamic) dim
 *     .initializer("W", new float[] {...}, 12, 5)                    // float tensor, dims 12x5
 *     .initializer("shape", new long[] {-1, 12}, 2)                  // int64 tensor
 *     .node("ReduceMean", List.of("x"), List.of("m")).attrInts("axes", 1, 2).attrInt("keepdims", 0).done()
 *     .node("MatMul", List.of("m", "W"), List.of("y")).done()
 *     .output("y", OnnxModelBuilder.FLOAT, "batch", 5)
 *     .metadata("imgsz", "[640, 640]")                               // custom metadata_props
 *     .build();                                                      // or .write(path)
 * }</pre>
 * Default opset 13 (ai.onnx) and IR version 8; change with {@link #opset}/{@link #irVersion}.
 * Attributes: attrInt, attrInts, attrFloat, attrFloats, attrString (separate names: an {@code ints}
 * attribute with one value must still be INTS, e.g. ReduceMean axes). Nodes may name a {@code domain} (e.g. com.microsoft).
 */
public final class OnnxModelBuilder {
    /** TensorProto.DataType values. */
    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_FLOATS = 6;
    private static final int ATTR_INTS = 7;

    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> nodes = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String graphName = "stand_in";
    private String producer = "aniprep-tests";
    private long irVersion = 8;
    private long opset = 13;
    private int nodeCount;

    public OnnxModelBuilder graphName(String name) {
        this.graphName = name;
        return this;
    }

    public OnnxModelBuilder producer(String name) {
        this.producer = name;
        return this;
    }

    public OnnxModelBuilder opset(long version) {
        this.opset = version;
        return this;
    }

    public OnnxModelBuilder irVersion(long version) {
        this.irVersion = version;
        return this;
    }

    /** A graph input; each dim is an Integer/Long (fixed) or a String (symbolic, i.e. dynamic). */
    public OnnxModelBuilder input(String name, int elemType, Object... dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /** A graph output; dims as in {@link #input}. */
    public OnnxModelBuilder output(String name, int elemType, Object... dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    public OnnxModelBuilder initializer(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        initializers.add(tensor(name, FLOAT, raw.array(), dims));
        return this;
    }

    public OnnxModelBuilder initializer(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        initializers.add(tensor(name, INT64, raw.array(), dims));
        return this;
    }

    /** A custom metadata entry (ModelProto.metadata_props), read back via getCustomMetadata(). */
    public OnnxModelBuilder metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Starts a node; add attributes, then {@link NodeBuilder#done()}. */
    public NodeBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs) {
        return new NodeBuilder(opType, nodeInputs, nodeOutputs);
    }

    public byte[] build() {
        byte[] graph = message(out -> {
            for (byte[] n : nodes) {
                out.writeByteArray(1, n);
            }
            out.writeString(2, graphName);
            for (byte[] t : initializers) {
                out.writeByteArray(5, t);
            }
            for (byte[] i : inputs) {
                out.writeByteArray(11, i);
            }
            for (byte[] o : outputs) {
                out.writeByteArray(12, o);
            }
        });
        return message(out -> {
            out.writeInt64(1, irVersion);
            out.writeString(2, producer);
            out.writeByteArray(7, graph);
            out.writeByteArray(8, message(o -> {
                o.writeString(1, "");
                o.writeInt64(2, opset);
            }));
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                out.writeByteArray(14, message(o -> {
                    o.writeString(1, e.getKey());
                    o.writeString(2, e.getValue());
                }));
            }
        });
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, build());
    }

    /** One node under construction. */
    public final class NodeBuilder {
        private final String opType;
        private final List<String> in;
        private final List<String> out;
        private final List<byte[]> attributes = new ArrayList<>();
        private String domain = "";

        private NodeBuilder(String opType, List<String> in, List<String> out) {
            this.opType = opType;
            this.in = in;
            this.out = out;
        }

        public NodeBuilder domain(String d) {
            this.domain = d;
            return this;
        }

        public NodeBuilder attrInt(String name, long value) {
            attributes.add(message(o -> {
                o.writeString(1, name);
                o.writeInt64(3, value);
                o.writeInt32(20, ATTR_INT);
            }));
            return this;
        }

        public NodeBuilder attrInts(String name, long... values) {
            attributes.add(message(o -> {
                o.writeString(1, name);
                for (long v : values) {
                    o.writeInt64(8, v);
                }
                o.writeInt32(20, ATTR_INTS);
            }));
            return this;
        }

        public NodeBuilder attrFloat(String name, float value) {
            attributes.add(message(o -> {
                o.writeString(1, name);
                o.writeFloat(2, value);
                o.writeInt32(20, ATTR_FLOAT);
            }));
            return this;
        }

        public NodeBuilder attrFloats(String name, float... values) {
            attributes.add(message(o -> {
                o.writeString(1, name);
                for (float v : values) {
                    o.writeFloat(7, v);
                }
                o.writeInt32(20, ATTR_FLOATS);
            }));
            return this;
        }

        public NodeBuilder attrString(String name, String value) {
            attributes.add(message(o -> {
                o.writeString(1, name);
                o.writeBytes(4, com.google.protobuf.ByteString.copyFrom(value, StandardCharsets.UTF_8));
                o.writeInt32(20, ATTR_STRING);
            }));
            return this;
        }

        public OnnxModelBuilder done() {
            String name = opType.toLowerCase() + "_" + nodeCount++;
            nodes.add(message(o -> {
                for (String s : in) {
                    o.writeString(1, s);
                }
                for (String s : out) {
                    o.writeString(2, s);
                }
                o.writeString(3, name);
                o.writeString(4, opType);
                for (byte[] a : attributes) {
                    o.writeByteArray(5, a);
                }
                if (!domain.isEmpty()) {
                    o.writeString(7, domain);
                }
            }));
            return OnnxModelBuilder.this;
        }
    }

    private static byte[] valueInfo(String name, int elemType, Object... dims) {
        byte[] shape = message(o -> {
            for (Object d : dims) {
                o.writeByteArray(1, message(dim -> {
                    if (d instanceof Number n) {
                        dim.writeInt64(1, n.longValue());
                    } else if (d instanceof String s) {
                        dim.writeString(2, s);
                    } else {
                        throw new IllegalArgumentException("dim must be a number or a name: " + d);
                    }
                }));
            }
        });
        byte[] tensorType = message(o -> {
            o.writeInt32(1, elemType);
            o.writeByteArray(2, shape);
        });
        byte[] type = message(o -> o.writeByteArray(1, tensorType));
        return message(o -> {
            o.writeString(1, name);
            o.writeByteArray(2, type);
        });
    }

    private static byte[] tensor(String name, int dataType, byte[] raw, long... dims) {
        return message(o -> {
            for (long d : dims) {
                o.writeInt64(1, d);
            }
            o.writeInt32(2, dataType);
            o.writeString(8, name);
            o.writeByteArray(9, raw);
        });
    }

    @FunctionalInterface
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
