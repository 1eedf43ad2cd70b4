package dev.ganstudio.core.bench;

import dev.ganstudio.core.model.StepFlops;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.model.NetworkShapes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FLOP counting by hand and a short leak soak; no timing is asserted. */
class BenchmarkTest {
    private static final int[] DIGITS = {1, 28, 28};

    /** G: 3 → dense 5 → leaky → dense 4; D: 4 → dense 2 → leaky → dense 1; data are vectors of 4 values. */
    private static ExperimentConfig tiny() throws Exception {
        return ConfigIO.parse("""
                { "name": "tiny", "seed": 1,
                  "data": { "type": "distribution", "distribution": { "type": "gaussian", "mean": 0, "std": 1 }, "length": 4 },
                  "latent": { "dim": 3 },
                  "generator": { "layers": [ { "type": "dense", "units": 5 }, { "type": "activation", "fn": "leaky-relu", "slope": 0.2 },
                                             { "type": "dense", "units": 4 } ] },
                  "discriminator": { "layers": [ { "type": "dense", "units": 2 }, { "type": "activation", "fn": "leaky-relu", "slope": 0.2 },
                                                 { "type": "dense", "units": 1 } ] } }
                """, "tiny");
    }

    @Test
    void tinyMlpIterationCountedByHand() throws Exception {
        ExperimentConfig c = tiny();
        StepFlops f = StepFlops.of(c, new int[] {4}, 0, 2, 1, 1);
        // B = 2. G forward 2·2·(3·5 + 5·4) = 140, D forward 2·2·(4·2 + 2·1) = 40.
        // D step: G fwd 140, D fwd real 40 + fake 40, dW of both D layers for both branches 2·40 = 80,
        //         dX only of D's second layer (its input needs no gradient) 2·(2·2·2·1) = 16.
        // G step: reuses the fake; D fwd 40, D dX of both layers 40 (no dW: D frozen), G dW 140,
        //         G dX only of G's second layer 2·2·5·4 = 80.
        assertEquals(140 + 40 + 40 + 80 + 16 + 40 + 40 + 140 + 80, f.total());
        assertEquals(9, f.terms().size());
    }

    @Test
    void trainableEmbeddingsNeedTheFirstLayersInputGradient() throws Exception {
        ExperimentConfig c = tiny();
        NetworkShapes g = NetworkShapes.generator(c, new int[] {4}, 0), d = NetworkShapes.discriminator(c, new int[] {4}, 0);
        long plain = StepFlops.of(g, false, d, false, 2, 1, 1).total();
        // G's first layer dX (2·2·3·5 = 60) once; D's first layer dX (2·2·4·2 = 32) for the real and the fake branch.
        assertEquals(plain + 60, StepFlops.of(g, true, d, false, 2, 1, 1).total());
        assertEquals(plain + 64, StepFlops.of(g, false, d, true, 2, 1, 1).total());
    }

    @Test
    void extraStepsRunTheirOwnGeneratorForward() throws Exception {
        ExperimentConfig c = tiny();
        long one = StepFlops.of(c, new int[] {4}, 0, 2, 1, 1).total();
        // a second G step: G fwd 140 + D fwd 40 + D dX 40 + G dW 140 + G dX 80
        assertEquals(one + 440, StepFlops.of(c, new int[] {4}, 0, 2, 1, 2).total());
        // only G steps: the first one makes its own fake
        assertEquals(140 + 40 + 40 + 140 + 80, StepFlops.of(c, new int[] {4}, 0, 2, 0, 1).total());
    }

    @Test
    void convolutionCountsEveryOutputPixel() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-dcgan.json"));
        NetworkShapes d = NetworkShapes.discriminator(c, DIGITS, 10);
        // conv 1→64, k4 s2 p1: 28×28 → 14×14: 2·B·64·14·14·1·4·4 with B = 3
        assertEquals(2L * 3 * 64 * 14 * 14 * 16, StepFlops.layerFlops(d.rows().get(0), 3));
        // conv 64→128, k4 s2 p1: 14×14 → 7×7
        assertEquals(2L * 3 * 128 * 7 * 7 * 64 * 16, StepFlops.layerFlops(d.rows().get(2), 3));
    }

    @Test
    void seed000MlpMatchesTheMatmulsTheEngineRuns() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-mlp-gan.json"));
        // Per sample, multiply-adds: G 1,490,944 and D 1,458,432 per forward (D's first layer 802,816, G's 32,768).
        // D step: G + 2·D + 2·(D + D − 802,816); G step: D + D + G + (G − 32,768) → 14,501,888 per sample.
        // The same total comes out of a PyTorch profiler trace of GanSession.iterate (41 mm/addmm calls).
        StepFlops f = StepFlops.of(c, DIGITS, 10, 512, 1, 1);
        assertEquals(2L * 512 * 14_501_888, f.total());
        assertEquals(41, f.matmuls().size());
        assertTrue(f.matmuls().stream().allMatch(StepFlops.Matmul::dense));
    }

    @Test
    void replayRunsOnlyForAllDenseNetworks() throws Exception {
        ExperimentConfig dcgan = ConfigIO.load(Path.of("sample-configs/mnist-dcgan.json"));
        assertTrue(GemmReplay.of(ai.djl.Device.cpu(), StepFlops.of(dcgan, DIGITS, 10, 2, 1, 1)).isEmpty());
        try (GemmReplay r = GemmReplay.of(ai.djl.Device.cpu(), StepFlops.of(tiny(), new int[] {4}, 0, 2, 1, 1)).orElseThrow()) {
            assertTrue(r.timeOnce() > 0);
            int before = ProcessStats.managedArrays();
            r.timeOnce();
            assertEquals(before, ProcessStats.managedArrays());
        }
    }

    @Test
    void shortSoakKeepsTheManagedArrayCountConstant() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-mlp-gan.json"));
        c = c.withTraining(c.training().withBatchSize(16));
        Soak.Result r = Soak.run(c, 300, 100, 10, line -> { });
        assertTrue(r.afterWarmup().step() > 100 && r.afterWarmup().step() <= 150, "warm-up ended at " + r.afterWarmup().step());
        assertEquals(r.afterWarmup().managedArrays(), r.end().managedArrays());
        assertTrue(r.arraysConstant(), "managed arrays went from " + r.minArraysAfterWarmup() + " to " + r.maxArraysAfterWarmup());
        assertTrue(r.samples() > 10);
    }
}
