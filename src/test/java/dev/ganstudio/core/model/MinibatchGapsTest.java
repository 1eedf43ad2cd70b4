package dev.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import dev.ganstudio.core.train.EngineSetup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinibatchGapsTest {
    @Test
    void sortedValuesWithSpreadAndNearestNeighbourDistance() {
        EngineSetup.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {3, 1, 2, 10}, new Shape(1, 4));
            NDArray f = LayerBlocks.sortedWithGaps(x);
            assertArrayEquals(new long[] {1, 4, 3}, f.getShape().getShape());
            // sorted 1 2 3 10, mean 4: spread 9 4 1 36; nearest neighbour 1 1 1 7, times the set size 4
            assertArrayEquals(new float[] {1, 9, 4, 2, 4, 4, 3, 1, 4, 10, 36, 28}, f.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void pilingValuesTogetherGetsAGradientThatSpreadsThem() {
        EngineSetup.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0.5f, 0.51f, 0.53f, 2f}, new Shape(1, 4));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // a loss that rewards larger nearest-neighbour distances
                NDArray loss = LayerBlocks.sortedWithGaps(x).get(":, :, 2").sum().neg();
                gc.backward(loss);
            }
            float[] g = x.getGradient().toFloatArray();
            // the closest pair (0.5, 0.51) is pushed apart: descending the loss moves 0.5 down and 0.51 up
            assertTrue(g[0] > 0 && g[1] < 0, java.util.Arrays.toString(g));
        }
    }
}
