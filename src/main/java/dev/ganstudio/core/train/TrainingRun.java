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
import dev.ganstudio.core.config.layer.ActivationLayer;
import dev.ganstudio.core.config.layer.BatchNormLayer;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.export.AtomicFiles;
import dev.ganstudio.core.metrics.EpochSignals;
import dev.ganstudio.core.metrics.FeatureClassifier;
import dev.ganstudio.core.metrics.HealthMonitor;
import dev.ganstudio.core.metrics.HealthCleared;
import dev.ganstudio.core.metrics.HealthWarning;
import dev.ganstudio.core.metrics.ImageReport;
import dev.ganstudio.core.model.ArchitectureException;
import dev.ganstudio.core.model.NetworkShapes;
import dev.ganstudio.core.model.StepFlops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A training run in its run directory: loads the data, checks the architecture, trains epoch after epoch, and writes
 * {@code config.json}, {@code losses.csv}, {@code metrics.csv}, {@code health.jsonl}, {@code samples/epoch-NNNN.png},
 * {@code checkpoints/} and {@code summary.json}. Runs on the calling thread; {@link #control()} steers it from other
 * threads.
 *
 * <p>For image data the first {@link #train} call also loads or trains the dataset's evaluation classifier (on this
 * thread, before any GAN step: DJL's gradient collector is process-global) and measures the untrained generator.
 */
public final class TrainingRun implements AutoCloseable {
    private final Path runDir;
    private final ExperimentConfig config;
    private final BatchSource data;
    private final GanSession session;
    private final Consumer<TrainingEvent> events;
    private final RunControl control = new RunControl();
    private final EpochOutputs outputs;
    private final HealthMonitor health;
    private ImageEvaluation evaluation;
    private boolean evaluationPrepared;
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
        this.health = new HealthMonitor(config.training().loss(), normalisesOutput(config.discriminator().layers()));
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

    /** Matrix-multiply FLOPs of one iteration (k D steps, n G steps), or Long.MAX_VALUE (the default threads) if the shapes cannot be counted. */
    private long flopsPerIteration() {
        try {
            return StepFlops.of(config, data.spec().sampleShape(), data.spec().numClasses(), config.training().batchSize(),
                    config.training().dSteps(), config.training().gSteps()).total();
        } catch (ArchitectureException | IllegalArgumentException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Trains until {@code targetEpochs} epochs are complete or {@link RunControl#stop()} is called, writing a checkpoint
     * after every epoch and on stop. On NaN/inf the run stops, keeps its last good checkpoint and reports why.
     */
    public RunSummary train(int targetEpochs) throws IOException, InterruptedException {
        events.accept(new TrainingEvent.Started(runDir, data.describe(), Devices.training().toString(), step,
                epochsCompleted, targetEpochs, data.batchesPerEpoch(), config.training().batchSize(), skippedFiles()));
        if (config.training().lrDecay().equals("linear") && targetEpochs > config.training().epochs()) {
            events.accept(new TrainingEvent.Notice("learning rates decay linearly to 0 at epoch " + config.training().epochs()
                    + " (training.epochs, training.lrDecay 'linear'), so epochs " + (config.training().epochs() + 1) + ".."
                    + targetEpochs + " train with learning rate 0; raise training.epochs in the config to continue learning"));
        }
        prepareEvaluation();
        EngineSetup.useThreadsFor(flopsPerIteration());
        wallStart = System.nanoTime();
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
                            reportHealth(health.nonFinite(step, epoch + 1, e.getMessage()));
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
                        for (HealthWarning w : health.step(m.step(), epoch + 1, m.dLoss(), m.gLoss(), m.dReal(), m.dFake())) {
                            reportHealth(w);
                        }
                        reportCleared(m.step(), epoch + 1);
                    }
                    dataWaitNanos += batches.waitNanos();
                }
                epochsCompleted++;
                batchIndex = 0;
                log.flush();
                EpochOutputs.Result r = outputs.write(epochsCompleted, step);
                events.accept(new TrainingEvent.Epoch(epochsCompleted, step, r.samples(), r.labels(), r.png(), r.metrics()));
                if (r.signals() != null) {
                    for (HealthWarning w : health.epoch(epochsCompleted, step, r.signals())) reportHealth(w);
                    reportCleared(step, epochsCompleted);
                }
                saveCheckpoint();
            }
            log.flush();
        }
        if (status.equals("stopped")) saveCheckpoint();
        RunSummary summary = writeSummary(status, outputs.finalMetrics());
        events.accept(new TrainingEvent.Finished(summary));
        return summary;
    }

    /**
     * Once per run object: the image metrics' classifier and real sample, the untrained generator's FLD (row 0 of
     * metrics.csv, measured at the start of a new run), trimming metrics.csv / health.jsonl to the checkpoint, and
     * the quality history the health checks compare against.
     */
    private void prepareEvaluation() throws IOException {
        if (evaluationPrepared) return;
        evaluationPrepared = true;
        Path metricsFile = runDir.resolve("metrics.csv");
        List<Map<String, String>> rows = MetricsLog.continueAfter(metricsFile, epochsCompleted);
        HealthLog.continueAfter(runDir.resolve("health.jsonl"), step);
        Double fldUntrained = null;
        if (data instanceof ImageBatchSource images) {
            Consumer<String> notes = note -> events.accept(new TrainingEvent.Notice(note));
            try {
                evaluation = ImageEvaluation.prepare(config, images.dataset(), data.spec(), FeatureClassifier.defaultCacheDir(), notes);
            } catch (IOException | RuntimeException e) {
                notes.accept("image metrics are off for this run: the evaluation classifier could not be prepared (" + e.getMessage() + ")");
                return;
            }
            if (evaluation.classBased()) {
                Optional<Map<String, String>> untrainedRow = rows.stream().filter(r -> "0".equals(r.get("epoch"))).findFirst();
                fldUntrained = untrainedRow.map(r -> MetricsLog.number(r, "fld")).orElse(null);
                if (fldUntrained == null) {
                    ImageReport r;
                    if (step == 0 && epochsCompleted == 0) {
                        r = evaluation.evaluate(session::generate);
                    } else {
                        try (GanSession initial = GanSession.create(config, data.spec())) {
                            r = evaluation.evaluate(initial::generate);
                        }
                    }
                    fldUntrained = r.fld();
                    if (untrainedRow.isEmpty()) {
                        Map<String, Object> m = evaluation.toMetrics(r, null);
                        m.put("fld_untrained", fldUntrained);
                        MetricsLog.append(metricsFile, 0, 0, m);
                    }
                }
                notes.accept(String.format(java.util.Locale.ROOT, "FLD of the untrained generator: %.2f (%s)", fldUntrained,
                        "Fréchet distance of classifier features; not comparable with Inception FID"));
            }
            outputs.useImageEvaluation(evaluation, fldUntrained);
        }
        for (Map<String, String> row : rows) {
            int e = Integer.parseInt(row.get("epoch"));
            if (e == 0) continue;
            Double fld = MetricsLog.number(row, "fld"), ks = MetricsLog.number(row, "ks");
            if (fld == null && ks == null) continue;
            long s = MetricsLog.number(row, "step") == null ? 0 : MetricsLog.number(row, "step").longValue();
            // replay the quality history so progress is judged across a resume; these warnings were reported then
            health.epoch(e, s, new EpochSignals(fld, fldUntrained, null, null, null, ks, null, null));
        }
        health.takeCleared(); // replayed, like the warnings: reported when it happened
    }

    /** True when D's last layers are batch norm over its output, optionally followed by an activation. */
    static boolean normalisesOutput(List<LayerSpec> layers) {
        int i = layers.size() - 1;
        while (i >= 0 && layers.get(i) instanceof ActivationLayer) i--;
        return i >= 0 && layers.get(i) instanceof BatchNormLayer;
    }

    private void reportHealth(HealthWarning w) throws IOException {
        HealthLog.append(runDir.resolve("health.jsonl"), w);
        events.accept(new TrainingEvent.Health(w.kind(), w.message(), w.suggestion(), w.step(), w.epoch()));
    }

    private void reportCleared(long atStep, int atEpoch) throws IOException {
        for (String kind : health.takeCleared()) {
            HealthCleared c = new HealthCleared(kind, atStep, atEpoch);
            HealthLog.appendCleared(runDir.resolve("health.jsonl"), c);
            events.accept(new TrainingEvent.HealthCleared(c.kind(), c.step(), c.epoch()));
        }
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
        if (evaluation != null) evaluation.close();
        session.close();
    }
}
