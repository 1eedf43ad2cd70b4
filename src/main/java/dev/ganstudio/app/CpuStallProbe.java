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
 * JVM runs one thread pinned to each CPU; each sleeps 4 ms at a time, and when one wakes more than {@link #LATE_NANOS}
 * late, its CPU did not run it for that long. It is a separate process so that nothing of the studio's JVM
 * (safepoints, collections, locks) can hold it up, and its threads run at normal priority, so the studio's own threads
 * cannot keep one off its CPU for more than a few milliseconds. On this project's 2-vCPU VM such stalls last ~100 ms,
 * and a kernel scheduler trace shows the stalled CPU with no event at all meanwhile; a 20-line C program with no Java
 * in it sees the same ~100 ms stalls whenever both vCPUs are kept busy while the host is loaded, and none when one
 * vCPU is.
 *
 * <p>Not free: its wake-ups preempt the render thread (p99 pulse gap 27.7–34.3 ms with it, 21.3–26.1 ms without, 8
 * interleaved pairs of runs), so the bench starts it only on request.
 *
 * <p>Linux only (it pins threads with {@code sched_setaffinity}); elsewhere {@link #start} returns null. Times are
 * {@link System#nanoTime} values, the same clock in both processes (CLOCK_MONOTONIC).
 */
final class CpuStallProbe {
    /** A probe waking this much later than asked counts as a stall of its CPU. */
    static final long LATE_NANOS = 20_000_000L;
    private static final long SLEEP_NANOS = 4_000_000L;

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
                else if (line.startsWith("pinned ")) pinned++;
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
        out.println("pinned " + cpu);
        long before = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(SLEEP_NANOS);
            long after = System.nanoTime();
            if (after - before - SLEEP_NANOS > LATE_NANOS) out.println(new Stall(cpu, before + SLEEP_NANOS, after).line());
            before = after;
        }
    }
}
