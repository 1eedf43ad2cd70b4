package dev.ganstudio.core.metrics;

import dev.ganstudio.core.data.Distribution1D;
import dev.ganstudio.core.data.GaussianDistribution;
import dev.ganstudio.core.data.MixtureComponent;
import dev.ganstudio.core.data.MixtureDistribution;
import dev.ganstudio.core.data.StandardNormal;
import dev.ganstudio.core.data.UniformDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionMetricsTest {

    private static final GaussianDistribution STANDARD = new GaussianDistribution(0, 1);
    private static final MixtureDistribution TWO_MODES = new MixtureDistribution(List.of(
            new MixtureComponent(1, -2, 0.5), new MixtureComponent(1, 2, 0.5)));
    private static final List<Distribution1D> TARGETS = List.of(
            new GaussianDistribution(4, 1.25), new UniformDistribution(-1, 3), TWO_MODES,
            new MixtureDistribution(List.of(new MixtureComponent(0.2, -5, 0.3),
                    new MixtureComponent(0.5, 0, 2), new MixtureComponent(0.3, 6, 0.1))));

    private static double[] sample(Distribution1D d, int n, long seed) {
        Random rng = new Random(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = d.sample(rng);
        return xs;
    }

    @Test
    void sampleFromTheTargetHasSmallKsAndW1() {
        for (Distribution1D d : TARGETS) {
            double[] xs = sample(d, 20_000, 7);
            DistributionReport r = DistributionMetrics.evaluate(xs, d);
            assertTrue(r.ks() < 0.015, d.describe() + " ks=" + r.ks());
            assertTrue(r.w1() < 0.03 * d.std(), d.describe() + " w1=" + r.w1());
            assertEquals(d.mean(), r.mean(), 0.05 * d.std(), d.describe());
            assertEquals(d.std(), r.std(), 0.05 * d.std(), d.describe());
            assertEquals(r.ks(), DistributionMetrics.ks(xs, d));
            assertEquals(r.w1(), DistributionMetrics.w1(xs, d));
        }
    }

    @Test
    void reportHasPopulationMeanAndStd() {
        DistributionReport r = DistributionMetrics.evaluate(new double[]{1, 2, 3, 4}, STANDARD);
        assertEquals(2.5, r.mean(), 1e-15);
        assertEquals(Math.sqrt(1.25), r.std(), 1e-15);
        assertEquals(List.of(), r.modeMass());
    }

    @Test
    void oneSampleKsIsExactForTinySamples() {
        // single point at the median: F_n jumps from 0 to 1 where F = 0.5
        assertEquals(0.5, DistributionMetrics.ks(new double[]{0}, STANDARD), 1e-15);
        // {0.25, 0.75} against U(0, 1): sup of |F_n − x| is 0.25
        UniformDistribution unit = new UniformDistribution(0, 1);
        assertEquals(0.25, DistributionMetrics.ks(new double[]{0.75, 0.25}, unit), 1e-15);
        // far away from the support
        assertEquals(1.0, DistributionMetrics.ks(new double[]{5, 6, 7}, unit), 1e-15);
    }

    @Test
    void shiftedSampleHasTheExpectedKs() {
        double shift = 0.5;
        double expected = 2 * StandardNormal.cdf(shift / 2) - 1; // sup |Φ(x − δ) − Φ(x)| = 0.1974
        double[] xs = sample(STANDARD, 20_000, 11);
        for (int i = 0; i < xs.length; i++) xs[i] += shift;
        assertEquals(expected, DistributionMetrics.ks(xs, STANDARD), 0.015);
        double[] other = sample(STANDARD, 20_000, 12);
        assertEquals(expected, DistributionMetrics.ks(xs, other), 0.02);
    }

    @Test
    void twoSampleKsOfIdenticalSamplesIsZero() {
        double[] xs = sample(TWO_MODES, 5_000, 3);
        assertEquals(0.0, DistributionMetrics.ks(xs, xs.clone()));
        double[] reversed = xs.clone();
        Arrays.sort(reversed);
        for (int i = 0; i < reversed.length / 2; i++) {
            double t = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = t;
        }
        assertEquals(0.0, DistributionMetrics.ks(xs, reversed));
    }

    @Test
    void twoSampleKsHandlesTiesAndDifferentSizes() {
        assertEquals(0.0, DistributionMetrics.ks(new double[]{1, 1, 2, 2}, new double[]{1, 2}));
        assertEquals(1.0, DistributionMetrics.ks(new double[]{0, 0}, new double[]{1}));
        // just after 1: F_a = 2/3 (tied values count together), F_b = 0
        assertEquals(2.0 / 3, DistributionMetrics.ks(new double[]{1, 1, 3}, new double[]{2, 4}), 1e-15);
    }

    @Test
    void inputsAreNotModified() {
        double[] xs = {3, 1, 2};
        DistributionMetrics.evaluate(xs, STANDARD);
        DistributionMetrics.ks(xs, new double[]{0});
        assertArrayEquals(new double[]{3, 1, 2}, xs);
    }

    @Test
    void w1OfSampleShiftedByOneIsAboutOne() {
        double[] xs = sample(STANDARD, 20_000, 5);
        for (int i = 0; i < xs.length; i++) xs[i] += 1;
        assertEquals(1.0, DistributionMetrics.w1(xs, STANDARD), 0.03);
        double[] ys = sample(TWO_MODES, 20_000, 6);
        for (int i = 0; i < ys.length; i++) ys[i] -= 1;
        assertEquals(1.0, DistributionMetrics.w1(ys, TWO_MODES), 0.03);
    }

    @Test
    void w1IsExactForSmallSamples() {
        // one point at the mean of N(μ, σ): W1 = E|X − μ| = σ·sqrt(2/π)
        GaussianDistribution g = new GaussianDistribution(3, 2);
        assertEquals(2 * Math.sqrt(2 / Math.PI), DistributionMetrics.w1(new double[]{3}, g), 1e-14);
        // one point x0 in U(0, 1): x0²/2 + (1 − x0)²/2
        UniformDistribution unit = new UniformDistribution(0, 1);
        assertEquals(0.3 * 0.3 / 2 + 0.7 * 0.7 / 2, DistributionMetrics.w1(new double[]{0.3}, unit), 1e-15);
        // {0, 1} against U(0, 1): ∫ |0.5 − x| over [0, 1] = 0.25
        assertEquals(0.25, DistributionMetrics.w1(new double[]{1, 0}, unit), 1e-15);
        // a point right of the support: ∫_0^1 x dx + ∫_1^5 1 dx = 4.5
        assertEquals(4.5, DistributionMetrics.w1(new double[]{5}, unit), 1e-15);
    }

    @Test
    void w1MatchesBruteForceIntegrationOfTheCdfGap() {
        for (Distribution1D d : TARGETS) {
            double[] xs = sample(d, 40, 21);
            double[] sorted = xs.clone();
            Arrays.sort(sorted);
            double lo = Math.min(sorted[0], d.quantile(1e-12)) - 1;
            double hi = Math.max(sorted[sorted.length - 1], d.quantile(1 - 1e-12)) + 1;
            int steps = 400_000;
            double h = (hi - lo) / steps, brute = 0;
            int k = 0;
            for (int s = 0; s < steps; s++) {
                double x = lo + (s + 0.5) * h;
                while (k < sorted.length && sorted[k] <= x) k++;
                brute += Math.abs((double) k / sorted.length - d.cdf(x)) * h;
            }
            assertEquals(brute, DistributionMetrics.w1(xs, d), 1e-5 * d.std(), d.describe());
        }
    }

    @Test
    void modeMassOfCollapsedSampleIsAllOnOneMode() {
        double[] collapsed = sample(new GaussianDistribution(-2, 0.5), 10_000, 9);
        List<Double> mass = DistributionMetrics.evaluate(collapsed, TWO_MODES).modeMass();
        assertEquals(2, mass.size());
        assertEquals(1.0, mass.get(0), 1e-3);
        assertEquals(0.0, mass.get(1), 1e-3);

        List<Double> balanced = DistributionMetrics.modeMass(sample(TWO_MODES, 20_000, 10), TWO_MODES);
        assertEquals(0.5, balanced.get(0), 0.015);
        assertEquals(1.0, balanced.get(0) + balanced.get(1), 1e-12);
    }

    @Test
    void rejectsEmptyAndNonFiniteInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistributionMetrics.evaluate(new double[0], STANDARD));
        assertEquals("generated must contain at least one value, got an empty array", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DistributionMetrics.evaluate(new double[]{0, 1, Double.NaN}, STANDARD));
        assertEquals("generated[2] is NaN; distribution metrics need finite values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DistributionMetrics.ks(new double[]{0}, new double[]{Double.POSITIVE_INFINITY}));
        assertEquals("b[0] is Infinity; distribution metrics need finite values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DistributionMetrics.evaluate(new double[]{0}, null));
        assertEquals("target distribution must not be null", e.getMessage());
    }
}
