package dev.ganstudio.core.bench;

import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.Batch;
import dev.ganstudio.core.data.BatchPrefetcher;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.model.ArchitectureException;
import dev.ganstudio.core.model.NetworkShapes;
import dev.ganstudio.core.train.DataLoading;
import dev.ganstudio.core.train.GanSession;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;

/**
 * A long training loop that watches for leaks: resident memory and DJL's managed-array count before the first
 * iteration, after a warm-up and at the end, plus the extremes of periodic samples taken after the warm-up. The loop
 * is the one {@code TrainingRun} runs (a {@link BatchPrefetcher} per epoch, one {@code GanSession.iterate} per batch),
 * without writing files.
 *
 * <p>Warm-up ends at the first garbage collection after the requested minimum number of iterations (at the latest at
 * half the soak). Until the young generation has been filled once at the size the collector settled on after its first
 * collections, the JVM keeps handing out heap pages it has never touched, so resident memory climbs by up to the young
 * generation's size (hundreds of MB with the launcher's heap) without anything leaking; after that it is flat unless
 * something leaks.
 */
public final class Soak {

    /** Process memory at one point of the loop. */
    public record Sample(long step, double rssMb, int managedArrays) {}

    /**
     * @param warmupSteps          iterations before the "after warm-up" sample (see the class comment)
     * @param minArraysAfterWarmup extremes of the managed-array count over the periodic samples from the end of the
     *                             warm-up to the end
     * @param maxRssMbAfterWarmup  the largest resident memory among those samples
     * @param gcCount              garbage collections during the loop
     */
    public record Result(String config, int steps, int batch, long warmupSteps, double msPerStep, Sample start,
                         Sample afterWarmup, Sample end, int minArraysAfterWarmup, int maxArraysAfterWarmup,
                         double maxRssMbAfterWarmup, int samples, long gcCount) {
        public double rssGrowthMb() { return end.rssMb() - afterWarmup.rssMb(); }

        public boolean arraysConstant() { return minArraysAfterWarmup == maxArraysAfterWarmup; }
    }

    private Soak() {}

    /** Default minimum warm-up: 500 iterations, or a tenth of a shorter soak. */
    public static int defaultWarmup(int steps) { return Math.min(500, Math.max(1, steps / 10)); }

    /**
     * Runs {@code steps} iterations of the experiment (k and n from its config) and samples memory every
     * {@code sampleEvery} iterations after the warm-up.
     *
     * @param minWarmupSteps iterations the warm-up lasts at least
     */
    public static Result run(ExperimentConfig config, int steps, int minWarmupSteps, int sampleEvery, Consumer<String> progress)
            throws ConfigException, DatasetException, ArchitectureException, InterruptedException {
        if (steps < 2 || minWarmupSteps < 0 || minWarmupSteps >= steps || sampleEvery < 1) {
            throw new IllegalArgumentException("soak needs at least 2 steps, 0 <= warm-up < steps and a positive sample interval; got "
                    + steps + " steps, warm-up " + minWarmupSteps);
        }
        BatchSource data = DataLoading.open(config);
        NetworkShapes.check(config, data.spec().sampleShape(), data.spec().numClasses());
        long latestWarmupEnd = Math.max(minWarmupSteps, steps / 2);
        Sample start, afterWarmup = null, end;
        int minArrays = Integer.MAX_VALUE, maxArrays = Integer.MIN_VALUE, samples = 0;
        double maxRss = 0;
        long loopNanos, gcAtStart;
        try (GanSession session = GanSession.create(config, data.spec())) {
            start = sample(0);
            gcAtStart = gcCount();
            long step = 0, gcAtMinWarmup = minWarmupSteps == 0 ? gcCount() : Long.MAX_VALUE;
            int epoch = 0;
            long t0 = System.nanoTime();
            outer:
            while (true) {
                try (BatchPrefetcher batches = new BatchPrefetcher(data, epoch, 0, 4)) {
                    Batch b;
                    while ((b = batches.next()) != null) {
                        session.iterate(b, step, epoch);
                        step++;
                        if (step == minWarmupSteps) gcAtMinWarmup = gcCount();
                        if (afterWarmup == null && step > minWarmupSteps && (gcCount() > gcAtMinWarmup || step >= latestWarmupEnd)) {
                            afterWarmup = sample(step);
                            progress.accept(String.format("soak: warm-up done at step %d: %.1f MB resident, %d managed arrays",
                                    step, afterWarmup.rssMb(), afterWarmup.managedArrays()));
                        }
                        if (afterWarmup != null && (step % sampleEvery == 0 || step == steps || step == afterWarmup.step())) {
                            Sample s = step == afterWarmup.step() ? afterWarmup : sample(step);
                            samples++;
                            minArrays = Math.min(minArrays, s.managedArrays());
                            maxArrays = Math.max(maxArrays, s.managedArrays());
                            maxRss = Math.max(maxRss, s.rssMb());
                            if (step % (sampleEvery * 10L) == 0) {
                                progress.accept(String.format("soak: step %d/%d: %.1f MB resident, %d managed arrays",
                                        step, steps, s.rssMb(), s.managedArrays()));
                            }
                        }
                        if (step >= steps) break outer;
                    }
                }
                epoch++;
            }
            loopNanos = System.nanoTime() - t0;
            end = sample(step);
        }
        return new Result(config.name(), steps, config.training().batchSize(), afterWarmup.step(), loopNanos / 1e6 / steps,
                start, afterWarmup, end, minArrays, maxArrays, maxRss, samples, gcCount() - gcAtStart);
    }

    private static Sample sample(long step) {
        return new Sample(step, ProcessStats.residentMegabytes(), ProcessStats.managedArrays());
    }

    /** Garbage collections so far, over all of the JVM's collectors. */
    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }
}
