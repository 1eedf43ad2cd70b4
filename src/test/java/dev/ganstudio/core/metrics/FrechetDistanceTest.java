package dev.ganstudio.core.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrechetDistanceTest {

    private static float[] gaussianSet(int n, int d, long seed, double shift) {
        Random rng = new Random(seed);
        float[] f = new float[n * d];
        for (int i = 0; i < n; i++) {
            double common = rng.nextGaussian();
            for (int k = 0; k < d; k++) {
                // correlated, uneven scales, a few always-zero (dead ReLU) dimensions: a singular covariance
                f[i * d + k] = k % 7 == 3 ? 0f : (float) (shift + (k + 1) * 0.1 * rng.nextGaussian() + 0.5 * common);
            }
        }
        return f;
    }

    @Test
    void aSetAgainstItselfIsZero() {
        int n = 1000, d = 84;
        float[] f = gaussianSet(n, d, 1, 0);
        double fd = FrechetDistance.between(f, n, f, n, d);
        assertEquals(0.0, fd, 1e-8, "FLD of a set with itself");
    }

    @Test
    void twoKnownGaussiansMatchTheClosedForm() {
        // C1 = 4·I, C2 = [[2,1],[1,2]] (eigenvalues 3 and 1): tr(C1 + C2 − 2 (C1^½ C2 C1^½)^½) = 8 + 4 − 2·2·(√3 + 1)
        GaussianStats a = new GaussianStats(new double[] {1, 2}, new double[][] {{4, 0}, {0, 4}}, 100);
        GaussianStats b = new GaussianStats(new double[] {0, 0}, new double[][] {{2, 1}, {1, 2}}, 100);
        double expected = (1 + 4) + 8 + 4 - 4 * (Math.sqrt(3) + 1);
        assertEquals(expected, FrechetDistance.between(a, b), 1e-12);
        assertEquals(expected, FrechetDistance.between(b, a), 1e-12, "symmetric");

        // commuting diagonal covariances: ‖Δμ‖² + Σ (σ1 − σ2)²
        GaussianStats c = new GaussianStats(new double[] {0, 0, 0}, new double[][] {{1, 0, 0}, {0, 9, 0}, {0, 0, 0.25}}, 10);
        GaussianStats e = new GaussianStats(new double[] {3, 0, -1}, new double[][] {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.25}}, 10);
        assertEquals(9 + 1 + 1 + 4, FrechetDistance.between(c, e), 1e-12);
    }

    @Test
    void samplesOfKnownGaussiansApproachTheClosedForm() {
        // N(0, 1)^2 against N((2, 0), diag(4, 1)): d² = 4 + (2 − 1)² = 5
        Random rng = new Random(7);
        int n = 20000;
        float[] a = new float[2 * n], b = new float[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = (float) rng.nextGaussian();
            a[2 * i + 1] = (float) rng.nextGaussian();
            b[2 * i] = (float) (2 + 2 * rng.nextGaussian());
            b[2 * i + 1] = (float) rng.nextGaussian();
        }
        assertEquals(5.0, FrechetDistance.between(a, n, b, n, 2), 0.15);
    }

    @Test
    void growsWithTheShiftAndIsInvariantUnderACommonRotation() {
        int n = 500, d = 12;
        float[] base = gaussianSet(n, d, 3, 0), other = gaussianSet(n, d, 4, 0), shifted = gaussianSet(n, d, 4, 1);
        double near = FrechetDistance.between(base, n, other, n, d), far = FrechetDistance.between(base, n, shifted, n, d);
        // the shift moves the mean by 1 in each of the 10 live dimensions (3 and 10 are always 0): ‖Δμ‖² = 10
        assertTrue(near < 0.5, "two samples of one distribution: " + near);
        assertEquals(10.0, far - near, 1.0, near + " vs " + far);

        // rotate both sets by the same orthogonal matrix (a Givens rotation in dims 0/1): the distance is unchanged
        double angle = 0.7, c = Math.cos(angle), s = Math.sin(angle);
        float[] ra = base.clone(), rb = shifted.clone();
        for (float[] f : new float[][] {ra, rb}) {
            for (int i = 0; i < n; i++) {
                double x = f[i * d], y = f[i * d + 1];
                f[i * d] = (float) (c * x - s * y);
                f[i * d + 1] = (float) (s * x + c * y);
            }
        }
        assertEquals(far, FrechetDistance.between(ra, n, rb, n, d), 1e-3 * far);
    }

    @Test
    void rejectsMismatchedInput() {
        GaussianStats two = new GaussianStats(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}, 5);
        GaussianStats three = new GaussianStats(new double[] {0, 0, 0}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(two, three));
        assertTrue(e.getMessage().contains("dimension 2 and 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianStats.of(new float[] {1, 2}, 1, 2));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianStats.of(new float[] {1, Float.NaN, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
