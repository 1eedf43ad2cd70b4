package dev.ganstudio.core.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatentMathTest {

    private static float[] gaussian(Random rng, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) rng.nextGaussian();
        return v;
    }

    private static float[] unit(Random rng, int dim) {
        float[] v = gaussian(rng, dim);
        double n = norm(v);
        for (int i = 0; i < dim; i++) v[i] = (float) (v[i] / n);
        return v;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    private static double angle(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) dot += (double) a[i] * b[i];
        return Math.acos(Math.max(-1, Math.min(1, dot / (norm(a) * norm(b)))));
    }

    @Test
    void endpointsAreExact() {
        Random rng = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            float[] a = gaussian(rng, 100), b = gaussian(rng, 100);
            assertArrayEquals(a, LatentMath.lerp(a, b, 0));
            assertArrayEquals(b, LatentMath.lerp(a, b, 1));
            assertArrayEquals(a, LatentMath.slerp(a, b, 0));
            assertArrayEquals(b, LatentMath.slerp(a, b, 1));
            for (boolean spherical : new boolean[]{false, true}) {
                float[][] path = LatentMath.path(a, b, 9, spherical);
                assertEquals(9, path.length);
                assertArrayEquals(a, path[0]);
                assertArrayEquals(b, path[8]);
                assertNotSame(a, path[0]);
            }
        }
    }

    @Test
    void lerpIsLinear() {
        float[] a = {0, 2, -4}, b = {4, 2, 4};
        assertArrayEquals(new float[]{2, 2, 0}, LatentMath.lerp(a, b, 0.5));
        assertArrayEquals(new float[]{1, 2, -2}, LatentMath.lerp(a, b, 0.25));
        assertArrayEquals(new float[]{8, 2, 12}, LatentMath.lerp(a, b, 2)); // extrapolation
        assertArrayEquals(new float[]{0, 2, -4}, a, "input untouched");
    }

    @Test
    void slerpBetweenUnitVectorsStaysOnTheUnitSphere() {
        Random rng = new Random(2);
        for (int trial = 0; trial < 50; trial++) {
            float[] a = unit(rng, 128), b = unit(rng, 128);
            for (float[] p : LatentMath.path(a, b, 17, true)) {
                assertEquals(1.0, norm(p), 1e-6);
            }
            // lerp, by contrast, cuts through the ball
            assertEquals(Math.cos(angle(a, b) / 2), norm(LatentMath.lerp(a, b, 0.5)), 1e-6);
        }
    }

    @Test
    void slerpMovesAtConstantAngularSpeed() {
        Random rng = new Random(3);
        float[] a = unit(rng, 64), b = unit(rng, 64);
        double total = angle(a, b);
        float[][] path = LatentMath.path(a, b, 11, true);
        for (int i = 1; i < path.length; i++) {
            assertEquals(total / 10, angle(path[i - 1], path[i]), 1e-5);
        }
    }

    @Test
    void slerpOfOrthogonalUnitVectors() {
        float[] a = {1, 0}, b = {0, 1};
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[]{h, h}, LatentMath.slerp(a, b, 0.5), 1e-7f);
        float[] third = LatentMath.slerp(a, b, 1.0 / 3);
        assertArrayEquals(new float[]{(float) Math.cos(Math.PI / 6), 0.5f}, third, 1e-7f);
    }

    @Test
    void slerpKeepsEqualNorms() {
        Random rng = new Random(4);
        float[] a = unit(rng, 32), b = unit(rng, 32);
        for (int i = 0; i < 32; i++) {
            a[i] *= 5.5f;
            b[i] *= 5.5f;
        }
        assertEquals(5.5, norm(LatentMath.slerp(a, b, 0.37)), 1e-5);
    }

    @Test
    void fallsBackToLerpForParallelOppositeAndZeroVectors() {
        float[] a = {1, 2, 3};
        float[] scaled = {2, 4, 6};
        assertArrayEquals(LatentMath.lerp(a, scaled, 0.3), LatentMath.slerp(a, scaled, 0.3));
        float[] opposite = {-1, -2, -3};
        assertArrayEquals(LatentMath.lerp(a, opposite, 0.3), LatentMath.slerp(a, opposite, 0.3));
        float[] zero = {0, 0, 0};
        assertArrayEquals(LatentMath.lerp(zero, a, 0.6), LatentMath.slerp(zero, a, 0.6));
        float[] almost = {1, 2, 3.0000002f};
        assertArrayEquals(LatentMath.lerp(a, almost, 0.5), LatentMath.slerp(a, almost, 0.5));
    }

    @Test
    void rejectsMismatchedInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatentMath.slerp(new float[3], new float[4], 0.5));
        assertEquals("latent vectors must have the same dimension, got 3 and 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatentMath.path(new float[2], new float[2], 1, true));
        assertEquals("steps must be >= 2 (both endpoints are included), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatentMath.lerp(new float[2], new float[2], Double.NaN));
        assertEquals("t must be a finite number, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatentMath.lerp(null, new float[2], 0));
        assertEquals("latent vectors must not be null, got a=null, b=float[2]", e.getMessage());
    }
}
