package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.data.StandardNormal;
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
            double expected = 4 + 1.25 * StandardNormal.quantile(Math.min(0.995, Math.max(0.005, noise[i])));
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
}
