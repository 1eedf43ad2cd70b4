package dev.ganstudio.core.metrics;

import java.util.List;

/**
 * How well generated 1-D values match a target distribution; see {@link DistributionMetrics#evaluate}.
 *
 * @param mean     sample mean of the generated values
 * @param std      population standard deviation (divides by n) of the generated values
 * @param ks       one-sample Kolmogorov–Smirnov statistic sup |F_n − F|, in [0, 1]
 * @param w1       Wasserstein-1 distance ∫ |F_n − F| dx, integrated exactly; in the units of the data
 * @param modeMass for a mixture target: the fraction of generated values nearest to each component mean,
 *                 in component order (sums to 1); empty for other targets
 */
public record DistributionReport(double mean, double std, double ks, double w1, List<Double> modeMass) {

    public DistributionReport {
        modeMass = List.copyOf(modeMass);
    }
}
