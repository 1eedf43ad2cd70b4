package dev.ganstudio.core.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.ganstudio.core.train.EngineSetup;
import org.junit.jupiter.api.Test;

class SortGradTest {
    @Test
    void sortGrad() {
        EngineSetup.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {3, 1, 2}, new ai.djl.ndarray.types.Shape(1, 3));
            x.setRequiresGradient(true);
            NDArray w = m.create(new float[] {10, 20, 30}, new ai.djl.ndarray.types.Shape(1, 3));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = x.sort(1);
                System.out.println("sorted " + java.util.Arrays.toString(y.toFloatArray()));
                gc.backward(y.mul(w).sum());
            }
            System.out.println("grad " + java.util.Arrays.toString(x.getGradient().toFloatArray()));
        }
    }
}
