package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.config.layer.BatchNormLayer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferMapTest {
    @Test
    void seedTwoGeneratorMapsEveryNoiseValueAlone() throws Exception {
        assertTrue(TransferMap.elementwise(TestConfigs.load("gaussian-1d")));
        assertTrue(TransferMap.elementwise(TestConfigs.load("gaussian-1d-seed")));
        assertFalse(TransferMap.elementwise(TestConfigs.load("mnist-mlp-gan")), "image G");
    }

    @Test
    void aLayerThatMixesValuesMakesItNoMap() throws Exception {
        ExperimentConfig c = TestConfigs.load("gaussian-1d");
        List<LayerSpec> layers = new ArrayList<>(c.generator().layers());
        layers.add(2, BatchNormLayer.standard()); // normalises across the values of a sample
        NetworkConfig g = c.generator().withLayers(layers);
        ExperimentConfig mixed = new ExperimentConfig(c.name(), c.description(), c.seed(), c.data(), c.latent(), g,
                c.discriminator(), c.training(), c.samples());
        assertFalse(TransferMap.elementwise(mixed));
    }

    @Test
    void idealMapSendsNoiseQuantilesToRealQuantiles() {
        Random rng = new Random(7);
        double[] real = new double[40_000];
        for (int i = 0; i < real.length; i++) real[i] = 4 + 1.25 * rng.nextGaussian();
        double[] noise = new double[4_000];
        for (int i = 0; i < noise.length; i++) noise[i] = rng.nextDouble();
        double[] ideal = TransferMap.ideal(real, noise);
        for (int i = 0; i < noise.length; i++) {
            // N(4, 1.25) at the noise value's quantile; ranks of 4,000 uniform draws are within ~0.02 of the values
            double expected = 4 + 1.25 * inverseNormal(Math.min(0.995, Math.max(0.005, noise[i])));
            if (noise[i] > 0.02 && noise[i] < 0.98) assertEquals(expected, ideal[i], 0.15, "at noise " + noise[i]);
        }
        assertFalse(TransferMap.decreasing(noise, ideal));
        assertEquals(0, TransferMap.meanDistance(ideal, ideal), 1e-12);
    }

    @Test
    void aDecreasingGeneratorIsMeasuredAgainstTheMirroredMap() {
        double[] real = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] noise = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
        double[] generated = new double[noise.length];
        for (int i = 0; i < noise.length; i++) generated[i] = 11 - real[i];
        assertTrue(TransferMap.decreasing(noise, generated));
        double[] mirrored = TransferMap.idealDecreasing(real, noise);
        assertEquals(10, mirrored[0], 1e-9, "the smallest noise value goes to the largest real value");
        assertEquals(1, mirrored[9], 1e-9);
        assertEquals(0, TransferMap.meanDistance(generated, mirrored), 1e-9);
        assertEquals(5.0, TransferMap.meanDistance(generated, TransferMap.ideal(real, noise)), 1e-9, "mean |(11 - r) - r|");
        double[] shuffled = {noise[3], noise[0], noise[9], noise[5], noise[1], noise[8], noise[2], noise[7], noise[4], noise[6]};
        double[] theirG = {generated[3], generated[0], generated[9], generated[5], generated[1], generated[8], generated[2], generated[7], generated[4], generated[6]};
        TransferMap.Pairs p = TransferMap.pairs(real, shuffled, theirG);
        assertTrue(p.decreasing());
        assertEquals(0, p.meanDistance(), 1e-9);
        for (int i = 0; i < noise.length; i++) {
            assertEquals(noise[i], p.noise()[i], 1e-12, "pairs in the order of the noise values");
            assertEquals(generated[i], p.generated()[i], 1e-12);
            assertEquals(mirrored[i], p.ideal()[i], 1e-9);
        }
    }

    /** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
    private static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q, r;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) return -inverseNormal(1 - p);
        q = p - 0.5;
        r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
