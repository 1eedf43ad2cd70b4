package dev.ganstudio.app;

import java.util.Arrays;

/**
 * Measures how smoothly the FX thread runs: the gap between consecutive pulses (AnimationTimer frames). The studio
 * pulses 120 times a second ({@link StudioApp#PULSES_PER_SECOND}), so a healthy gap is ~8.3 ms (16.7 ms at JavaFX's
 * default 60); a long gap means the FX thread was busy (or starved) that long.
 */
public final class PulseProbe {
    private final long[] gaps = new long[1 << 16];
    private final long[] ends = new long[1 << 16];
    private int count;
    private long last;

    private final java.util.List<long[]> longGaps = new java.util.ArrayList<>();

    /** Call from an AnimationTimer with its {@code now}. */
    public void pulse(long now) {
        if (last != 0) {
            long gap = now - last;
            ends[count & (gaps.length - 1)] = now;
            gaps[count++ & (gaps.length - 1)] = gap;
            if (gap > 50_000_000L && longGaps.size() < 1000) longGaps.add(new long[] {now, gap});
        }
        last = now;
    }

    /** Gaps over 50 ms as {when (nanoTime), gap (ns)}, oldest first (at most 1000). */
    public java.util.List<long[]> longGaps() { return longGaps; }

    /** The {@code n} longest gaps as {when (nanoTime), gap (ns)}, longest first. */
    public java.util.List<long[]> longest(int n) {
        java.util.List<long[]> all = new java.util.ArrayList<>();
        for (int i = 0; i < samples(); i++) all.add(new long[] {ends[i], gaps[i]});
        all.sort((a, b) -> Long.compare(b[1], a[1]));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** Records one duration directly (e.g. the time spent in a pulse handler). */
    public void record(long nanos) { gaps[count++ & (gaps.length - 1)] = nanos; }

    public void reset() {
        longGaps.clear();
        count = 0;
        last = 0;
    }

    public int samples() { return Math.min(count, gaps.length); }

    /** Longest gap in milliseconds among those that ended within {@code windowNanos} of the newest one. */
    public double recentMaxMillis(long windowNanos) {
        long m = 0;
        int k = samples();
        if (k == 0) return 0;
        long newest = ends[(count - 1) & (gaps.length - 1)];
        for (int i = 1; i <= k; i++) {
            int at = (count - i) & (gaps.length - 1);
            if (newest - ends[at] > windowNanos) break;
            m = Math.max(m, gaps[at]);
        }
        return m / 1e6;
    }

    /** Longest gap in milliseconds. */
    public double maxMillis() {
        long m = 0;
        for (int i = 0; i < samples(); i++) m = Math.max(m, gaps[i]);
        return m / 1e6;
    }

    /** The 99th percentile gap in milliseconds. */
    public double p99Millis() { return percentile(0.99); }

    public double percentile(double q) {
        int n = samples();
        if (n == 0) return 0;
        long[] s = Arrays.copyOf(gaps, n);
        Arrays.sort(s);
        return s[Math.min(n - 1, (int) Math.ceil(q * n) - 1)] / 1e6;
    }

    /** Pulses per second over the recorded gaps. */
    public double rate() {
        int n = samples();
        if (n == 0) return 0;
        long sum = 0;
        for (int i = 0; i < n; i++) sum += gaps[i];
        return n / (sum / 1e9);
    }
}
