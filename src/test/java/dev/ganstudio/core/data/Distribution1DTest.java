package dev.ganstudio.core.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Distribution1DTest {

    private static final List<Distribution1D> ALL = List.of(
            new GaussianDistribution(4, 1.25),
            new GaussianDistribution(-50, 1e-3),
            new UniformDistribution(-1, 3),
            new MixtureDistribution(List.of(new MixtureComponent(1, -2, 0.5), new MixtureComponent(1, 2, 0.5))),
            new MixtureDistribution(List.of(new MixtureComponent(1, 0, 1))),
            new MixtureDistribution(List.of(new MixtureComponent(0.2, -5, 0.3),
                    new MixtureComponent(0.5, 0, 2), new MixtureComponent(0.3, 6, 0.1))));

    @Test
    void sampleMomentsMatchMeanAndStd() {
        int n = 200_000;
        for (Distribution1D d : ALL) {
            Random rng = new Random(42);
            double sum = 0, sumSq = 0;
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = d.sample(rng);
                sum += xs[i];
            }
            double mean = sum / n;
            for (double x : xs) sumSq += (x - mean) * (x - mean);
            double std = Math.sqrt(sumSq / n);
            // 5 standard errors of the mean / of the std (for these shapes, kurtosis < 6)
            assertEquals(d.mean(), mean, 5 * d.std() / Math.sqrt(n), d.describe() + " mean");
            assertEquals(d.std(), std, 5 * d.std() * Math.sqrt(1.5 / n), d.describe() + " std");
        }
    }

    @Test
    void cdfOfQuantileIsIdentity() {
        for (Distribution1D d : ALL) {
            for (double p = 0.0005; p < 1; p += 0.001) {
                double x = d.quantile(p);
                // F(x) can only be as exact as x itself: allow pdf(x) times a few ulps of x
                double tolerance = 1e-14 + 4 * d.pdf(x) * Math.ulp(x);
                assertEquals(p, d.cdf(x), tolerance, d.describe() + " at p=" + p);
            }
            double tail = d.quantile(1e-10);
            assertEquals(1e-10, d.cdf(tail), 1e-20 + 4 * d.pdf(tail) * Math.ulp(tail), d.describe());
        }
    }

    @Test
    void quantileEndpoints() {
        Distribution1D g = new GaussianDistribution(0, 1);
        assertEquals(Double.NEGATIVE_INFINITY, g.quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, g.quantile(1));
        Distribution1D u = new UniformDistribution(-1, 3);
        assertEquals(-1, u.quantile(0));
        assertEquals(3, u.quantile(1));
        assertEquals(1, u.quantile(0.5));
        MixtureDistribution m = (MixtureDistribution) ALL.get(3);
        assertEquals(0.0, m.quantile(0.5), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, m.quantile(0));
        for (Distribution1D d : ALL) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.quantile(-0.1));
            assertEquals("probability p must be in [0, 1], got -0.1", e.getMessage());
        }
    }

    @Test
    void pdfIntegratesToOneAndMatchesCdfSlope() {
        for (Distribution1D d : ALL) {
            double lo = d.quantile(1e-9), hi = d.quantile(1 - 1e-9);
            if (d instanceof UniformDistribution u) {
                lo = u.low();
                hi = u.high();
            }
            int steps = 200_000;
            double h = (hi - lo) / steps, integral = 0;
            for (int i = 0; i < steps; i++) integral += d.pdf(lo + (i + 0.5) * h) * h;
            assertEquals(1.0, integral, 1e-6, d.describe());
        }
    }

    @Test
    void integratedCdfMatchesNumericIntegration() {
        for (Distribution1D d : ALL) {
            double lo = d.quantile(1e-12) - d.std();
            for (double q : new double[]{0.01, 0.3, 0.5, 0.9, 0.999}) {
                double x = d.quantile(q);
                int steps = 100_000;
                double h = (x - lo) / steps, integral = 0;
                for (int i = 0; i < steps; i++) integral += d.cdf(lo + (i + 0.5) * h) * h;
                assertEquals(integral, d.integratedCdf(x), 1e-7 * Math.max(1, d.std()), d.describe() + " at q=" + q);
            }
            // ∫_{a}^{∞} (1 − F) = mean − a + G(a) must be ≥ 0 and vanish far right
            double far = d.quantile(1 - 1e-15) + 10 * d.std();
            assertEquals(0.0, d.mean() - far + d.integratedCdf(far), 1e-9 * Math.max(1, Math.abs(far)), d.describe());
        }
    }

    @Test
    void describeUsesCompactNumbers() {
        assertEquals("N(4, 1.25)", new GaussianDistribution(4, 1.25).describe());
        assertEquals("U(-1, 0.3)", new UniformDistribution(-1, 0.1 + 0.2).describe());
        assertEquals("0.5*N(-2, 0.5) + 0.5*N(2, 0.5)", ALL.get(3).describe());
        assertEquals("N(0, 1E-7)", new GaussianDistribution(0, 1e-7).describe());
    }

    @Test
    void mixtureNormalisesWeightsAndComputesMoments() {
        MixtureDistribution m = new MixtureDistribution(List.of(new MixtureComponent(2, -2, 0.5), new MixtureComponent(6, 2, 1)));
        assertEquals(0.25, m.components().get(0).weight());
        assertEquals(0.75, m.components().get(1).weight());
        assertEquals(1.0, m.mean(), 1e-15);
        // variance = 0.25(0.25 + 9) + 0.75(1 + 1) = 3.8125
        assertEquals(Math.sqrt(3.8125), m.std(), 1e-15);
        assertThrows(UnsupportedOperationException.class, () -> m.components().add(new MixtureComponent(1, 0, 1)));
    }

    @Test
    void mixtureCopiesItsInputList() {
        List<MixtureComponent> input = new ArrayList<>(List.of(new MixtureComponent(0.5, 0, 1), new MixtureComponent(0.5, 1, 1)));
        MixtureDistribution m = new MixtureDistribution(input);
        input.clear();
        assertEquals(2, m.size());
    }

    @Test
    void nearestComponentUsesComponentMeans() {
        MixtureDistribution m = new MixtureDistribution(List.of(
                new MixtureComponent(1, 5, 1), new MixtureComponent(1, -5, 3), new MixtureComponent(1, 0, 0.1)));
        assertEquals(1, m.nearestComponent(-100));
        assertEquals(1, m.nearestComponent(-2.6));
        assertEquals(2, m.nearestComponent(-2.4));
        assertEquals(2, m.nearestComponent(2.4));
        assertEquals(0, m.nearestComponent(2.6));
        assertEquals(1, m.nearestComponent(-2.5)); // tie between means -5 (index 1) and 0 (index 2): lower index wins
    }

    @Test
    void validationMessagesNameFieldAndConstraint() {
        assertMessage("gaussian.std must be > 0, got -1.0", () -> new GaussianDistribution(0, -1));
        assertMessage("gaussian.std must be > 0, got 0.0", () -> new GaussianDistribution(0, 0));
        assertMessage("gaussian.mean must be a finite number, got NaN", () -> new GaussianDistribution(Double.NaN, 1));
        assertMessage("gaussian.std must be a finite number, got Infinity", () -> new GaussianDistribution(0, Double.POSITIVE_INFINITY));
        assertMessage("uniform.low must be < uniform.high, got low=2.0, high=1.0", () -> new UniformDistribution(2, 1));
        assertMessage("uniform.low must be < uniform.high, got low=1.0, high=1.0", () -> new UniformDistribution(1, 1));
        assertMessage("uniform.high must be a finite number, got Infinity", () -> new UniformDistribution(0, Double.POSITIVE_INFINITY));
        assertMessage("mixture.components must contain at least 1 component, got 0", () -> new MixtureDistribution(List.of()));
        assertMessage("mixture.components must contain at least 1 component, got none", () -> new MixtureDistribution(null));
        assertMessage("mixture component weight must be > 0, got 0.0", () -> new MixtureComponent(0, 0, 1));
        assertMessage("mixture component std must be > 0, got -0.5", () -> new MixtureComponent(1, 0, -0.5));
        assertMessage("mixture component mean must be a finite number, got -Infinity", () -> new MixtureComponent(1, Double.NEGATIVE_INFINITY, 1));
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void uniformCdfAndPdf() {
        UniformDistribution u = new UniformDistribution(-1, 3);
        assertEquals(0, u.cdf(-5));
        assertEquals(0.25, u.cdf(0));
        assertEquals(1, u.cdf(7));
        assertEquals(0.25, u.pdf(1));
        assertEquals(0, u.pdf(3.5));
        assertEquals(4 / Math.sqrt(12), u.std(), 1e-15);
        assertTrue(Double.isNaN(u.cdf(Double.NaN)));
    }
}
