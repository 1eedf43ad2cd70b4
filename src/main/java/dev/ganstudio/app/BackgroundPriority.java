package dev.ganstudio.app;

import com.sun.jna.Platform;

/**
 * Lowers the CPU priority (raises the "nice" value) of the calling thread, so that on a machine whose cores are all
 * busy training, the kernel still runs the FX and render threads first when they wake up for a pulse. Linux keeps a
 * nice value per thread, and threads started later by this thread (the batch prefetcher, PyTorch's worker threads)
 * inherit it. Lowering one's own priority needs no privileges. A no-op where it is not supported.
 */
final class BackgroundPriority {
    /** How far training threads step back: 10 of the 19 levels below normal ({@code -Dganstudio.trainingNice=N}, 0 = off). */
    static final int TRAINING_NICE = Integer.getInteger("ganstudio.trainingNice", 10);
    /** The studio's helper threads (latent renderer, data/picture worker): behind the FX and render threads, ahead of training. */
    static final int HELPER_NICE = Math.min(TRAINING_NICE, 5);
    private static final int PRIO_PROCESS = 0;
    private static final long SYS_GETTID_X86_64 = 186, SYS_GETTID_AARCH64 = 178;

    private BackgroundPriority() {}

    /** Gives the calling thread nice {@code nice}; returns false when the platform does not allow it. */
    static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) return false;
        if (!Platform.isLinux() || !(Platform.isIntel() || Platform.isARM()) || !Platform.is64Bit()) return false;
        try {
            LibC c = LibC.load();
            long tid = c.syscall(Platform.isARM() ? SYS_GETTID_AARCH64 : SYS_GETTID_X86_64);
            return tid > 0 && c.setpriority(PRIO_PROCESS, (int) tid, nice) == 0;
        } catch (Throwable e) { // no libc through JNA: keep the normal priority
            return false;
        }
    }
}
