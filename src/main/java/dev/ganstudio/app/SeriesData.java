package dev.ganstudio.app;

import javafx.scene.paint.Color;

import java.util.Arrays;

/**
 * One chart series in primitive arrays: x ascending, y raw, and its exponential moving average (TensorBoard's
 * smoothing with debiasing), kept up to date incrementally as points arrive. Not thread-safe: FX thread only.
 */
public final class SeriesData {
    private final String name;
    private final Color color;
    private final LineStyle style;
    /** The compared run this series belongs to; null for the studio's own run. */
    private final String run;
    private double[] x = new double[1024];
    private float[] y = new float[1024];
    private float[] smooth = new float[1024];
    private int size;
    /** Points per block of the min/max pyramid the chart uses to decimate without visiting every point. */
    static final int BLOCK = 32;
    private float[] rawMin = new float[32], rawMax = new float[32], smMin = new float[32], smMax = new float[32];
    private double weight;
    private double last;
    private int accumulated;

    public SeriesData(String name, Color color) { this(name, color, LineStyle.SOLID, null); }

    /** A series of a compared run ({@code run} names it), drawn in {@code style}. */
    public SeriesData(String name, Color color, LineStyle style, String run) {
        this.name = name;
        this.color = color;
        this.style = style;
        this.run = run;
    }

    public String name() { return name; }

    public Color color() { return color; }

    public LineStyle style() { return style; }

    /** The compared run's label, or null for the studio's own run. */
    public String run() { return run; }

    public boolean compared() { return run != null; }

    public int size() { return size; }

    public double x(int i) { return x[i]; }

    public float y(int i) { return y[i]; }

    public float smoothed(int i) { return smooth[i]; }

    public double smoothing() { return weight; }

    public void add(double xv, float yv) {
        if (size > 0 && xv <= x[size - 1]) {
            // a run resumed from an earlier checkpoint: its steps replace the ones after it
            size = lowerBound(xv);
            recompute();
        }
        if (size == x.length) {
            int n = size * 2;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            smooth = Arrays.copyOf(smooth, n);
        }
        x[size] = xv;
        y[size] = yv;
        smooth[size] = ema(yv);
        block(size);
        size++;
    }

    private float ema(float v) {
        if (!Float.isFinite(v)) return Float.NaN;
        last = last * weight + (1 - weight) * v;
        accumulated++;
        double debias = weight == 0 ? 1 : 1 - Math.pow(weight, accumulated);
        return (float) (last / debias);
    }

    /** Smoothing weight in [0, 1): 0 = raw. Recomputes the whole average. */
    public void setSmoothing(double w) {
        if (w == weight) return;
        weight = Math.max(0, Math.min(0.999, w));
        recompute();
    }

    private void recompute() {
        last = 0;
        accumulated = 0;
        for (int i = 0; i < size; i++) {
            smooth[i] = ema(y[i]);
            block(i);
        }
    }

    private void block(int i) {
        int b = i / BLOCK;
        if (b >= rawMin.length) {
            int n = Math.max(b + 1, rawMin.length * 2);
            rawMin = Arrays.copyOf(rawMin, n);
            rawMax = Arrays.copyOf(rawMax, n);
            smMin = Arrays.copyOf(smMin, n);
            smMax = Arrays.copyOf(smMax, n);
        }
        if (i % BLOCK == 0) {
            rawMin[b] = smMin[b] = Float.POSITIVE_INFINITY;
            rawMax[b] = smMax[b] = Float.NEGATIVE_INFINITY;
        }
        float v = y[i], m = smooth[i];
        if (v < rawMin[b]) rawMin[b] = v;
        if (v > rawMax[b]) rawMax[b] = v;
        if (m < smMin[b]) smMin[b] = m;
        if (m > smMax[b]) smMax[b] = m;
    }

    /** Min of block {@code b} (raw or smoothed); +inf when the block holds no finite value. */
    float blockMin(int b, boolean smoothed) { return smoothed ? smMin[b] : rawMin[b]; }

    float blockMax(int b, boolean smoothed) { return smoothed ? smMax[b] : rawMax[b]; }

    public void clear() {
        size = 0;
        last = 0;
        accumulated = 0;
    }

    /** First index with x ≥ v. */
    public int lowerBound(double v) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
