package dev.ganstudio.core.train;

import dev.ganstudio.core.data.DistributionBatchSource;

import java.util.Random;

/**
 * Seed 002's view of a 1-D GAN, read from the live session: real values, G's values for fixed noise, the noise itself,
 * and D over their range — all in the data's own units (the networks may see values normalised by the target's mean
 * and std). The run directory's histograms and the studio's live view both come from here. Call on the training thread
 * (it runs G and D).
 */
public final class OneDimensionalProbe {
    /** Points of the D(x) curve. */
    public static final int CURVE_POINTS = 121;
    /** Mixed into the run's seed for the real values a probe draws (the CLI's 1-D {@code sample} draws the same way). */
    public static final long REAL_SALT = 0x12EA1L;

    private final DistributionBatchSource data;
    private final FixedNoise noise;
    private final double[] real;
    private final double[] shape;
    private final double shapeMean;

    /** Real values (as many as {@code noise} gives generated ones) and D's probe set are drawn once, from the seed. */
    public OneDimensionalProbe(long seed, DistributionBatchSource data, FixedNoise noise) {
        this.data = data;
        this.noise = noise;
        int length = data.spec().sampleShape()[0];
        Random rng = new Random(seed ^ REAL_SALT);
        real = new double[noise.count() * length];
        for (int i = 0; i < real.length; i++) real[i] = data.distribution().sample(rng);
        shape = new double[length];
        double m = 0;
        for (int i = 0; i < length; i++) { shape[i] = data.distribution().sample(rng); m += shape[i] / length; }
        shapeMean = m;
    }

    /** Real, generated and noise values, plus D(x): D's output on a set with the real spread, centred at x. */
    public record View(double[] real, double[] generated, double[] noise, double[] curveX, double[] curveY) {}

    public View probe(GanSession session) {
        float[] gen = session.generate(noise.z(), null, noise.count());
        double[] generated = new double[gen.length];
        for (int i = 0; i < gen.length; i++) generated[i] = data.toData(gen[i]);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] values : new double[][] {real, generated}) {
            for (double v : values) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        int length = shape.length;
        double[] xs = new double[CURVE_POINTS];
        float[] sets = new float[CURVE_POINTS * length];
        for (int p = 0; p < CURVE_POINTS; p++) {
            xs[p] = lo + (hi - lo) * p / (CURVE_POINTS - 1);
            for (int i = 0; i < length; i++) sets[p * length + i] = (float) data.toNetwork(xs[p] + shape[i] - shapeMean);
        }
        float[] d = session.discriminate(sets, null, CURVE_POINTS);
        double[] ys = new double[d.length];
        for (int i = 0; i < d.length; i++) ys[i] = d[i];
        float[] z = noise.z();
        double[] zs = new double[z.length];
        for (int i = 0; i < z.length; i++) zs[i] = z[i];
        return new View(real, generated, zs, xs, ys);
    }
}
