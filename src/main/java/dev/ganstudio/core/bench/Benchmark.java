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
import dev.ganstudio.core.model.StepFlops;
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
 * <p>One model benchmark, all on the calling thread (which becomes the training thread), in three phases:
 * <ol>
 *   <li><b>warm-up</b>: a few iterations and matrix multiplications, so the JIT, the allocator and the thread pool
 *       settle;</li>
 *   <li><b>timing</b>: {@code timedSteps} iterations (one D step + one G step each), each followed by
 *       {@code gemmPerStep} float32 multiplications {@code 512×1024 · 1024×1024} ({@link GemmProbe}) with the same
 *       engine, device and threads, and (for all-dense networks) by one {@link GemmReplay} of the step's own
 *       products. Interleaving them step by step exposes all to the same background load, which on a shared machine
 *       changes from second to second;</li>
 *   <li><b>data</b>: an uninterrupted training loop of up to {@code dataSteps} iterations fed by a fresh
 *       {@link BatchPrefetcher} over the real data (one per epoch), exactly as {@code TrainingRun} feeds an epoch.</li>
 * </ol>
 * Results: {@code ms_per_step} is the median wall time of one {@code GanSession.iterate} call in the timing phase; the
 * GEMM throughput is {@code 2·m·k·n} over the median time of one multiplication; the GEMM-bound step time is the
 * iteration's matmul FLOPs ({@link StepFlops}) divided by that throughput; {@code efficiency} = bound /
 * {@code ms_per_step}. {@code data_wait_fraction} is the time the data-phase loop spent in {@link BatchPrefetcher#next()}
 * over its wall time, and {@code images_per_second} the real images it consumed over the same wall time (waits
 * included). The process CPU time over wall time during steps and during multiplications ("cores used") shows how
 * much of the machine the benchmark actually got: on a busy machine it falls below the thread count, and the timings
 * with it. {@code cpu_efficiency} is the same ratio in process CPU time (the step's FLOPs at the GEMM's FLOPs per CPU
 * second, over the step's CPU time): less sensitive to how much CPU other processes leave, it shows how much of the
 * step's work is matrix multiplication at the reference speed. The replay splits the gap: replay / bound is how much
 * slower the step's own matmul shapes run than the reference, step / replay what everything else adds. When the data
 * phase is shorter than an epoch, the prefetcher's start-up wait weighs more than in a real
 * run, so the reported wait fraction errs high.
 */
public final class Benchmark {

    /** GEMM shape used as the machine's reference throughput. */
    public static final int GEMM_M = 512, GEMM_K = 1024, GEMM_N = 1024;

    /**
     * How long to measure.
     *
     * @param warmupSteps untimed iterations first
     * @param timedSteps  iterations timed against the GEMM
     * @param gemmPerStep timed multiplications after each timed iteration
     * @param dataSteps   iterations of the prefetcher-fed loop (rounded up to whole epochs when an epoch is shorter)
     */
    public record Settings(int warmupSteps, int timedSteps, int gemmPerStep, int dataSteps) {
        public Settings {
            if (warmupSteps < 0 || timedSteps < 1 || gemmPerStep < 1 || dataSteps < 1) {
                throw new IllegalArgumentException("benchmark settings must be positive (warm-up >= 0)");
            }
        }

        public static Settings defaults() { return new Settings(20, 40, 2, 30); }
    }

    /**
     * One model's measurements. Times in milliseconds.
     *
     * @param gemmBoundMs the step's matmul FLOPs at the measured GEMM throughput
     * @param efficiency  gemmBoundMs / msPerStep
     * @param cpuEfficiency the same in process CPU time instead of wall time
     */
    public record Result(String name, String config, int batch, int steps, double msPerStep, double msPerStepMin,
                         double imagesPerSecond, double gemmGflops, double gemmGflopsMax, String gemmShape,
                         double gemmBoundMs, double efficiency, int dataSteps, double dataWaitFraction,
                         double cpuMsPerStep, double coresUsedSteps, double coresUsedGemm, double cpuEfficiency,
                         Double replayMs, StepFlops flops) {
        public long flopsPerStep() { return flops.total(); }

        /** Throughput of the step's own products run alone ({@link GemmReplay}), or null when not measured. */
        public Double replayGflops() { return replayMs == null ? null : flops.total() / replayMs / 1e6; }

        /** replayMs / msPerStep: how close the step comes to the time of its own products; null when not measured. */
        public Double replayEfficiency() { return replayMs == null ? null : replayMs / msPerStep; }
    }

    private Benchmark() {}

    /** Device the benchmark (and training) runs on. */
    public static Device device() { return Devices.training(); }

    /** The engine's intra-op threads. */
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
        int perEpoch = data.batchesPerEpoch();

        long[] stepNanos = new long[settings.timedSteps()];
        long[] gemmNanos = new long[settings.timedSteps() * settings.gemmPerStep()];
        long[] replayNanos = new long[settings.timedSteps()];
        boolean replayed = false;
        long stepCpu = 0, gemmCpu = 0, gemmWall = 0;
        long loopNanos = 0, waitNanos = 0;
        int dataSteps = 0;
        String gemmShape;

        try (GanSession session = GanSession.create(config, data.spec());
             GemmProbe gemm = new GemmProbe(device(), GEMM_M, GEMM_K, GEMM_N);
             GemmReplay replay = GemmReplay.of(device(), flops).orElse(null)) {
            session.setSteps(1, 1);
            gemmShape = gemm.shape();
            long step = 0;
            progress.accept(name + ": warming up (" + settings.warmupSteps() + " iterations, batch " + batch + ")");
            for (int i = 0; i < settings.warmupSteps(); i++) {
                session.iterate(data.batch(0, i % perEpoch), step++, 0);
            }
            for (int i = 0; i < 3; i++) gemm.timeOnce();
            if (replay != null) replay.timeOnce();

            progress.accept(name + ": timing " + settings.timedSteps() + " iterations, each followed by "
                    + settings.gemmPerStep() + " GEMMs " + gemmShape);
            int g = 0;
            for (int i = 0; i < settings.timedSteps(); i++) {
                int epoch = 1 + i / perEpoch;
                Batch b = data.batch(epoch, i % perEpoch);
                long cpu0 = processCpuNanos(), t0 = System.nanoTime();
                session.iterate(b, step++, epoch);
                long t1 = System.nanoTime(), cpu1 = processCpuNanos();
                stepNanos[i] = t1 - t0;
                stepCpu += cpu1 - cpu0;
                for (int j = 0; j < settings.gemmPerStep(); j++) gemmNanos[g++] = gemm.timeOnce();
                gemmCpu += processCpuNanos() - cpu1;
                gemmWall += System.nanoTime() - t1;
                if (replay != null) replayNanos[i] = replay.timeOnce();
            }
            replayed = replay != null;

            // whole epochs when they are short, as a real run restarts the prefetcher only once per epoch
            int wanted = perEpoch <= settings.dataSteps()
                    ? perEpoch * ((settings.dataSteps() + perEpoch - 1) / perEpoch) : settings.dataSteps();
            progress.accept(name + ": " + wanted + " iterations fed by the batch prefetcher");
            for (int epoch = 100; dataSteps < wanted; epoch++) { // epochs the timing phase did not use
                long loopStart = System.nanoTime(), loopEnd;
                try (BatchPrefetcher batches = new BatchPrefetcher(data, epoch, 0, 4)) {
                    Batch b;
                    while (dataSteps < wanted && (b = batches.next()) != null) {
                        session.iterate(b, step++, epoch);
                        dataSteps++;
                    }
                    loopEnd = System.nanoTime();
                    waitNanos += batches.waitNanos();
                }
                loopNanos += loopEnd - loopStart;
            }
        }
        double msPerStep = median(stepNanos) / 1e6;
        double msMin = Arrays.stream(stepNanos).min().orElse(0) / 1e6;
        long gemmFlops = 2L * GEMM_M * GEMM_K * GEMM_N;
        double gflops = gemmFlops / median(gemmNanos);
        double gflopsMax = gemmFlops / (double) Arrays.stream(gemmNanos).min().orElse(1);
        double boundMs = flops.total() / gflops / 1e6;
        int timed = stepNanos.length;
        boolean cpuKnown = processCpuNanos() >= 0 && stepCpu > 0 && gemmCpu > 0;
        return new Result(name, config.name(), batch, timed, msPerStep, msMin,
                (double) dataSteps * batch / (loopNanos / 1e9), gflops, gflopsMax, gemmShape, boundMs, boundMs / msPerStep,
                dataSteps, loopNanos == 0 ? 0 : (double) waitNanos / loopNanos,
                cpuKnown ? stepCpu / 1e6 / timed : Double.NaN,
                cpuKnown ? (double) stepCpu / Arrays.stream(stepNanos).sum() : Double.NaN,
                cpuKnown ? (double) gemmCpu / gemmWall : Double.NaN,
                !cpuKnown ? Double.NaN
                        : (double) flops.total() / gemmFlops * ((double) gemmCpu / gemmNanos.length) / ((double) stepCpu / timed),
                replayed ? median(replayNanos) / 1e6 : null, flops);
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    static double median(long[] values) {
        if (values.length == 0) return Double.NaN;
        long[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }
}
