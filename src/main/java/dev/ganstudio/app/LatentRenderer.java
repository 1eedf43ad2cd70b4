package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.train.TrainedGenerator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Renders latent vectors on its own daemon thread from a {@link GeneratorSnapshot} — never from the training networks
 * (research note §5). The snapshot is loaded into a private {@link TrainedGenerator} the first time a request needs
 * it after it changed (a later snapshot of the same network only copies its weights in). Requests go through named channels ("slider", "strip", …): when a channel gets a new request
 * before the previous one ran, only the newest runs, so a dragged slider never builds a queue.
 *
 * <p>Results are handed to the callback on the renderer thread; callers hop to the FX thread themselves.
 */
public final class LatentRenderer implements AutoCloseable {
    /**
     * What a render produced: how long the job (generate + conversion) took, how long the request waited for the
     * renderer thread and how long loading a newer generator took before it ({@code 0} when already loaded).
     */
    public record Result<T>(T value, long nanos, int epoch, long waitNanos, long loadNanos) {}

    /** Work done with the current generator, on the renderer thread. */
    @FunctionalInterface
    public interface Job<T> { T run(TrainedGenerator g) throws Exception; }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(BackgroundPriority.Level.HELPER);
            r.run();
        }, "latent-renderer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<GeneratorSnapshot> latest = new AtomicReference<>();
    private final ConcurrentHashMap<String, AtomicReference<Runnable>> channels = new ConcurrentHashMap<>();
    private GeneratorSnapshot loaded;   // renderer thread only: whose weights the generator holds (null: none yet)
    private GeneratorSnapshot built;    // renderer thread only: what the generator's network was built for
    private TrainedGenerator generator; // renderer thread only

    /** Makes {@code s} the generator for the following renders (may be null to forget it). */
    public void publish(GeneratorSnapshot s) { latest.set(s); }

    public GeneratorSnapshot snapshot() { return latest.get(); }

    /**
     * Queues {@code job} on {@code channel}, replacing any job of that channel that has not started yet. {@code done}
     * gets the result, {@code failed} a readable message.
     */
    public <T> void submit(String channel, Job<T> job, Consumer<Result<T>> done, Consumer<String> failed) {
        AtomicReference<Runnable> slot = channels.computeIfAbsent(channel, k -> new AtomicReference<>());
        long submitted = System.nanoTime();
        Runnable task = () -> {
            try {
                long started = System.nanoTime();
                TrainedGenerator g = current();
                if (g == null) {
                    failed.accept("no generator yet: train at least one epoch, or open a run");
                    return;
                }
                long t0 = System.nanoTime();
                T value = job.run(g);
                done.accept(new Result<>(value, System.nanoTime() - t0, loaded.epoch(), started - submitted, t0 - started));
            } catch (Throwable e) {
                failed.accept(Fx.message(e));
            }
        };
        if (slot.getAndSet(task) == null) {
            executor.execute(() -> {
                Runnable r = slot.getAndSet(null);
                if (r != null) r.run();
            });
        }
    }

    private TrainedGenerator current() throws Exception {
        GeneratorSnapshot s = latest.get();
        if (s == null) return null;
        if (s != loaded) load(s);
        return generator;
    }

    /** Makes {@code s} the loaded generator: new weights for the same network are copied into the one already built. */
    private void load(GeneratorSnapshot s) throws Exception {
        if (s.weights() != null && generator != null && s.sameNetwork(built)) {
            generator.update(s.weights());
        } else {
            TrainedGenerator next = s.weights() != null
                    ? TrainedGenerator.fromWeights(s.config(), s.spec(), s.weights())
                    : TrainedGenerator.open(s.runDir());
            replace(next, s);
        }
        loaded = s;
    }

    private void replace(TrainedGenerator next, GeneratorSnapshot builtFor) {
        if (generator != null) generator.close();
        generator = next;
        built = builtFor;
    }

    /**
     * Builds the network of a run that is about to start (zero weights) on the renderer thread and draws a grid and a
     * single sample with it without showing them. Called when Train is pressed, while the engine sets up the run, so
     * the run's first G (and every epoch's after it) only copies its weights in, and the drawing code is warm. Measured
     * under Xvfb: building the MLP GAN's G took 45-55 ms of the renderer's time; done when the run's first G arrived,
     * a slider moved at that moment waited 60 ms for it.
     */
    public void prepare(ExperimentConfig config, DataSpec spec) {
        if (config == null || spec == null) return;
        GeneratorSnapshot target = GeneratorSnapshot.of(config, spec, null, 0);
        executor.execute(() -> {
            int[] shape = spec.sampleShape();
            int n = config.samples().count(), dim = config.latent().dim();
            try {
                if (generator == null || !target.sameNetwork(built)) {
                    replace(TrainedGenerator.zeros(config, spec), target);
                    loaded = null;
                }
                float[] grid = generator.generate(new float[n * dim], config.conditional() ? new long[n] : null, n);
                generator.generate(new float[dim], config.conditional() ? new long[1] : null, 1);
                if (spec.images()) {
                    FxImages.of(new SampleGrid(config.samples().columns(), 2, SampleGrid.DEFAULT_BACKGROUND, 1)
                            .render(new ImageBatch(grid, n, shape[0], shape[1], shape[2])));
                }
            } catch (Exception | LinkageError e) { // a preparation only: the first real render reports any problem
            }
        });
    }

    @Override
    public void close() {
        executor.execute(() -> {
            replace(null, null);
            loaded = null;
        });
        executor.shutdown();
    }
}
