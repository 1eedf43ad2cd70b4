package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.BatchSource;
import org.junit.jupiter.api.Test;

class Scratch2Test {
    @Test
    void timing() throws Exception {
        ExperimentConfig c = TestConfigs.load("gaussian-1d");
        c = c.withTraining(c.training().withBatchSize(64));
        BatchSource data = DataLoading.open(c);
        try (GanSession s = GanSession.create(c, data.spec())) {
            for (int rep = 0; rep < 2; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 100; i++) s.iterate(data.batch(0, i), i, 0, 1, 0);
                long t1 = System.nanoTime();
                for (int i = 0; i < 1000; i++) s.iterate(data.batch(0, i % 200), i, 0, 0, 1);
                long t2 = System.nanoTime();
                float[] z = new float[64 * 100];
                for (int i = 0; i < 100; i++) s.generate(z, null, 64);
                long t3 = System.nanoTime();
                try (NDManager m = NDManager.newBaseManager()) {
                    NDArray a = m.ones(new Shape(64, 100));
                    for (int i = 0; i < 1000; i++) { try (NDArray b = a.add(1f)) { } }
                }
                long t4 = System.nanoTime();
                System.out.printf("D step %.2f ms, G step %.2f ms, G fwd %.2f ms, add op %.1f us%n", (t1 - t0) / 1e8, (t2 - t1) / 1e8, (t3 - t2) / 1e8, (t4 - t3) / 1e6);
            }
        }
    }
}
