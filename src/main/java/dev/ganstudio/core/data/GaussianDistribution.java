package dev.ganstudio.core.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Random;

/**
 * Normal distribution N(mean, std²); JSON {@code {"type": "gaussian", "mean": 4, "std": 1.25}}.
 *
 * @param mean any finite number
 * @param std  standard deviation, finite and &gt; 0
 */
public record GaussianDistribution(@JsonProperty(required = true) double mean, @JsonProperty(required = true) double std) implements Distribution1D {

    public GaussianDistribution {
        DistributionChecks.requireFinite("gaussian.mean", mean);
        DistributionChecks.requirePositive("gaussian.std", std);
    }

    @Override
    public double sample(Random rng) {
        return mean + std * rng.nextGaussian();
    }

    @Override
    public double pdf(double x) {
        return StandardNormal.pdf((x - mean) / std) / std;
    }

    @Override
    public double cdf(double x) {
        return StandardNormal.cdf((x - mean) / std);
    }

    @Override
    public double quantile(double p) {
        DistributionChecks.requireProbability(p);
        return mean + std * StandardNormal.quantile(p);
    }

    /** σ·(zΦ(z) + φ(z)) with z = (x − mean)/σ. */
    @Override
    public double integratedCdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) return 0.0;
        if (x == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
        double z = (x - mean) / std;
        return Math.max(0.0, std * (z * StandardNormal.cdf(z) + StandardNormal.pdf(z)));
    }

    @Override
    public String describe() {
        return "N(" + CompactNumber.format(mean) + ", " + CompactNumber.format(std) + ")";
    }
}
