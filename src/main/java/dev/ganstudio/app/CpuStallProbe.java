package dev.ganstudio.app;

import com.sun.jna.Platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells a stalled UI from a stalled machine (bench mode, {@code -Dganstudio.benchCpuProbe=true}). A small separate
 * JVM runs one thread pinned to each CPU; each sleeps a little at a time, and when one wakes late, its CPU did not run
 * it for that long. It is a separate process so that nothing of the studio's JVM (safepoints, collections, locks) can
 * hold it up.
 *
 * <p>Where it may (root, or {@code CAP_SYS_NICE}), each thread runs real-time ({@code SCHED_FIFO}), so no ordinary
 * thread of any process can keep it off its CPU for even a millisecond: then it sleeps {@link #REALTIME_SLEEP_NANOS}
 * and reports every wake-up more than {@link #REALTIME_LATE_NANOS} late, which is time the host did not run that
 * virtual CPU (or the kernel ran with interrupts off). On this project's 2-vCPU VM that came to hundreds of 4–15 ms
 * stalls per minute, and now and then ~100 ms; an idle VM had them too. Elsewhere the threads run at normal priority,
 * sleep {@link #SLEEP_NANOS} and report stalls over {@link #LATE_NANOS}, as long as a busy thread of the studio could
 * not explain.
 *
 * <p>Not free: its wake-ups preempt the studio's threads, so the bench starts it only on request. Waking every 1 ms
 * instead of 4 cost too much: in 4 interleaved pairs of 10-epoch runs, training took 76.8–79.9 s with it and 68.0–72.6 s
 * without, and 3 of the 4 runs with it had gaps over 50 ms (none without).
 *
 * <p>Linux only (it pins threads with {@code sched_setaffinity}); elsewhere {@link #start} returns null. Times are
 * {@link System#nanoTime} values, the same clock in both processes (CLOCK_MONOTONIC).
 */
final class CpuStallProbe {
    /** A normal-priority probe waking this much later than asked counts as a stall of its CPU. */
    static final long LATE_NANOS = 20_000_000L;
    private static final long SLEEP_NANOS = 4_000_000L;
    /** A real-time probe waking this much later than asked counts as a stall of its CPU. */
    static final long REALTIME_LATE_NANOS = 4_000_000L;
    private static final long REALTIME_SLEEP_NANOS = 4_000_000L;
    private static final int SCHED_FIFO = 1;

    /** CPU {@code cpu} did not run its probe from {@code startNanos} to {@code endNanos} ({@link System#nanoTime}). */
    record Stall(int cpu, long startNanos, long endNanos) {
        long nanos() { return endNanos - startNanos; }

        /** One line of the probe process's output. */
        String line() { return "stall " + cpu + " " + startNanos + " " + endNanos; }

        static Stall parse(String line) {
            String[] f = line.trim().split(" ");
            return new Stall(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
    }

    private final int cpus;
    private final Process process;
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile int pinned;
    private volatile int realtime;

    private CpuStallProbe(int cpus, Process process) {
        this.cpus = cpus;
        this.process = process;
        this.reader = new Thread(this::read, "cpu-probe-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the probe process (one pinned thread per CPU); null off Linux or when it cannot start. */
    static CpuStallProbe start() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!Platform.isLinux() || cpus < 2 || cpus > 64) return null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process p = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), CpuStallProbe.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new CpuStallProbe(cpus, p);
        } catch (IOException e) {
            return null;
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("stall ")) stalls.add(Stall.parse(line));
                else if (line.startsWith("pinned ")) {
                    pinned++;
                    if (line.endsWith(" realtime")) realtime++;
                }
            }
        } catch (IOException | RuntimeException ended) {
            // the process is gone: keep what was read
        }
    }

    /** Ends the probe process and waits for its last lines. */
    void stop() {
        try {
            process.getOutputStream().close(); // the probe exits when its input closes
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            reader.join(1000);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
    }

    int cpus() { return cpus; }

    /** How many of the probe threads could be pinned to their CPU (each unpinned one is not watching). */
    int pinned() { return pinned; }

    /** Whether every pinned probe thread runs real-time, so that each stall it reports is the host's. */
    boolean realtime() { return pinned > 0 && realtime == pinned; }

    /** How late a probe thread must wake to report a stall. */
    long lateNanos() { return realtime() ? REALTIME_LATE_NANOS : LATE_NANOS; }

    /** Every stall seen so far, oldest first. */
    List<Stall> stalls() {
        List<Stall> s = new ArrayList<>(stalls);
        s.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        return s;
    }

    /** How much of {@code [start, end]} the given stalls cover (overlapping stalls counted once). */
    static long covered(long start, long end, List<Stall> stalls) {
        long total = 0, reach = start;
        for (Stall s : stalls.stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).toList()) {
            long a = Math.max(reach, s.startNanos()), b = Math.min(end, s.endNanos());
            if (b > a) {
                total += b - a;
                reach = b;
            }
        }
        return total;
    }

    /**
     * The most of {@code [start, end]} that the stalls of any one CPU cover: what certainly held up a frame whose
     * threads ran on that CPU. A frame moves between CPUs, so this is less than the two CPUs' stalls together, which
     * would count a short stall on the CPU the frame was not using.
     */
    static long coveredOnOneCpu(long start, long end, List<Stall> stalls) {
        long most = 0;
        for (int cpu : stalls.stream().mapToInt(Stall::cpu).distinct().toArray()) {
            int k = cpu;
            most = Math.max(most, covered(start, end, stalls.stream().filter(x -> x.cpu() == k).toList()));
        }
        return most;
    }

    /** The probe process: one pinned thread per CPU prints its stalls; exits when standard input closes. */
    public static void main(String[] args) throws IOException {
        LibC c = LibC.load();
        int cpus = Runtime.getRuntime().availableProcessors();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        for (int cpu = 0; cpu < cpus; cpu++) {
            int k = cpu;
            Thread t = new Thread(() -> watch(c, k, out), "cpu-probe-" + cpu);
            t.setDaemon(true);
            t.start();
        }
        while (System.in.read() >= 0) {
            // runs until the studio closes our input (or dies)
        }
    }

    private static void watch(LibC c, int cpu, PrintStream out) {
        if (c.sched_setaffinity(0, 8, new long[] {1L << cpu}) != 0) {
            out.println("unpinned " + cpu);
            return;
        }
        boolean rt = c.sched_setscheduler(0, SCHED_FIFO, new int[] {10}) == 0;
        out.println("pinned " + cpu + (rt ? " realtime" : " normal"));
        long sleep = rt ? REALTIME_SLEEP_NANOS : SLEEP_NANOS, late = rt ? REALTIME_LATE_NANOS : LATE_NANOS;
        long before = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(sleep);
            long after = System.nanoTime();
            if (after - before - sleep > late) out.println(new Stall(cpu, before + sleep, after).line());
            before = after;
        }
    }
}
