package dev.ganstudio.core.train;

import dev.ganstudio.core.config.LatentConfig;

import java.util.Random;

/**
 * Draws latent vectors from a run's prior ({@link LatentConfig}), optionally with the truncation trick (BigGAN;
 * StudioGAN's {@code truncation_factor}): each component of a normal prior that falls outside ±ψ standard deviations is
 * drawn again, which trades variety for typical, cleaner samples. Without truncation the draws are exactly what the
 * fixed noise, the CLI and the studio always drew for a seed, so existing seeds keep their pictures.
 */
public final class LatentSampler {
    /** Smallest and largest ψ accepted; at 0.1 about one draw in 12 is kept, beyond 5 nothing is ever redrawn. */
    public static final double MIN_TRUNCATION = 0.1, MAX_TRUNCATION = 5;

    private LatentSampler() {}

    /** {@code count} vectors of the prior, one after another, from {@code rng}. */
    public static float[] sample(LatentConfig latent, Random rng, int count) {
        return sample(latent, rng, count, Double.NaN);
    }

    /**
     * {@code count} vectors of the prior from {@code rng}; {@code truncation} ψ (NaN for none) redraws normal components
     * beyond ±ψ·scale.
     *
     * @throws IllegalArgumentException when ψ is out of range or the prior is uniform
     */
    public static float[] sample(LatentConfig latent, Random rng, int count, double truncation) {
        boolean truncate = !Double.isNaN(truncation);
        if (truncate) checkTruncation(latent, truncation);
        float[] z = new float[count * latent.dim()];
        double scale = latent.scale();
        for (int i = 0; i < z.length; i++) {
            if (latent.uniform()) {
                z[i] = (float) (rng.nextDouble() * scale);
            } else {
                double v = rng.nextGaussian();
                while (truncate && Math.abs(v) > truncation) v = rng.nextGaussian();
                z[i] = (float) (v * scale);
            }
        }
        return z;
    }

    /** Throws a readable message when ψ cannot be used with {@code latent}. */
    private static void checkTruncation(LatentConfig latent, double truncation) {
        if (latent.uniform()) {
            throw new IllegalArgumentException("truncation applies to a normal latent prior; this run draws uniform noise (latent.distribution)");
        }
        if (!(truncation >= MIN_TRUNCATION && truncation <= MAX_TRUNCATION)) {
            throw new IllegalArgumentException("truncation ψ must be between " + MIN_TRUNCATION + " and " + MAX_TRUNCATION
                    + " standard deviations, got " + truncation);
        }
    }
}
