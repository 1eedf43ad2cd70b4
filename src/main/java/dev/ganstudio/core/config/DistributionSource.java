package dev.ganstudio.core.config;

import dev.ganstudio.core.data.Distribution1D;

/**
 * Real data drawn from a 1-D distribution. One "sample" is a vector of {@code length} independent draws,
 * so a discriminator with minibatch features can judge a whole set of values at once (seed 002).
 *
 * @param normalize feed the networks (x − mean) / std of the target, as images are fed in [-1, 1]; everything shown
 *                  and measured (histograms, mean, std, KS) is mapped back to the data's own units. Default true.
 */
public record DistributionSource(String type, Distribution1D distribution, Integer length, Boolean normalize)
        implements DataSourceConfig {
    public DistributionSource {
        type = "distribution";
        Check.required("data.distribution", distribution);
        length = Check.positive("data.length", length, 100);
        normalize = normalize == null || normalize;
    }

    public static DistributionSource of(Distribution1D d, int length) {
        return new DistributionSource("distribution", d, length, true);
    }

    /** Network value → data value. */
    public double toData(double v) { return normalize ? v * distribution.std() + distribution.mean() : v; }

    /** Data value → network value. */
    public double toNetwork(double x) { return normalize ? (x - distribution.mean()) / distribution.std() : x; }

    @Override public String describe() { return distribution.describe() + " (" + length + " values per sample)"; }
}
