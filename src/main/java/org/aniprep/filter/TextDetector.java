package org.aniprep.filter;

import org.aniprep.image.LumaPlane;
import org.aniprep.image.RgbImage;
import org.aniprep.model.Device;
import org.aniprep.model.ModelResolver;
import org.aniprep.model.ModelSpec;
import org.aniprep.model.OnnxModel;
import org.aniprep.model.OnnxSessions;
import org.aniprep.model.ResolvedModel;
import org.aniprep.sidecar.FilterInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds text in frames with the PP-OCRv4 detector ({@link TextModels}) and says what it is
 * ({@link TextLayout}). Preprocessing ({@link TextPreprocessor}) runs on the caller's worker thread,
 * the session on batches of frames of one size, post-processing ({@link DbPostProcess}) after it.
 */
public final class TextDetector {
    /** A frame ready for the detector: its tensor and the luma of the resized frame (for the background check). */
    public record Input(float[] tensor, int width, int height, int frameWidth, int frameHeight, LumaPlane resized, RgbImage frame) {
    }

    private static final int BATCH = 4;
    /** At most this many boxes of a frame are read (the largest; credits have about a dozen lines). */
    static final int MAX_READ = 32;

    private final ModelSpec spec;
    private final OnnxModel model;
    private final String source;
    private final TextPreprocessor preprocessor;
    private final DbPostProcess post;
    private final TextLayout layout = new TextLayout(TextLayout.Settings.DEFAULT);
    /** Reads the candidate boxes; null: layouts from the boxes' shapes alone (tests of the layout rules). */
    private final TextRecognizer recognizer;

    TextDetector(ModelSpec spec, OnnxModel model, String source, TextRecognizer recognizer) {
        this.spec = spec;
        this.model = model;
        this.source = source;
        this.recognizer = recognizer;
        this.preprocessor = new TextPreprocessor(spec);
        this.post = new DbPostProcess(spec);
    }

    /**
     * Opens the built-in detector from the usual places (model folders, caches, the copy inside
     * aniprep). On the CPU its session gets one thread and each worker runs its own frames
     * ({@link #framesOnWorkers}): on 2 cores that filtered the bench episode's frames 1.3-1.6× faster
     * than batches of 4 on a 2-thread session (which spends its time waking threads between the
     * model's many small operators, and whose batches of 4 ran 13 % slower a frame than single ones).
     */
    public static TextDetector open(ModelResolver resolver) {
        ResolvedModel r = resolver.resolve(TextModels.SPEC);
        Device device = resolver.settings().device();
        OnnxModel model = device == Device.CPU ? OnnxSessions.open(r.modelPath(), device, 1) : OnnxSessions.open(r.modelPath(), device);
        return new TextDetector(r.spec(), model, r.source(), TextRecognizer.open(resolver));
    }

    /** True when each frame is best detected on its own, on the worker that prepared it (one CPU thread per session). */
    public boolean framesOnWorkers() {
        return model.device() == Device.CPU;
    }

    public String id() {
        return spec.id();
    }

    /** Where the model file was found, in words. */
    public String source() {
        return source;
    }

    public OnnxModel model() {
        return model;
    }

    int batchSize() {
        return BATCH;
    }

    /** The recogniser's id, or null without one. */
    public String readerId() {
        return recognizer == null ? null : TextModels.REC_ID;
    }

    /** True when {@code cached} is this detector's (and recogniser's) result for a frame of this size (nothing to redo). */
    boolean hasResult(FilterInfo.Text cached, int width, int height) {
        return cached != null && id().equals(cached.model()) && cached.width() == width && cached.height() == height
                && java.util.Objects.equals(readerId(), cached.reader());
    }

    public Input prepare(RgbImage frame) {
        RgbImage small = preprocessor.resized(frame);
        return new Input(preprocessor.tensor(small), small.width(), small.height(), frame.width(), frame.height(),
                LumaPlane.of(small), recognizer == null ? null : frame);
    }

    /** One frame, start to finish. */
    public FilterInfo.Text detect(RgbImage frame) {
        return detect(List.of(prepare(frame))).get(0);
    }

