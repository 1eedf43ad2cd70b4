package dev.ganstudio.core.train;

import dev.ganstudio.core.config.LatentConfig;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded latent draws: unchanged without truncation, bounded and with the truncated normal's spread with it. */
class LatentSamplerTest {
    private static final LatentConfig NORMAL = new LatentConfig(100, "normal", 2.0);

    @Test
    void withoutTruncationASeedDrawsWhatItAlwaysDrew() {
        Random rng = new Random(7);
        float[] expected = new float[3 * 100];
        for (int i = 0; i < expected.length; i++) expected[i] = (float) (rng.nextGaussian() * 2.0);
        assertArrayEquals(expected, LatentSampler.sample(NORMAL, new Random(7), 3));

        LatentConfig uniform = new LatentConfig(10, "uniform", 1.0);
        rng = new Random(7);
        float[] u = new float[10];
        for (int i = 0; i < u.length; i++) u[i] = (float) rng.nextDouble();
        assertArrayEquals(u, LatentSampler.sample(uniform, new Random(7), 1));
    }

    @Test
    void truncationBoundsEveryComponentAndNarrowsTheSpread() {
        float[] z = LatentSampler.sample(NORMAL, new Random(3), 2000, 1.0); // 200,000 components
        double sum = 0, sq = 0, max = 0;
        for (float v : z) { sum += v; sq += v * v; max = Math.max(max, Math.abs(v)); }
        double mean = sum / z.length, std = Math.sqrt(sq / z.length - mean * mean);
        assertTrue(max <= 2.0, "every component within ±ψ·scale, max " + max);
        assertEquals(0, mean, 0.01);
        // a standard normal cut at ±1 has std sqrt(1 − 2φ(1)/(2Φ(1) − 1)) = 0.5396; times the scale 2
        assertEquals(2 * 0.5396, std, 0.01);
    }

    @Test
    void unusableTruncationSaysWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> LatentSampler.sample(NORMAL, new Random(1), 1, 0.01));
        assertTrue(e.getMessage().contains("between 0.1 and 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LatentSampler.sample(new LatentConfig(4, "uniform", 1.0), new Random(1), 1, 1.0));
        assertTrue(e.getMessage().contains("normal latent prior"), e.getMessage());
    }
}
