package org.aniprep.tag;

import org.aniprep.model.ModelException;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;
import org.aniprep.model.TensorSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A WD14 model ready to run: its session, checked against what a WD14 tagger must look like
 * (one NHWC float input [batch, S, S, 3], one [batch, n_tags] output with n_tags = CSV rows).
 */
public record Wd14Tagger(ModelSpec spec, OnnxModel model, TagList tags, int size, TensorSpec input, TensorSpec output) {

    /** Resolves and opens {@code modelArg} (built-in id, repo id, .onnx path or folder). */
    public static Wd14Tagger open(String modelArg, ModelResolver resolver) {
        return open(resolve(modelArg, resolver), resolver);
    }

    /** Opens a model already found. */
    public static Wd14Tagger open(ResolvedModel resolved, ModelResolver resolver) {
        OnnxModel model = OnnxSessions.open(resolved.modelPath(), resolver.settings().device());
        Path csv = resolved.require(Wd14Models.TAGS_ROLE);
        TagList tags;
        try {
            tags = TagList.read(csv);
        } catch (IOException e) {
            throw new ModelException(e.getMessage(), e);
        }
        return check(resolved.spec(), model, tags, resolved.modelPath(), csv);
    }

    public static ResolvedModel resolve(String arg, ModelResolver resolver) {
        return resolver.resolveArgument(arg, ModelSpec.Task.TAGGER, Wd14Models::forPath);
    }

    static Wd14Tagger check(ModelSpec spec, OnnxModel model, TagList tags, Path onnx, Path csv) {
        if (model.inputs().size() != 1) {
            throw new ModelException(onnx + ": a WD14 tagger has one input, this model has " + model.inputs());
        }
        TensorSpec in = model.input(spec.inputName());
        long[] s = in.shape();
        if (s.length != 4 || s[3] != 3 || s[1] <= 0 || s[1] != s[2]) {
            throw new ModelException(onnx + ": input " + in + " does not match a WD14 tagger's [batch, size, size, 3] (NHWC, BGR)");
        }
        TensorSpec out = model.output(spec.outputName());
        long[] o = out.shape();
        if (o.length != 2) {
            throw new ModelException(onnx + ": output " + out + " does not match a WD14 tagger's [batch, n_tags]");
        }
        if (o[1] > 0 && o[1] != tags.size()) {
            throw new ModelException(csv + " has " + tags.size() + " tags but " + onnx + " outputs " + o[1]
                    + " scores: the CSV belongs to another model");
        }
        if (tags.ratings().length == 0) {
            throw new ModelException(csv + ": no rating rows (category 9)");
        }
        return new Wd14Tagger(spec, model, tags, (int) s[1], in, out);
    }

    /** Runs one batch of preprocessed samples; returns each sample's probabilities. */
    public List<float[]> predict(List<float[]> samples) {
        List<float[]> out = model.runBatch(input.name(), samples, new long[] {size, size, 3}, output.name());
        if (out.get(0).length != tags.size()) {
            throw new ModelException(model.file() + " outputs " + out.get(0).length + " scores but its selected_tags.csv has "
                    + tags.size() + " rows: the CSV belongs to another model");
        }
        return out;
    }

    /** The model's fixed batch size, or -1 when dynamic. */
    public int fixedBatch() {
        return (int) input.fixedBatch();
    }
}