    /** Results in input order; consecutive inputs of one size share a session run. */
    public List<FilterInfo.Text> detect(List<Input> inputs) {
        List<FilterInfo.Text> out = new ArrayList<>();
        int start = 0;
        while (start < inputs.size()) {
            Input first = inputs.get(start);
            int end = start + 1;
            while (end < inputs.size() && inputs.get(end).width() == first.width() && inputs.get(end).height() == first.height()) {
                end++;
            }
            List<Input> run = inputs.subList(start, end);
            List<float[]> maps = model.runBatch(spec.inputName(), run.stream().map(Input::tensor).toList(),
                    new long[]{3, first.height(), first.width()}, spec.outputName());
            for (int k = 0; k < run.size(); k++) {
                out.add(describe(run.get(k), maps.get(k)));
            }
            start = end;
        }
        return out;
    }

    /** The text boxes of one probability map, in frame pixels. */
    List<TextBox> boxes(Input in, float[] map) {
        return post.boxes(map, in.width(), in.height(), in.frameWidth(), in.frameHeight());
    }

    private FilterInfo.Text describe(Input in, float[] map) {
        List<TextBox> boxes = boxes(in, map);
        double sx = (double) in.width() / in.frameWidth();
        double sy = (double) in.height() / in.frameHeight();
        List<TextBox> onResized = boxes.stream()
                .map(b -> new TextBox(b.x0() * sx, b.y0() * sy, b.x1() * sx, b.y1() * sy, b.score())).toList();
        double background = Math.round(TextLayout.backgroundDetail(in.resized(), onResized) * 100) / 100.0;
        List<List<Double>> recorded = new ArrayList<>();
        for (TextBox b : boxes) {
            recorded.add(List.of(r4(b.x0() / in.frameWidth()), r4(b.y0() / in.frameHeight()), r4(b.x1() / in.frameWidth()),
                    r4(b.y1() / in.frameHeight()), r4(b.score())));
        }
        List<FilterInfo.Read> read = recognizer == null ? null : read(in.frame(), boxes);
        return classify(new FilterInfo.Text(id(), TextLayout.NONE, 0, recorded, background, in.frameWidth(), in.frameHeight(),
                readerId(), read));
    }

    /** The candidate boxes ({@link TextLayout#candidates}, the largest {@value #MAX_READ}) read in one go. */
    private List<FilterInfo.Read> read(RgbImage frame, List<TextBox> boxes) {
        List<Integer> idx = new ArrayList<>(layout.candidates(boxes, frame.width(), frame.height()));
        idx.sort(java.util.Comparator.comparingDouble((Integer i) -> -boxes.get(i).width() * boxes.get(i).height()));
        if (idx.size() > MAX_READ) {
            idx = new ArrayList<>(idx.subList(0, MAX_READ));
        }
        idx.sort(null);
        List<TextRecognizer.Reading> readings = idx.isEmpty() ? List.of() : recognizer.read(frame, idx.stream().map(boxes::get).toList());
        List<FilterInfo.Read> out = new ArrayList<>();
        for (int k = 0; k < idx.size(); k++) {
            TextRecognizer.Reading r = readings.get(k);
            out.add(new FilterInfo.Read(idx.get(k), r.text(), r4(r.confidence()), false));
        }
        return out;
    }

    /**
     * The recorded boxes judged again (the layout rules are cheap; finding and reading the boxes is not).
     * With readings, only the boxes that read as text ({@link TextLayout#readsAsText}) make lines: no
     * text verdict without recognised text.
     */
    FilterInfo.Text classify(FilterInfo.Text found) {
        int w = found.width();
        int h = found.height();
        List<TextBox> boxes = found.boxes().stream()
                .map(b -> new TextBox(b.get(0) * w, b.get(1) * h, b.get(2) * w, b.get(3) * h, b.get(4))).toList();
        if (found.reader() == null || found.read() == null) {
            TextLayout.Layout l = layout.classify(boxes, w, h, found.background());
            return new FilterInfo.Text(found.model(), l.name(), l.lines(), found.boxes(), found.background(), w, h, null, null);
        }
        List<FilterInfo.Read> read = new ArrayList<>();
        List<TextBox> text = new ArrayList<>();
        for (FilterInfo.Read r : found.read()) {
            boolean ok = r.box() >= 0 && r.box() < boxes.size() && layout.readsAsText(r.text(), r.confidence(), boxes.get(r.box()));
            read.add(new FilterInfo.Read(r.box(), r.text(), r.confidence(), ok));
            if (ok) {
                text.add(boxes.get(r.box()));
            }
        }
        TextLayout.Layout l = layout.classifyText(text, w, h, found.background());
        return new FilterInfo.Text(found.model(), l.name(), l.lines(), found.boxes(), found.background(), w, h, found.reader(), read);
    }

    private static double r4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
