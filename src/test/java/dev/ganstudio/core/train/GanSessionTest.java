package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.Batch;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.model.GanNetwork;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanSessionTest {

    private static Map<String, float[]> snapshot(GanNetwork net) {
        Map<String, float[]> m = new HashMap<>();
        for (Pair<String, Parameter> p : net.getParameters()) m.put(p.getKey(), p.getValue().getArray().toFloatArray());
        return m;
    }

    private static boolean changed(Map<String, float[]> before, GanNetwork net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN || p.getValue().getType() == Parameter.Type.RUNNING_VAR) continue;
            if (!java.util.Arrays.equals(before.get(p.getKey()), p.getValue().getArray().toFloatArray())) return true;
        }
        return false;
    }

    private static boolean anyGradient(GanNetwork net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    if (g.abs().sum().getFloat() > 0) return true;
                }
            }
        }
        return false;
    }

    @Test
    void oneIterationUpdatesBothNetworksAndLeavesNoGradients() throws Exception {
        for (String name : new String[] {"gaussian-1d", "mnist-dcgan", "mnist-cgan"}) {
            ExperimentConfig c = TestConfigs.load(name);
            c = c.withTraining(c.training().withBatchSize(8));
            BatchSource data = DataLoading.open(c);
            try (GanSession s = GanSession.create(c, data.spec())) {
                Map<String, float[]> g0 = snapshot(s.generator()), d0 = snapshot(s.discriminator());
                Batch b = data.batch(0, 0);
                StepMetrics m = s.iterate(b, 0, 0);
                assertTrue(m.finite(), name + ": " + m);
                assertTrue(changed(g0, s.generator()), name + ": G did not change");
                assertTrue(changed(d0, s.discriminator()), name + ": D did not change");
                assertFalse(anyGradient(s.generator()), name + ": G kept gradients");
                assertFalse(anyGradient(s.discriminator()), name + ": D kept gradients");
            }
        }
    }
}
