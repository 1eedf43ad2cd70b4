package dev.ganstudio.core.train;

import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.layer.ActivationLayer;
import dev.ganstudio.core.config.layer.DenseLayer;
import dev.ganstudio.core.config.layer.DropoutLayer;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.config.layer.ReshapeLayer;

import java.util.Arrays;
import java.util.List;

/**
 * G of a 1-D GAN as a map from one noise value to one data value (GAN Lab's "manifold" view, in one dimension). Seed
 * 002's generator reshapes its noise vector to {@code [length, 1]} and applies the same small network to every value,
 * so value {@code i} of the output depends on noise value {@code i} alone: the pairs (noise[i], generated[i]) of a
 * {@link OneDimensionalProbe.View} trace that map. The best monotone map sends the noise's quantile {@code u} to the
 * real data's quantile {@code u}; a G that learned the target lies on it (or on its mirror, when G decreases).
 */
public final class TransferMap {
    private TransferMap() {}

    /**
     * G's map, pair by pair and in the order of the noise values (so a plot draws it without sorting): {@code
     * generated[i]} is what G made of {@code noise[i]}, {@code ideal[i]} what the best monotone map makes of it; whether
     * that is the decreasing one (G decreases overall), and G's mean distance from it in data units.
     */
    public record Pairs(double[] noise, double[] generated, double[] ideal, boolean decreasing, double meanDistance) {}

    /**
     * The pairs of a probe's values: {@code generated[i]} is G of {@code noise[i]}; {@code real} gives the ideal. The
     * noise is sorted once; that order gives the ranks behind the ideal map and the drawing order.
     */
    public static Pairs pairs(double[] real, double[] noise, double[] generated) {
        int n = Math.min(noise.length, generated.length);
        double[] z = Arrays.copyOf(noise, n), x = Arrays.copyOf(generated, n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(z[a], z[b]));
        double[] zs = new double[n], xs = new double[n];
        for (int k = 0; k < n; k++) {
            zs[k] = z[order[k]];
            xs[k] = x[order[k]];
        }
        boolean down = decreasing(zs, z, x);
        double[] best = idealAt(finiteSorted(real), zs, zs, down);
        return new Pairs(zs, xs, best, down, meanDistance(xs, best));
    }

    /**
     * True when {@code c}'s G applies one function to every noise value: a 1-D experiment whose G starts with a reshape to
     * {@code [dim, 1]}, ends with a reshape back to {@code [dim]}, and has only dense, activation and dropout layers in
     * between, with as many noise values as values per sample.
     */
    public static boolean elementwise(ExperimentConfig c) {
        if (c == null || !(c.data() instanceof DistributionSource d)) return false;
        int dim = c.latent().dim();
        if (dim != d.length()) return false;
        List<LayerSpec> layers = c.generator().layers();
        if (layers.size() < 3) return false;
        if (!(layers.get(0) instanceof ReshapeLayer first) || !Arrays.equals(first.target(), new int[] {dim, 1})) return false;
        if (!(layers.get(layers.size() - 1) instanceof ReshapeLayer last) || !Arrays.equals(last.target(), new int[] {dim})) return false;
        for (LayerSpec l : layers.subList(1, layers.size() - 1)) {
            if (!(l instanceof DenseLayer || l instanceof ActivationLayer || l instanceof DropoutLayer)) return false;
        }
        return true;
    }

    /**
     * The best increasing map at each noise value: the real values' empirical quantile at the noise value's rank among
     * {@code noise} (ties share a rank); NaN everywhere when no real value is finite.
     */
    public static double[] ideal(double[] real, double[] noise) {
        return idealAt(finiteSorted(real), sortedCopy(noise), noise, false);
    }

    /**
     * The real quantile at each noise value's mid-rank {@code u} in {@code sortedNoise} (at {@code 1 - u} when
     * {@code mirrored}: the best decreasing map); NaN everywhere when {@code sortedReal} is empty.
     */
    private static double[] idealAt(double[] sortedReal, double[] sortedNoise, double[] noise, boolean mirrored) {
        double[] out = new double[noise.length];
        if (sortedReal.length == 0) { Arrays.fill(out, Double.NaN); return out; }
        for (int i = 0; i < noise.length; i++) {
            double u = rank(sortedNoise, noise[i]);
            out[i] = quantile(sortedReal, mirrored ? 1 - u : u);
        }
        return out;
    }

    /**
     * Whether G decreases overall: the Spearman-like sign of how generated values follow noise values (pairs compared
     * by rank). A decreasing G is as good as an increasing one; its ideal is the mirrored quantile map.
     */
    public static boolean decreasing(double[] noise, double[] generated) {
        int n = Math.min(noise.length, generated.length);
        return decreasing(sortedCopy(Arrays.copyOf(noise, n)), noise, generated);
    }

    private static boolean decreasing(double[] sortedNoise, double[] noise, double[] generated) {
        int n = Math.min(noise.length, generated.length);
        if (n < 2) return false;
        double[] sg = sortedCopy(Arrays.copyOf(generated, n));
        double cov = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(generated[i])) continue;
            cov += (rank(sortedNoise, noise[i]) - 0.5) * (rank(sg, generated[i]) - 0.5);
        }
        return cov < 0;
    }

    /** The best decreasing map: the real quantile at one minus the noise value's rank. */
    public static double[] idealDecreasing(double[] real, double[] noise) {
        return idealAt(finiteSorted(real), sortedCopy(noise), noise, true);
    }

    private static double[] finiteSorted(double[] v) { return Arrays.stream(v).filter(Double::isFinite).sorted().toArray(); }

    private static double[] sortedCopy(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    /** Mean absolute distance between G's values and the ideal map's, in data units (NaN without pairs). */
    public static double meanDistance(double[] generated, double[] ideal) {
        int n = Math.min(generated.length, ideal.length);
        double sum = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(generated[i])) continue;
            sum += Math.abs(generated[i] - ideal[i]);
            k++;
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /** Mid-rank of {@code v} in {@code sorted}, as a fraction in (0, 1). */
    private static double rank(double[] sorted, double v) {
        int lo = lowerBound(sorted, v), hi = upperBound(sorted, v);
        return (lo + hi) / 2.0 / sorted.length;
    }

    /** The empirical quantile {@code u} of {@code sorted}, interpolated between neighbouring values. */
    private static double quantile(double[] sorted, double u) {
        double pos = u * sorted.length - 0.5;
        if (pos <= 0) return sorted[0];
        if (pos >= sorted.length - 1) return sorted[sorted.length - 1];
        int i = (int) Math.floor(pos);
        double f = pos - i;
        return sorted[i] * (1 - f) + sorted[i + 1] * f;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) { int m = (lo + hi) >>> 1; if (a[m] < v) lo = m + 1; else hi = m; }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) { int m = (lo + hi) >>> 1; if (a[m] <= v) lo = m + 1; else hi = m; }
        return lo;
    }
}
