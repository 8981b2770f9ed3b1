package org.aniprep.review;

import org.aniprep.pipeline.PipelineRunner;
import org.aniprep.pipeline.RunRequest;
import org.aniprep.pipeline.Stage;
import org.aniprep.pipeline.StageContext;
import org.aniprep.pipeline.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dataset view's Apply: detect → tag → classify → metadata → caption → arrange → balance on the
 * run folder ({@link DatasetPlan#stages}), as {@code aniprep run --from detect} with the options the
 * stages last finished with, in one
 * background thread. The pipeline runner takes the folder lock for the run only, as a run does; while
 * another aniprep holds the folder Apply is refused. {@link #status} is what the page polls.
 */
public final class DatasetApply implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("aniprep");

    /** Where Apply is: {@code idle}, {@code running}, {@code done}, {@code failed}; the stage (1-4), and what changed. */
    public record Status(String state, int step, int steps, String stage, String message, String started, String finished,
                  DatasetChanges.Changes changes) {
        public boolean running() {
            return state.equals("running");
        }
    }

    private final ReviewFolder folder;
    private final ReviewWriter writer;
    private final ReviewIndex index;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "aniprep-review-apply");
        t.setDaemon(true);
        return t;
    });
    private volatile Status status = new Status("idle", 0, DatasetPlan.stages().size(), null, null, null, null, null);

    DatasetApply(ReviewFolder folder, ReviewWriter writer, ReviewIndex index) {
        this.folder = folder;
        this.writer = writer;
        this.index = index;
    }

    Status status() {
        return status;
    }

    /** Starts Apply; refused while it runs, while another aniprep holds the folder, or where there is no dataset. */
    synchronized Status start() {
        if (status.running()) {
            throw new ReviewWriter.Refused(409, "Apply is running already (" + status.stage() + ")");
        }
        String why = DatasetPlan.unavailable(folder);
        if (why != null) {
            throw new ReviewWriter.Refused(409, why);
        }
        String held = writer.heldBy();
        if (held != null) {
            throw new ReviewWriter.Refused(423, "read-only for now: " + held);
        }
        status = new Status("running", 0, DatasetPlan.stages().size(), "starting", "reading the dataset as it is", Instant.now().toString(), null, null);
        thread.submit(this::run);
        return status;
    }

    private void run() {
        String started = status.started();
        Path dataset = folder.root().resolve("dataset");
        try {
            DatasetChanges.Snapshot before = DatasetChanges.snapshot(dataset);
            List<Stage<?>> stages = new ArrayList<>();
            List<Stage<?>> plain = DatasetPlan.stages();
            for (int i = 0; i < plain.size(); i++) {
                stages.add(new Watched<>(plain.get(i), i + 1, plain.size(), started));
            }
            PipelineRunner runner = new PipelineRunner(stages, (layout, records) -> { });
            RunRequest request = new RunRequest(DatasetPlan.layout(folder), DatasetPlan.settings(folder), null, null, false, false, Set.of());
            int exit = runner.run(request);
            DatasetChanges.Changes changes = DatasetChanges.diff(before, DatasetChanges.snapshot(dataset));
            refreshIndex();
            status = new Status(exit == 0 ? "done" : "failed", stages.size(), stages.size(), null, exit == 0 ? "applied: " + changes.summary()
                    : "applied with problems (exit " + exit + ", see the server's output): " + changes.summary(), started,
                    Instant.now().toString(), changes);
        } catch (IOException | RuntimeException e) {
            LOG.error("review: Apply failed: {}", e.getMessage());
            refreshIndex();
            status = new Status("failed", status.step(), status.steps(), status.stage(), "Apply failed: " + e.getMessage(), started,
                    Instant.now().toString(), null);
        }
    }

    /** Metadata and caption changed records; the index reads every frame's record again. */
    private void refreshIndex() {
        List<String> all = index.all().stream().map(FrameEntry::rel).toList();
        index.refresh(all, all);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** A stage that says when it starts, for the progress shown. */
    private final class Watched<O> implements Stage<O> {
        private final Stage<O> stage;
        private final int step;
        private final int steps;
        private final String started;

        Watched(Stage<O> stage, int step, int steps, String started) {
            this.stage = stage;
            this.step = step;
            this.steps = steps;
            this.started = started;
        }

        @Override
        public String name() {
            return stage.name();
        }

        @Override
        public O newOptions() {
            return stage.newOptions();
        }

        @Override
        public List<String> layoutArgs(org.aniprep.pipeline.RunLayout layout) {
            return stage.layoutArgs(layout);
        }

        @Override
        public List<String> runDefaults() {
            return stage.runDefaults();
        }

        @Override
        public void check(O options) {
            stage.check(options);
        }

        @Override
        public Optional<String> unavailable(O options) {
            return stage.unavailable(options);
        }

        @Override
        public List<Path> writes(O options) {
            return stage.writes(options);
        }

        @Override
        public StageResult run(O options, StageContext context) throws IOException {
            status = new Status("running", step, steps, stage.name(), step + "/" + steps + ": " + stage.name(), started, null, null);
            return stage.run(options, context);
        }
    }
}
