package dev.ganstudio.core.config;

import dev.ganstudio.core.data.Distribution1D;

/**
 * Real data drawn from a 1-D distribution. One "sample" is a vector of {@code length} independent draws,
 * so a discriminator with minibatch features can judge a whole set of values at once (seed 002).
 */
public record DistributionSource(String type, Distribution1D distribution, Integer length) implements DataSourceConfig {
    public DistributionSource {
        type = "distribution";
        Check.required("data.distribution", distribution);
        length = Check.positive("data.length", length, 100);
    }

    public static DistributionSource of(Distribution1D d, int length) { return new DistributionSource("distribution", d, length); }

    @Override public String describe() { return distribution.describe() + " (" + length + " values per sample)"; }
}
