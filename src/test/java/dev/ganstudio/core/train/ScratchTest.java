package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.OptimizerConfig;
import dev.ganstudio.core.config.TrainingConfig;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.metrics.DistributionMetrics;
import dev.ganstudio.core.metrics.DistributionReport;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        String[] specs = System.getProperty("specs", "64:0.0002:1,64:0.001:1,16:0.001:1").split(",");
        int iters = Integer.getInteger("iters", 1500);
        for (String spec : specs) {
            String[] p = spec.split(":");
            ExperimentConfig c = TestConfigs.load("gaussian-1d");
            TrainingConfig t = c.training();
            OptimizerConfig o = new OptimizerConfig(Double.parseDouble(p[1]), t.generator().beta1(), t.generator().beta2());
            c = c.withSeed(Long.parseLong(p[2])).withTraining(new TrainingConfig(t.epochs(), Integer.parseInt(p[0]), t.loss(), t.dSteps(), t.gSteps(),
                    t.labelSmoothing(), t.clipValue(), o, o, t.iterationsPerEpoch()));
            BatchSource data = DataLoading.open(c);
            long t0 = System.nanoTime();
            try (GanSession s = GanSession.create(c, data.spec())) {
                FixedNoise f = FixedNoise.of(c, data.spec(), 200, 99);
                for (int i = 0; i <= iters; i++) {
                    StepMetrics m = s.iterate(data.batch(i / 200, i % 200), i, i / 200);
                    if (i % 250 == 0) {
                        float[] g = s.generate(f.z(), null, 200);
                        double[] d = new double[g.length];
                        for (int k = 0; k < g.length; k++) d[k] = g[k];
                        DistributionReport r = DistributionMetrics.evaluate(d, ((DistributionBatchSource) data).distribution());
                        System.out.printf("%s it %d D %.3f G %.3f dx %.3f dgz %.3f | mean %.3f std %.3f ks %.4f  (%.1fs)%n", spec, i, m.dLoss(), m.gLoss(),
                                m.dReal(), m.dFake(), r.mean(), r.std(), r.ks(), (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
        }
    }
}
