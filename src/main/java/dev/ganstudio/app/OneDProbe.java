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
        OneDView.Transfer transfer = null;
        if (elementwise) {
            boolean down = TransferMap.decreasing(v.noise(), v.generated());
            double[] ideal = down ? TransferMap.idealDecreasing(v.real(), v.noise()) : TransferMap.ideal(v.real(), v.noise());
            Integer[] order = new Integer[ideal.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(v.noise()[a], v.noise()[b]));
            float[] z = new float[order.length], x = new float[order.length], best = new float[order.length];
            for (int k = 0; k < order.length; k++) {
                z[k] = (float) v.noise()[order[k]];
                x[k] = (float) v.generated()[order[k]];
                best[k] = (float) ideal[order[k]];
            }
            transfer = new OneDView.Transfer(z, x, best, down, TransferMap.meanDistance(v.generated(), ideal));
        }
        return new OneDView(epoch, step, toFloat(v.real()), toFloat(v.generated()), toFloat(v.noise()), v.curveX(), v.curveY(), transfer);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
