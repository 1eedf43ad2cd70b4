package dev.ganstudio.app;

import com.sun.jna.Platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Keeps the studio's background work from taking a core the FX and render threads are waiting for. On Linux, training
 * and the JIT compilers run under {@code SCHED_IDLE}: the kernel gives them a core only when no normal thread wants
 * it, and a waking FX or render thread takes the core from them at once. At nice 10 (the earlier policy) a compiler
 * burst or a training step still held a core for whole 4 ms ticks while the render thread waited (kernel scheduler
 * trace under Xvfb, two cores, MLP GAN training). The helpers the user waits on (latent renderer, data worker) run at
 * nice 5 under the normal policy: ahead of training, behind the UI; under {@code SCHED_IDLE} they shared a core with
 * training and a latent slider move took 9–12 ms instead of 5–6 (median, bench mode). Threads started later by these
 * threads (the batch prefetcher, PyTorch's workers) inherit the setting. Lowering one's own threads needs no
 * privileges. Where {@code SCHED_IDLE} is refused, training gets nice 10 instead; off Linux nothing changes.
 *
 * <p>{@code -Dganstudio.background=idle} (default), {@code nice} (nice values only) or {@code off}.
 */
final class BackgroundPriority {
    private static final String MODE = System.getProperty("ganstudio.background", "idle");
    /** How far a thread steps back: training (and the compilers) under {@code SCHED_IDLE}, helpers at nice 5. */
    enum Level {
        /** {@code SCHED_IDLE}; nice 10 where that is refused or {@code -Dganstudio.background=nice}. */
        TRAINING(10, true),
        /** Nice 5 under the normal policy: ahead of training, behind the UI. */
        HELPER(5, false);

        final int nice;
        final boolean idle;

        Level(int nice, boolean idle) {
            this.nice = nice;
            this.idle = idle;
        }
    }

    private static final int PRIO_PROCESS = 0, SCHED_IDLE = 5;
    private static final long SYS_GETTID_X86_64 = 186, SYS_GETTID_AARCH64 = 178;

    private BackgroundPriority() {}

    /** Moves the calling thread behind the UI threads, as far as {@code level} says. */
    static boolean lowerCurrentThread(Level level) {
        if (!supported()) return false;
        try {
            LibC c = LibC.load();
            long tid = c.syscall(Platform.isARM() ? SYS_GETTID_AARCH64 : SYS_GETTID_X86_64);
            return tid > 0 && lower(c, (int) tid, level);
        } catch (Throwable e) { // no libc through JNA: keep the normal priority
            return false;
        }
    }

    /**
     * Moves the JVM's JIT compiler threads behind the UI threads: measured, they compile thousands of methods in the
     * first seconds of a run (and again at the first epoch end), bursts that delayed pulses by 70–160 ms at normal
     * priority. Safe to call again: compiler threads the JVM starts later are caught by the next call.
     *
     * @return how many compiler threads were lowered
     */
    static int lowerCompilerThreads() {
        if (!supported()) return 0;
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) return 0;
        int lowered = 0;
        try {
            LibC c = LibC.load();
            for (File t : tasks) {
                String name;
                try {
                    name = Files.readString(new File(t, "comm").toPath()).trim();
                } catch (IOException gone) { // the thread ended meanwhile
                    continue;
                }
                if ((name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) && lower(c, Integer.parseInt(t.getName()), Level.TRAINING)) lowered++;
            }
        } catch (Throwable e) { // no libc through JNA
            return lowered;
        }
        return lowered;
    }

    private static boolean supported() {
        return !MODE.equals("off") && Platform.isLinux() && (Platform.isIntel() || Platform.isARM()) && Platform.is64Bit();
    }

    private static boolean lower(LibC c, int tid, Level level) {
        if (MODE.equals("idle") && level.idle && c.sched_setscheduler(tid, SCHED_IDLE, new int[] {0}) == 0) return true;
        return c.setpriority(PRIO_PROCESS, tid, level.nice) == 0;
    }
}
