package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.train.FixedNoise;
import dev.ganstudio.core.train.GanSession;

import java.util.Random;

/**
 * Computes a {@link OneDView} from the live session. Runs on the training thread only (it calls G and D), so the
 * training service calls it from its event consumer, between iterations.
 */
final class OneDProbe {
    static final int VECTORS = 40;
    static final int CURVE_POINTS = 121;

    private final ExperimentConfig config;
    private final DistributionBatchSource data;
    private final FixedNoise noise;
    private final float[] real;
    private final double[] shape;

    OneDProbe(ExperimentConfig config, DistributionBatchSource data) {
        this.config = config;
        this.data = data;
        this.noise = FixedNoise.of(config, data.spec(), VECTORS, config.seed() ^ 0xE7A1L);
        int length = data.spec().sampleShape()[0];
        Random rng = new Random(config.seed() ^ 0x12EA1L);
        real = new float[VECTORS * length];
        for (int i = 0; i < real.length; i++) real[i] = (float) data.distribution().sample(rng);
        shape = new double[length];
        double m = 0;
        for (int i = 0; i < length; i++) { shape[i] = data.distribution().sample(rng); m += shape[i] / length; }
        for (int i = 0; i < length; i++) shape[i] -= m;
    }

    OneDView probe(GanSession session, int epoch, long step) {
        // G and D work in network units (the config may normalise values by the target's mean and std); the view
        // shows data units, like the run directory's histograms
        float[] generated = session.generate(noise.z(), null, VECTORS);
        for (int i = 0; i < generated.length; i++) generated[i] = (float) data.toData(generated[i]);
        int length = shape.length;
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float[] arr : new float[][] {real, generated}) {
            for (float v : arr) if (Float.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        double[] xs = new double[CURVE_POINTS];
        float[] sets = new float[CURVE_POINTS * length];
        for (int p = 0; p < CURVE_POINTS; p++) {
            xs[p] = lo + (hi - lo) * (double) p / (CURVE_POINTS - 1);
            for (int i = 0; i < length; i++) sets[p * length + i] = (float) data.toNetwork(xs[p] + shape[i]);
        }
        double[] ys = OneDView.toDouble(session.discriminate(sets, null, CURVE_POINTS));
        return new OneDView(epoch, step, real, generated, noise.z().clone(), xs, ys);
    }
}
