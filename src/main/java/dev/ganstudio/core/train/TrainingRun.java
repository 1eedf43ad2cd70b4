package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.BatchPrefetcher;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.Batch;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.data.ImageBatchSource;
import dev.ganstudio.core.data.SkippedFile;
import dev.ganstudio.core.export.AtomicFiles;
import dev.ganstudio.core.model.ArchitectureException;
import dev.ganstudio.core.model.NetworkShapes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A training run in its run directory: loads the data, checks the architecture, trains epoch after epoch, and writes
 * {@code config.json}, {@code losses.csv}, {@code samples/epoch-NNNN.png}, {@code checkpoints/} and
 * {@code summary.json}. Runs on the calling thread; {@link #control()} steers it from other threads.
 */
public final class TrainingRun implements AutoCloseable {
    private final Path runDir;
    private final ExperimentConfig config;
    private final BatchSource data;
    private final GanSession session;
    private final Consumer<TrainingEvent> events;
    private final RunControl control = new RunControl();
    private final EpochOutputs outputs;
    private long step;
    private int epochsCompleted;
    private int batchIndex;
    private double secondsBefore;
    private long dataWaitNanos;
    private long wallStart;
    private final float[] baseRates = new float[2];

    private TrainingRun(Path runDir, ExperimentConfig config, BatchSource data, GanSession session,
                        Consumer<TrainingEvent> events, Optional<CheckpointState> from) {
        this.runDir = runDir;
        this.config = config;
        this.data = data;
        this.session = session;
        this.events = events;
        this.outputs = new EpochOutputs(runDir, config, data, session);
        baseRates[0] = config.training().generator().lr().floatValue();
        baseRates[1] = config.training().discriminator().lr().floatValue();
        from.ifPresent(s -> {
            baseRates[0] = (float) s.lrG();
            baseRates[1] = (float) s.lrD();
            step = s.step();
            epochsCompleted = s.epochsCompleted();
            batchIndex = s.batchIndex();
            secondsBefore = s.seconds();
        });
    }

    /**
     * Prepares a new run: validates data and architecture before anything is trained, then writes the resolved config.
     * Call on the thread that will train.
     */
    public static TrainingRun create(ExperimentConfig config, Path runDir, Consumer<TrainingEvent> events)
            throws ConfigException, DatasetException, ArchitectureException, IOException {
        BatchSource data = DataLoading.open(config);
        NetworkShapes.check(config, data.spec().sampleShape(), data.spec().numClasses());
        Files.createDirectories(runDir.resolve("samples"));
        if (Checkpoint.latest(runDir.resolve("checkpoints")).isPresent()) {
            throw new ConfigException(runDir + " already holds a run; resume it, or choose another output folder");
        }
        AtomicFiles.writeStringAtomically(runDir.resolve("config.json"), ConfigIO.toJson(config) + "\n");
        RunFiles.writeDataSpec(runDir, data.spec());
        GanSession session = GanSession.create(config, data.spec());
        TrainingRun run = new TrainingRun(runDir, config, data, session, events, Optional.empty());
        try (LossLog log = LossLog.create(runDir.resolve("losses.csv"))) {
            log.flush();
        }
        return run;
    }

    /** Reopens a run from its latest checkpoint. Call on the thread that will train. */
    public static TrainingRun resume(Path runDir, Consumer<TrainingEvent> events)
            throws ConfigException, DatasetException, ArchitectureException, IOException {
        ExperimentConfig config = ConfigIO.load(runDir.resolve("config.json"));
        Checkpoint checkpoint = Checkpoint.latest(runDir.resolve("checkpoints"))
                .orElseThrow(() -> new ConfigException(runDir + ": no complete checkpoint to resume from"));
        BatchSource data = DataLoading.open(config);
        NetworkShapes.check(config, data.spec().sampleShape(), data.spec().numClasses());
        GanSession session = GanSession.restore(config, data.spec(), checkpoint);
        CheckpointState s = checkpoint.state();
        session.setSteps(s.dSteps(), s.gSteps());
        return new TrainingRun(runDir, config, data, session, events, Optional.of(s));
    }

    public RunControl control() { return control; }

    public GanSession session() { return session; }

    public ExperimentConfig config() { return config; }

    public BatchSource data() { return data; }

    public Path runDir() { return runDir; }

    public long step() { return step; }

    public int epochsCompleted() { return epochsCompleted; }

    /**
     * Trains until {@code targetEpochs} epochs are complete or {@link RunControl#stop()} is called, writing a checkpoint
     * after every epoch and on stop. On NaN/inf the run stops, keeps its last good checkpoint and reports why.
     */
    public RunSummary train(int targetEpochs) throws IOException, InterruptedException {
        wallStart = System.nanoTime();
        events.accept(new TrainingEvent.Started(runDir, data.describe(), Devices.training().toString(), step,
                epochsCompleted, targetEpochs, data.batchesPerEpoch(), config.training().batchSize(), skippedFiles()));
        String status = "finished";
        try (LossLog log = LossLog.continueAfter(runDir.resolve("losses.csv"), step)) {
            outer:
            while (epochsCompleted < targetEpochs) {
                int epoch = epochsCompleted;
                try (BatchPrefetcher batches = new BatchPrefetcher(data, epoch, batchIndex, 4)) {
                    Batch batch;
                    while ((batch = batches.next()) != null) {
                        RunControl.Action action = control.next();
                        if (action == RunControl.Action.STOP) {
                            dataWaitNanos += batches.waitNanos();
                            status = "stopped";
                            break outer;
                        }
                        control.applyTo(session, baseRates, config.training().lrFactor(step,
                                (long) config.training().epochs() * data.batchesPerEpoch()));
                        StepMetrics m;
                        try {
                            m = switch (action) {
                                case STEP_D -> session.iterate(batch, step, epoch, 1, 0);
                                case STEP_G -> session.iterate(batch, step, epoch, 0, 1);
                                default -> session.iterate(batch, step, epoch);
                            };
                        } catch (NonFiniteLossException e) {
                            log.flush();
                            String kept = Checkpoint.latest(runDir.resolve("checkpoints"))
                                    .map(c -> " The last good checkpoint (step " + c.state().step() + ") is kept in " + c.dir() + ".")
                                    .orElse(" No checkpoint had been written yet.");
                            String message = "Training stopped: " + e.getMessage() + kept;
                            events.accept(new TrainingEvent.Failed(message));
                            writeSummary("failed: " + e.getMessage(), Map.of());
                            throw new NonFiniteLossException(message);
                        }
                        step++;
                        batchIndex++;
                        log.append(m, seconds());
                        events.accept(new TrainingEvent.Step(m, batchIndex, data.batchesPerEpoch(), imagesPerSecond()));
                    }
                    dataWaitNanos += batches.waitNanos();
                }
                epochsCompleted++;
                batchIndex = 0;
                log.flush();
                EpochOutputs.Result r = outputs.write(epochsCompleted);
                events.accept(new TrainingEvent.Epoch(epochsCompleted, step, r.samples(), r.labels(), r.png(), r.metrics()));
                saveCheckpoint();
            }
            log.flush();
        }
        if (status.equals("stopped")) saveCheckpoint();
        RunSummary summary = writeSummary(status, outputs.finalMetrics());
        events.accept(new TrainingEvent.Finished(summary));
        return summary;
    }

    /** Files or records the data loader could not use, each with its reason. */
    public List<String> skippedFiles() {
        return data instanceof ImageBatchSource images
                ? images.dataset().skipped().stream().map(SkippedFile::toString).toList() : List.of();
    }

    private void saveCheckpoint() throws IOException {
        CheckpointState state = new CheckpointState(step, epochsCompleted, batchIndex, config.seed(),
                baseRates[0], baseRates[1],
                session.dSteps(), session.gSteps(), seconds());
        Checkpoint c = Checkpoint.write(runDir.resolve("checkpoints"), session, state);
        events.accept(new TrainingEvent.CheckpointSaved(c.dir(), step));
    }

    /** Training wall time so far, including time before a resume. */
    private double seconds() { return secondsBefore + (wallStart == 0 ? 0 : (System.nanoTime() - wallStart) / 1e9); }

    private double imagesPerSecond() {
        double s = seconds();
        return s == 0 ? 0 : (double) step * config.training().batchSize() / s;
    }

    private RunSummary writeSummary(String status, Map<String, Object> metrics) throws IOException {
        double total = seconds();
        double wait = dataWaitNanos / 1e9;
        double thisSession = total - secondsBefore;
        RunSummary s = new RunSummary(config.name(), status, data.describe(), Devices.training().toString(), step,
                epochsCompleted, total, imagesPerSecond(), thisSession <= 0 ? 0 : wait / thisSession, metrics, skippedFiles());
        AtomicFiles.writeStringAtomically(runDir.resolve("summary.json"), ConfigIO.mapper().writeValueAsString(s) + "\n");
        return s;
    }

    @Override
    public void close() {
        session.close();
    }
}
