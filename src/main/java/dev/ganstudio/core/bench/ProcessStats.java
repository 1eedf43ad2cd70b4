package dev.ganstudio.core.bench;

import ai.djl.ndarray.NDManager;
import dev.ganstudio.core.train.EngineSetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process-wide memory figures: resident memory from the OS, and the NDArrays DJL manages. */
public final class ProcessStats {
    private static volatile NDManager systemManager;

    private ProcessStats() {}

    /** Resident set size (VmRSS in {@code /proc/self/status}) in MiB, or NaN where that file does not exist. */
    public static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format
        }
        return Double.NaN;
    }

    /**
     * Every NDArray that DJL's system manager holds, counted through all of its sub-managers (research note §2.3:
     * {@code BaseNDManager.getManagedArrays()} recurses into sub-managers). A count that grows from step to step is a
     * leak in the training loop.
     */
    public static int managedArrays() {
        return system().getManagedArrays().size();
    }

    private static NDManager system() {
        NDManager s = systemManager;
        if (s == null) {
            synchronized (ProcessStats.class) {
                if (systemManager == null) {
                    EngineSetup.engine();
                    // newBaseManager() is a sub-manager of the engine's system manager; close the probe right away.
                    try (NDManager probe = NDManager.newBaseManager()) {
                        systemManager = probe.getParentManager();
                    }
                }
                s = systemManager;
            }
        }
        return s;
    }
}
