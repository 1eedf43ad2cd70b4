package dev.ganstudio.core.train;

import ai.djl.engine.Engine;

/**
 * Engine settings that must be in place before DJL creates the PyTorch engine: never download anything
 * ({@code offline}), and one intra-op thread per core with one inter-op thread (default settings ran about 3× slower
 * on a 2-core machine, research note §6.2). Explicit system properties given by the user win.
 */
public final class EngineSetup {
    private static volatile boolean done;

    private EngineSetup() {}

    public static synchronized Engine engine() {
        if (!done) {
            setIfAbsent("offline", "true");
            setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
            setIfAbsent("OPT_OUT_TRACKING", "true");
            done = true;
        }
        return Engine.getEngine("PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
