package dev.ganstudio.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.BatchSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The renderer's copy of G: built from the training thread's weights, updated in place, and no random numbers drawn. */
class TrainedGeneratorTest {

    private static ExperimentConfig config(String name) throws Exception {
        ExperimentConfig c = TestConfigs.load(name);
        return c.withTraining(c.training().withBatchSize(8));
    }

    @Test
    void weightsCopiedInPlaceRenderLikeTheTrainingGenerator() throws Exception {
        for (String name : new String[] {"mnist-dcgan", "mnist-cgan"}) { // batch norm; a conditional G with an embedding
            ExperimentConfig c = config(name);
            BatchSource data = DataLoading.open(c);
            int n = 4, dim = c.latent().dim();
            float[] z = new float[n * dim];
            Random r = new Random(1);
            for (int i = 0; i < z.length; i++) z[i] = (float) r.nextGaussian();
            long[] labels = c.conditional() ? new long[] {0, 1, 2, 3} : null;
            try (GanSession s = GanSession.create(c, data.spec());
                 TrainedGenerator g = TrainedGenerator.fromWeights(c, data.spec(), s.generatorWeights())) {
                assertArrayEquals(s.generate(z, labels, n), g.generate(z, labels, n), 1e-5f, name + ": built from weights");
                float[] before = g.generate(z, labels, n);
                s.iterate(data.batch(0, 0), 0, 0);
                s.iterate(data.batch(0, 1), 0, 1);
                g.update(s.generatorWeights());
                float[] after = g.generate(z, labels, n);
                assertArrayEquals(s.generate(z, labels, n), after, 1e-5f, name + ": after two steps, copied in place");
                assertFalse(Arrays.equals(before, after), name + ": the update changed the samples");
                try (TrainedGenerator early = TrainedGenerator.zeros(c, data.spec())) { // built before the weights existed
                    assertArrayEquals(new float[n * data.spec().sampleSize()], early.generate(z, labels, n), name + ": all zeros draws zeros");
                    early.update(s.generatorWeights());
                    assertArrayEquals(after, early.generate(z, labels, n), 1e-5f, name + ": zeros, then the weights copied in");
                }
            }
        }
    }

    @Test
    void aRunOpenedFromItsFolderTakesTheTrainingWeights(@TempDir Path tmp) throws Exception {
        // Open run…, then Train continues it: the renderer copies the run's new weights into the generator it read
        // from the checkpoint (whose parameters the loader marks as trainable), on a thread of its own
        ExperimentConfig c = RunFixtures.smallMlpGan();
        try (TrainingRun run = TrainingRun.create(c, tmp.resolve("run"), RunFixtures.IGNORE)) {
            run.train(1);
            float[][] weights = run.session().generatorWeights();
            float[] z = new float[2 * c.latent().dim()];
            java.util.Arrays.fill(z, 0.5f);
            float[] expected = run.session().generate(z, null, 2);
            Throwable[] failure = new Throwable[1];
            float[][] rendered = new float[1][];
            Thread renderer = new Thread(() -> {
                try (TrainedGenerator g = TrainedGenerator.open(tmp.resolve("run"))) {
                    g.update(weights);
                    rendered[0] = g.generate(z, null, 2);
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            renderer.start();
            renderer.join();
            if (failure[0] != null) throw new AssertionError("update on a checkpoint's generator failed", failure[0]);
            assertArrayEquals(expected, rendered[0], 1e-5f);
        }
    }

    @Test
    void weightsOfAnotherNetworkAreRefused() throws Exception {
        ExperimentConfig dcgan = config("mnist-dcgan"), mlp = config("mnist-mlp-gan");
        BatchSource data = DataLoading.open(dcgan);
        try (GanSession s = GanSession.create(mlp, data.spec());
             TrainedGenerator g = TrainedGenerator.fromWeights(dcgan, data.spec(), GanSession.create(dcgan, data.spec()).generatorWeights())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.update(s.generatorWeights()));
            assertTrue(e.getMessage().contains("parameter"), e.getMessage());
        }
    }

    @Test
    void buildingFromWeightsDrawsNoRandomNumbers() throws Exception {
        // the engine's random generator is shared with the training thread: the renderer must not move it
        ExperimentConfig c = config("mnist-mlp-gan");
        BatchSource data = DataLoading.open(c);
        float[][] weights;
        try (GanSession s = GanSession.create(c, data.spec())) { weights = s.generatorWeights(); }
        Engine.getInstance().setRandomSeed(7);
        float[] plain = draw();
        Engine.getInstance().setRandomSeed(7);
        TrainedGenerator.fromWeights(c, data.spec(), weights).close();
        TrainedGenerator.zeros(c, data.spec()).close();
        assertArrayEquals(plain, draw());
    }

    private static float[] draw() {
        try (NDManager m = NDManager.newBaseManager()) { return m.randomNormal(new Shape(8)).toFloatArray(); }
    }
}
