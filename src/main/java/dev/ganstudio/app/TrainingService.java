package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.train.GanSession;
import dev.ganstudio.core.train.NonFiniteLossException;
import dev.ganstudio.core.train.RunControl;
import dev.ganstudio.core.train.RunSummary;
import dev.ganstudio.core.train.StepMetrics;
import dev.ganstudio.core.train.TrainingEvent;
import dev.ganstudio.core.train.TrainingRun;

import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Owns the training engine on one background thread. The engine's event consumer runs on that thread and only does
 * cheap work: step metrics go into a lock-free queue, everything else into a second one, and an FX
 * {@code AnimationTimer} drains both once per pulse ({@link #drain}) — no {@code Platform.runLater} per step. After each
 * epoch the consumer saves a snapshot of G's parameters for the latent renderer (the only place that may touch the
 * training networks is this thread).
 *
 * <p>Control methods ({@link #pause}, {@link #step}, …) may be called from any thread.
 */
public final class TrainingService implements AutoCloseable {
    public enum State { IDLE, STARTING, RUNNING, PAUSED, STOPPING, STOPPED, FINISHED, FAILED }

    /** Something the FX side applies, besides step metrics. */
    public sealed interface Update {}

    public record StateUpdate(State state, String message) implements Update {}

    /** A run began; {@code initialG} is its generator before the first step (the explorer renders from it until the first epoch). */
    public record Started(TrainingEvent.Started event, ExperimentConfig config, DataSpec spec, Path runDir, boolean resumed,
                          GeneratorSnapshot initialG) implements Update {}

    public record EpochDone(TrainingEvent.Epoch event, GeneratorSnapshot snapshot, OneDView oneD) implements Update {}

    public record OneDLive(OneDView view) implements Update {}

    public record CheckpointSaved(Path dir, long step) implements Update {}

    public record Failed(String message) implements Update {}

    /** A health warning from the engine (what was seen, and what to try). */
    public record Health(dev.ganstudio.core.metrics.HealthWarning warning) implements Update {}

    /** A condition warned about earlier no longer holds. */
    public record HealthCleared(dev.ganstudio.core.metrics.HealthCleared cleared) implements Update {}

    /** A message from the engine for the status bar. */
    public record Notice(String message) implements Update {}

    public record Finished(RunSummary summary) implements Update {}

    /** Latest progress of the running loop (written by the training thread, read by the FX thread). */
    public record Progress(long step, int epoch, int batchIndex, int batchesPerEpoch, double imagesPerSecond,
                           int targetEpochs, long firstStep, long startNanos, int batchSize) {
        public long totalSteps() { return (long) targetEpochs * batchesPerEpoch; }
    }

    private static final long ONE_D_LIVE_NANOS = 250_000_000L;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        // below the FX thread's priority: on a machine whose cores all train, a pulse still gets a core at once
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(BackgroundPriority.Level.TRAINING);
            r.run();
        }, "gan-training");
        t.setDaemon(true);
        return t;
    });
    private final Queue<StepMetrics> steps = new ConcurrentLinkedQueue<>();
    private final Queue<Update> updates = new ConcurrentLinkedQueue<>();
    private volatile Progress progress;
    private volatile State state = State.IDLE;
    private volatile RunControl control;
    private volatile Path runDir;
    private volatile boolean wantPaused;
    private volatile int pendingSteps;
    private volatile RunControl.Action pendingKind = RunControl.Action.ITERATE;
    private volatile Float pendingLrG, pendingLrD;
    private volatile Integer pendingK, pendingN;

    // training-thread state
    private TrainingRun run;
    private OneDProbe probe;
    private long lastProbe;
    private Started started;
    private boolean resumedRun;

    public State state() { return state; }

    public Path runDir() { return runDir; }

    public Progress progress() { return progress; }

    public boolean busy() {
        State s = state;
        return s == State.STARTING || s == State.RUNNING || s == State.PAUSED || s == State.STOPPING;
    }

    /** Starts a new run of {@code config} in {@code dir}; paused before its first step when {@code paused}. */
    public void start(ExperimentConfig config, Path dir, boolean paused) {
        begin(dir, paused);
        executor.execute(() -> trainTask(events -> TrainingRun.create(config, dir, events), config.training().epochs(), false));
    }

    /** Continues the run in {@code dir} from its latest checkpoint until {@code targetEpochs} epochs are complete. */
    public void resume(Path dir, int targetEpochs, boolean paused) {
        begin(dir, paused);
        executor.execute(() -> trainTask(events -> TrainingRun.resume(dir, events), targetEpochs, true));
    }

    private void begin(Path dir, boolean paused) {
        if (busy()) throw new IllegalStateException("a run is already in progress; stop it first");
        runDir = dir;
        wantPaused = paused;
        pendingSteps = 0;
        progress = null;
        setState(State.STARTING, "preparing " + dir.getFileName() + "…");
    }

    @FunctionalInterface
    private interface Opener { TrainingRun open(Consumer<TrainingEvent> events) throws Exception; }

    private void trainTask(Opener opener, int targetEpochs, boolean resumed) {
        TrainingRun r = null;
        resumedRun = resumed;
        BackgroundPriority.lowerCompilerThreads(); // the JVM may have started more since the last run
        try {
            r = opener.open(this::onEvent);
            run = r;
            probe = r.data() instanceof DistributionBatchSource d ? new OneDProbe(r.config(), d) : null;
            started = null;
            control = r.control();
            applyPending(control);
            if (state == State.STOPPING) control.stop();
            RunSummary summary = r.train(targetEpochs);
            setState(summary.status().equals("stopped") ? State.STOPPED : State.FINISHED,
                    summary.status().equals("stopped") ? "stopped at step " + summary.steps() + " (checkpoint saved)"
                            : "finished " + summary.epochs() + " epochs");
        } catch (NonFiniteLossException e) {
            setState(State.FAILED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            setState(State.STOPPED, "interrupted");
        } catch (Throwable e) {
            String message = Fx.message(e);
            updates.add(new Failed(message));
            setState(State.FAILED, message);
        } finally {
            control = null;
            run = null;
            probe = null;
            if (r != null) {
                try {
                    r.close();
                } catch (RuntimeException ignored) {
                    // the session is gone either way
                }
            }
        }
    }

    /** The engine's event consumer: on the training thread, between iterations. */
    private void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s) {
            steps.add(s.metrics());
            Progress p = progress;
            progress = new Progress(s.metrics().step(), s.metrics().epoch(), s.batchIndex(), s.batchesPerEpoch(),
                    s.imagesPerSecond(), p == null ? 0 : p.targetEpochs(), p == null ? s.metrics().step() : p.firstStep(),
                    p == null ? System.nanoTime() : p.startNanos(), p == null ? 0 : p.batchSize());
            if (probe != null && System.nanoTime() - lastProbe > ONE_D_LIVE_NANOS) {
                lastProbe = System.nanoTime();
                updates.add(new OneDLive(probe.probe(run.session(), s.metrics().epoch(), s.metrics().step() + 1)));
            }
            RunControl c = control;
            if (c != null && wantPaused && state == State.RUNNING) setState(State.PAUSED, "paused");
        } else if (e instanceof TrainingEvent.Started st) {
            progress = new Progress(st.step(), st.epoch(), 0, st.batchesPerEpoch(), 0, st.targetEpochs(), st.step(),
                    System.nanoTime(), st.batchSize());
            GeneratorSnapshot initialG = GeneratorSnapshot.of(run.config(), run.data().spec(), run.session().generatorWeights(), st.epoch());
            updates.add(new Started(st, run.config(), run.data().spec(), run.runDir(), resumedRun, initialG));
            setState(wantPaused ? State.PAUSED : State.RUNNING, wantPaused ? "paused before the first step" : "training");
        } else if (e instanceof TrainingEvent.Epoch ep) {
            GanSession session = run.session();
            GeneratorSnapshot snap = GeneratorSnapshot.of(run.config(), run.data().spec(), session.generatorWeights(), ep.epoch());
            OneDView view = probe == null ? null : probe.probe(session, ep.epoch(), ep.step());
            updates.add(new EpochDone(ep, snap, view));
            HeapHeadroom.adjust(); // here, on the training thread: the FX thread only applies results
        } else if (e instanceof TrainingEvent.CheckpointSaved c) {
            updates.add(new CheckpointSaved(c.dir(), c.step()));
        } else if (e instanceof TrainingEvent.Health h) {
            updates.add(new Health(h.toWarning()));
        } else if (e instanceof TrainingEvent.HealthCleared c) {
            updates.add(new HealthCleared(c.toCleared()));
        } else if (e instanceof TrainingEvent.Notice n) {
            updates.add(new Notice(n.message()));
        } else if (e instanceof TrainingEvent.Failed f) {
            updates.add(new Failed(f.message()));
        } else if (e instanceof TrainingEvent.Finished f) {
            updates.add(new Finished(f.summary()));
        }
    }

    /** Moves everything queued so far to the FX side; call from the FX thread once per pulse. */
    public void drain(Consumer<StepMetrics> stepSink, Consumer<Update> updateSink) {
        StepMetrics m;
        while ((m = steps.poll()) != null) stepSink.accept(m);
        Update u;
        while ((u = updates.poll()) != null) updateSink.accept(u);
    }

    public void pause() {
        wantPaused = true;
        RunControl c = control;
        if (c != null) {
            c.pause();
            if (state == State.RUNNING) setState(State.PAUSED, "paused");
        }
    }

    public void resumeRun() {
        wantPaused = false;
        RunControl c = control;
        if (c != null) {
            c.resume();
            if (state == State.PAUSED) setState(State.RUNNING, "training");
        }
    }

    /** One iteration (ITERATE), one D step or one G step; pauses first when running. */
    public void step(RunControl.Action kind) {
        wantPaused = true;
        RunControl c = control;
        if (c == null) {
            pendingKind = kind;
            pendingSteps++;
            return;
        }
        c.pause();
        if (state == State.RUNNING) setState(State.PAUSED, "paused");
        c.step(kind);
    }

    public void stop() {
        RunControl c = control;
        if (state == State.STARTING || state == State.RUNNING || state == State.PAUSED) setState(State.STOPPING, "stopping…");
        if (c != null) c.stop();
    }

    public void setLearningRates(float lrG, float lrD) {
        pendingLrG = lrG;
        pendingLrD = lrD;
        RunControl c = control;
        if (c != null) c.setLearningRates(lrG, lrD);
    }

    public void setSteps(int k, int n) {
        pendingK = k;
        pendingN = n;
        RunControl c = control;
        if (c != null) c.setSteps(k, n);
    }

    private void applyPending(RunControl c) {
        if (wantPaused) c.pause();
        if (pendingSteps > 0) {
            c.step(pendingKind);
            pendingSteps = 0;
        }
        if (pendingLrG != null) c.setLearningRates(pendingLrG, pendingLrD);
        if (pendingK != null) c.setSteps(pendingK, pendingN);
        pendingLrG = null;
        pendingK = null;
    }

    /** Clears what the next run should inherit (live rates, k/n). */
    public void clearLiveSettings() {
        pendingLrG = pendingLrD = null;
        pendingK = pendingN = null;
    }

    private void setState(State s, String message) {
        state = s;
        updates.add(new StateUpdate(s, message));
    }

    /** Stops any run and waits up to {@code millis} for the training thread to finish. */
    public void shutdown(long millis) {
        stop();
        executor.shutdown();
        try {
            executor.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() { shutdown(10_000); }
}
