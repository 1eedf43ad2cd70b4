package dev.ganstudio.app;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.train.DataLoading;
import dev.ganstudio.core.train.EngineSetup;
import dev.ganstudio.core.train.GanSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio's 1-D view shows data units. gaussian-1d normalises values for the networks (N(4, 1.25) becomes
 * N(0, 1) inside G and D); the view once showed G's raw outputs, a histogram around 0 beside real data around 4.
 */
class OneDProbeTest {

    @Test
    void generatedValuesAndTheDiscriminatorCurveAreInDataUnits() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs", "gaussian-1d.json"));
        assertTrue(c.data() instanceof dev.ganstudio.core.config.DistributionSource d && d.normalize(), "the config normalises");
        DistributionBatchSource data = (DistributionBatchSource) DataLoading.open(c);
        EngineSetup.useThreadsFor(0);
        try (GanSession session = GanSession.create(c, data.spec())) {
            for (int i = 0; i < 400; i++) session.iterate(data.batch(0, i % data.batchesPerEpoch()), i, 0);
            OneDView view = new OneDProbe(c, data).probe(session, 2, 400);

            double[] real = OneDView.meanStd(view.real());
            double[] generated = OneDView.meanStd(view.generated());
            assertEquals(4.0, real[0], 0.1, "real mean");
            // 400 iterations (two epochs) put G's mean within 0.1 of the target's (3.99 measured); in network units it is near 0
            assertEquals(4.0, generated[0], 0.5, "generated mean " + generated[0]);
            assertEquals(view.curveX().length, view.curveY().length);
            assertTrue(view.curveX()[0] < 2 && view.curveX()[view.curveX().length - 1] > 6, "D's curve spans the data");
            for (double y : view.curveY()) assertTrue(Double.isFinite(y));
        }
    }
}
