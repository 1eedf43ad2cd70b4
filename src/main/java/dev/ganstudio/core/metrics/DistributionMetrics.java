package dev.ganstudio.core.metrics;

import dev.ganstudio.core.data.Distribution1D;
import dev.ganstudio.core.data.MixtureDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Goodness-of-fit statistics for generated 1-D values against a {@link Distribution1D}, and the
 * two-sample Kolmogorov–Smirnov statistic. All inputs must be non-empty and finite; input arrays
 * are never modified.
 */
public final class DistributionMetrics {

    private DistributionMetrics() {
    }

    /** Mean, population std, KS, W1 and (for mixtures) mode mass of {@code generated} against {@code target}. */
    public static DistributionReport evaluate(double[] generated, Distribution1D target) {
        double[] sorted = sortedFiniteCopy("generated", generated);
        requireTarget(target);
        int n = sorted.length;
        double sum = 0;
        for (double x : sorted) sum += x;
        double mean = sum / n;
        double squares = 0;
        for (double x : sorted) squares += (x - mean) * (x - mean);
        double std = Math.sqrt(squares / n);
        List<Double> modeMass = target instanceof MixtureDistribution mixture ? modeMassOf(sorted, mixture) : List.of();
        return new DistributionReport(mean, std, ksSorted(sorted, target), w1Sorted(sorted, target), modeMass);
    }

    /**
     * One-sample Kolmogorov–Smirnov statistic D = sup_x |F_n(x) − F(x)|, computed exactly from the
     * sorted sample as max_i max(i/n − F(x_(i)), F(x_(i)) − (i−1)/n) (1-based i).
     */
    public static double ks(double[] sample, Distribution1D target) {
        double[] sorted = sortedFiniteCopy("sample", sample);
        requireTarget(target);
        return ksSorted(sorted, target);
    }

    /**
     * Two-sample Kolmogorov–Smirnov statistic sup_x |F_a(x) − F_b(x)| between the empirical CDFs
     * of {@code a} and {@code b}, exact (ties within and across samples are handled); 0 for samples
     * holding the same values in any order.
     */
    public static double ks(double[] a, double[] b) {
        double[] x = sortedFiniteCopy("a", a);
        double[] y = sortedFiniteCopy("b", b);
        int i = 0, j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) i++;
            while (j < y.length && y[j] == v) j++;
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * Wasserstein-1 distance W1 = ∫ |F_n(x) − F(x)| dx, integrated exactly (no quadrature and no
     * quantile midpoint rule): between consecutive order statistics F_n is constant, so each piece is
     * obtained in closed form from {@link Distribution1D#integratedCdf}, split at F⁻¹(i/n) when F
     * crosses the step; the two unbounded ends use ∫_{−∞}^{x_(1)} F and ∫_{x_(n)}^{∞} (1 − F).
     */
    public static double w1(double[] sample, Distribution1D target) {
        double[] sorted = sortedFiniteCopy("sample", sample);
        requireTarget(target);
        return w1Sorted(sorted, target);
    }

    /**
     * Fraction of {@code sample} values whose nearest component mean is each component's
     * (see {@link MixtureDistribution#nearestComponent}), in component order.
     */
    public static List<Double> modeMass(double[] sample, MixtureDistribution target) {
        double[] sorted = sortedFiniteCopy("sample", sample);
        requireTarget(target);
        return modeMassOf(sorted, target);
    }

    private static double ksSorted(double[] sorted, Distribution1D target) {
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = target.cdf(sorted[i]);
            d = Math.max(d, Math.max((double) (i + 1) / n - f, f - (double) i / n));
        }
        return d;
    }

    private static double w1Sorted(double[] x, Distribution1D target) {
        int n = x.length;
        double total = target.integratedCdf(x[0]);
        for (int i = 1; i < n; i++) {
            double a = x[i - 1], b = x[i];
            if (b == a) continue;
            double c = (double) i / n;
            double piece;
            if (target.cdf(a) >= c) {
                piece = integral(target, a, b) - c * (b - a);
            } else if (target.cdf(b) <= c) {
                piece = c * (b - a) - integral(target, a, b);
            } else {
                double q = Math.min(b, Math.max(a, target.quantile(c)));
                piece = c * (q - a) - integral(target, a, q) + integral(target, q, b) - c * (b - q);
            }
            total += Math.max(0.0, piece);
        }
        double last = x[n - 1];
        total += Math.max(0.0, target.mean() - last + target.integratedCdf(last));
        return total;
    }

    /** ∫_a^b F(t) dt. */
    private static double integral(Distribution1D target, double a, double b) {
        return target.integratedCdf(b) - target.integratedCdf(a);
    }

    private static List<Double> modeMassOf(double[] values, MixtureDistribution mixture) {
        long[] counts = new long[mixture.size()];
        for (double v : values) counts[mixture.nearestComponent(v)]++;
        List<Double> mass = new ArrayList<>(counts.length);
        for (long count : counts) mass.add((double) count / values.length);
        return mass;
    }

    private static void requireTarget(Distribution1D target) {
        if (target == null) {
            throw new IllegalArgumentException("target distribution must not be null");
        }
    }

    private static double[] sortedFiniteCopy(String name, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " must contain at least one value, got "
                    + (values == null ? "null" : "an empty array"));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                        + "; distribution metrics need finite values");
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
