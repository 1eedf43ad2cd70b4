package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.train.FixedNoise;
import dev.ganstudio.core.train.GanSession;
import dev.ganstudio.core.train.OneDimensionalProbe;
import dev.ganstudio.core.train.TransferMap;

/**
 * The studio's live {@link OneDView}: the engine's 1-D probe (the same that draws the run directory's histograms) on a
 * smaller fixed sample, so it can run often. Runs on the training thread only (it calls G and D), so the training
 * service calls it from its event consumer, between iterations.
 */
final class OneDProbe {
    static final int VECTORS = 40;

    private final OneDimensionalProbe probe;
    /** Whether G maps each noise value to one value alone, so its map from noise to values can be drawn. */
    private final boolean elementwise;

    OneDProbe(ExperimentConfig config, DistributionBatchSource data) {
        probe = new OneDimensionalProbe(config.seed(), data, FixedNoise.of(config, data.spec(), VECTORS, config.seed() ^ 0xE7A1L));
        elementwise = TransferMap.elementwise(config);
    }

    /** Runs G and D on the training thread; the map's ideal is worked out here too, not on the FX thread. */
    OneDView probe(GanSession session, int epoch, long step) {
        OneDimensionalProbe.View v = probe.probe(session);
        TransferMap.Pairs transfer = elementwise ? TransferMap.pairs(v.real(), v.noise(), v.generated()) : null;
        return new OneDView(epoch, step, toFloat(v.real()), toFloat(v.generated()), toFloat(v.noise()), v.curveX(), v.curveY(), transfer);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
