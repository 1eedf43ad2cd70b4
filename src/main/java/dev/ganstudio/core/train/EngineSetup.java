package dev.ganstudio.core.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Engine settings that must be in place before DJL creates the PyTorch engine: never download anything
 * ({@code offline}), and one intra-op thread per core with one inter-op thread (default settings ran about 3× slower
 * on a 2-core machine, research note §6.2). Explicit system properties given by the user win.
 */
public final class EngineSetup {
    /**
     * Below this many matrix-multiply FLOPs per iteration a run uses one intra-op thread: its tensors are so small that
     * handing work to a second thread costs more than the work (measured on 2 cores, gaussian-1d-seed: 4.2 ms per
     * iteration on one thread vs 7.6 ms on two, and 0.4 s vs 23 s of system time over a run; a 1-D GAN whose D judged
     * each value with shared layers, 0.26 GFLOP per iteration: 2 epochs in 8.6 s on one thread vs 15.0 s on two). The
     * smallest image config, mnist-cgan, has 0.61.
     */
    public static final long SMALL_ITERATION_FLOPS = 500_000_000L;

    private static volatile boolean done;
    private static volatile boolean threadsGiven;
    private static volatile int defaultThreads;

    private EngineSetup() {}

    public static synchronized Engine engine() {
        if (!done) {
            setIfAbsent("offline", "true");
            threadsGiven = System.getProperty("ai.djl.pytorch.num_threads") != null;
            setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
            setIfAbsent("OPT_OUT_TRACKING", "true");
            defaultThreads = Math.max(1, Integer.getInteger("ai.djl.pytorch.num_threads", 1));
            done = true;
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * Sets the calling thread's intra-op threads for a run whose iterations multiply {@code flopsPerIteration}: one
     * thread below {@link #SMALL_ITERATION_FLOPS}, else the configured count. PyTorch keeps this setting per thread
     * (OpenMP), so the training thread itself must call it. An explicit {@code -Dai.djl.pytorch.num_threads} always wins.
     *
     * @return the threads now in use
     */
    public static int useThreadsFor(long flopsPerIteration) {
        engine();
        int wanted = threadsGiven || flopsPerIteration >= SMALL_ITERATION_FLOPS ? defaultThreads : 1;
        if (JniUtils.getNumThreads() != wanted) JniUtils.setNumThreads(wanted);
        return JniUtils.getNumThreads();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
