package dev.ganstudio.app;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few C library calls the studio makes, through JNA (a DJL dependency). Linux only. */
interface LibC extends Library {
    /** Ends the process without running exit-time destructors. */
    void _exit(int status);

    int setpriority(int which, int who, int prio);

    long syscall(long number);

    /** {@code param} is a {@code struct sched_param}: one int, the static priority (0 for {@code SCHED_IDLE}). */
    int sched_setscheduler(int pid, int policy, int[] param);

    /** Pins thread {@code pid} (0: the calling thread) to the CPUs set in {@code mask} ({@code cpusetsize} bytes). */
    int sched_setaffinity(int pid, long cpusetsize, long[] mask);

    /** Loads the binding; throws (UnsatisfiedLinkError and the like) where there is no libc to load. */
    static LibC load() {
        return Native.load("c", LibC.class);
    }
}
