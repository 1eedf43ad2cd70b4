package dev.ganstudio.core.bench;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.Batch;
import dev.ganstudio.core.data.BatchPrefetcher;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.model.ArchitectureException;
import dev.ganstudio.core.model.NetworkShapes;
import dev.ganstudio.core.train.DataLoading;
import dev.ganstudio.core.train.Devices;
import dev.ganstudio.core.train.EngineSetup;
import dev.ganstudio.core.train.GanSession;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Measures how fast the engine trains an experiment, against what the machine's matrix multiply allows.
 *
 * <p>One model benchmark, all on the calling thread (which becomes the training thread):
 * <ol>
 *   <li>warm-up: a few iterations and matrix multiplications, so the JIT, the allocator and the thread pool settle;</li>
 *   <li>{@code rounds} rounds, each of a GEMM burst ({@link GemmProbe}, {@code 512×1024 · 1024×1024} float32) followed
 *       by a training loop of {@code stepsPerRound} iterations (one D step + one G step each) fed by a fresh
 *       {@link BatchPrefetcher} over the real data, exactly as {@code TrainingRun} feeds an epoch. Interleaving the
 *       GEMM bursts with the steps exposes both to the same background load on a shared machine.</li>
 * </ol>
 * Results: {@code ms_per_step} is the median wall time of one {@code GanSession.iterate} call; the GEMM throughput is
 * {@code 2·m·k·n} over the median time of one multiplication; the GEMM-bound step time is the iteration's matmul FLOPs
 * ({@link StepFlops}) divided by that throughput; {@code efficiency} = bound / {@code ms_per_step}.
 * {@code data_wait_fraction} is the time the loop spent in {@link BatchPrefetcher#next()} over the loop's wall time,
 * and {@code images_per_second} the real images consumed over the same wall time (waits included). The process CPU
 * time over wall time during the loops and the GEMM bursts ("cores used") shows how much of the machine the benchmark
 * actually got: on a shared machine it falls below the thread count, and the timings with it. Each round starts
 * a new prefetcher, so when a round is shorter than an epoch the start-up wait is counted more often than in a real
 * run: the reported wait fraction errs high.
 */
public final class Benchmark {

    /** GEMM shape used as the machine's reference throughput. */
    public static final int GEMM_M = 512, GEMM_K = 1024, GEMM_N = 1024;

    /**
     * How long to measure.
     *
     * @param warmupSteps    untimed iterations before the rounds
     * @param rounds         GEMM-burst + training-loop rounds
     * @param stepsPerRound  timed iterations per round (at most one epoch)
     * @param gemmPerRound   timed multiplications per round
     */
    public record Settings(int warmupSteps, int rounds, int stepsPerRound, int gemmPerRound) {
        public Settings {
            if (warmupSteps < 0 || rounds < 1 || stepsPerRound < 1 || gemmPerRound < 1) {
                throw new IllegalArgumentException("benchmark settings must be positive (warm-up >= 0)");
            }
        }

        public static Settings defaults() { return new Settings(5, 5, 20, 15); }
    }

    /**
     * One model's measurements. Times in milliseconds.
     *
     * @param gemmBoundMs  the step's matmul FLOPs at the measured GEMM throughput
     * @param efficiency   gemmBoundMs / msPerStep
     */
    public record Result(String name, String config, int batch, int steps, double msPerStep, double msPerStepMin,
                         double imagesPerSecond, double gemmGflops, double gemmGflopsMax, String gemmShape,
                         double gemmBoundMs, double efficiency, double dataWaitFraction, double cpuMsPerStep,
                         double coresUsedSteps, double coresUsedGemm, StepFlops flops) {
        public long flopsPerStep() { return flops.total(); }
    }

    private Benchmark() {}

    /** Device and intra-op threads the benchmark runs with. */
    public static Device device() { return Devices.training(); }

    public static int threads() {
        EngineSetup.engine();
        return JniUtils.getNumThreads();
    }

    /**
     * Benchmarks one experiment (its data, networks and batch size; k = n = 1).
     *
     * @param progress receives a line now and then (may be a no-op)
     */
    public static Result run(String name, ExperimentConfig config, Settings settings, Consumer<String> progress)
            throws ConfigException, DatasetException, ArchitectureException, InterruptedException {
        BatchSource data = DataLoading.open(config);
        int[] shape = data.spec().sampleShape();
        NetworkShapes.check(config, shape, data.spec().numClasses());
        int batch = config.training().batchSize();
        StepFlops flops = StepFlops.of(config, shape, data.spec().numClasses(), batch, 1, 1);
        int perRound = Math.min(settings.stepsPerRound(), data.batchesPerEpoch());

        long[] stepNanos = new long[settings.rounds() * perRound];
        long[] gemmNanos = new long[settings.rounds() * settings.gemmPerRound()];
        int steps = 0, gemms = 0;
        String gemmShape;
        long loopNanos = 0, waitNanos = 0, loopCpu = 0, gemmWall = 0, gemmCpu = 0;

        try (GanSession session = GanSession.create(config, data.spec());
             GemmProbe gemm = new GemmProbe(device(), GEMM_M, GEMM_K, GEMM_N)) {
            session.setSteps(1, 1);
            gemmShape = gemm.shape();
            long step = 0;
            progress.accept(name + ": warming up (" + settings.warmupSteps() + " iterations, batch " + batch + ")");
            for (int i = 0; i < settings.warmupSteps(); i++) {
                session.iterate(data.batch(0, i % data.batchesPerEpoch()), step++, 0);
            }
            for (int i = 0; i < 3; i++) gemm.timeOnce();

            for (int r = 0; r < settings.rounds(); r++) {
                gemm.timeOnce(); // wake the thread pool after the round's pause
                long cpu0 = processCpuNanos(), wall0 = System.nanoTime();
                for (int i = 0; i < settings.gemmPerRound(); i++) gemmNanos[gemms++] = gemm.timeOnce();
                gemmCpu += processCpuNanos() - cpu0;
                gemmWall += System.nanoTime() - wall0;

                int epoch = r + 1;
                long cpuStart = processCpuNanos(), loopStart = System.nanoTime(), loopEnd;
                try (BatchPrefetcher batches = new BatchPrefetcher(data, epoch, 0, 4)) {
                    Batch b;
                    for (int s = 0; s < perRound && (b = batches.next()) != null; s++) {
                        long t0 = System.nanoTime();
                        session.iterate(b, step++, epoch);
                        stepNanos[steps++] = System.nanoTime() - t0;
                    }
                    loopEnd = System.nanoTime();
                    loopCpu += processCpuNanos() - cpuStart;
                    waitNanos += batches.waitNanos();
                }
                loopNanos += loopEnd - loopStart;
                progress.accept(String.format("%s: round %d/%d, %.1f ms/iteration so far", name, r + 1, settings.rounds(),
                        median(Arrays.copyOf(stepNanos, steps)) / 1e6));
            }
        }
        stepNanos = Arrays.copyOf(stepNanos, steps);
        double msPerStep = median(stepNanos) / 1e6;
        double msMin = Arrays.stream(stepNanos).min().orElse(0) / 1e6;
        long gemmFlops = 2L * GEMM_M * GEMM_K * GEMM_N;
        double gflops = gemmFlops / median(gemmNanos);
        double gflopsMax = gemmFlops / (double) Arrays.stream(gemmNanos).min().orElse(1);
        double boundMs = flops.total() / gflops / 1e6;
        return new Result(name, config.name(), batch, steps, msPerStep, msMin,
                (double) steps * batch / (loopNanos / 1e9), gflops, gflopsMax,
                gemmShape, boundMs, boundMs / msPerStep,
                loopNanos == 0 ? 0 : (double) waitNanos / loopNanos, loopCpu < 0 ? Double.NaN : loopCpu / 1e6 / steps, ratio(loopCpu, loopNanos), ratio(gemmCpu, gemmWall), flops);
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static double ratio(long cpu, long wall) {
        return cpu < 0 || wall <= 0 ? Double.NaN : (double) cpu / wall;
    }

    static double median(long[] values) {
        if (values.length == 0) return Double.NaN;
        long[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }
}
