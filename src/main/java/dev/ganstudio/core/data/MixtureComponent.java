package dev.ganstudio.core.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One Gaussian component of a {@link MixtureDistribution};
 * JSON {@code {"weight": 1, "mean": -2, "std": 0.5}}.
 *
 * @param weight relative weight, finite and &gt; 0 (the mixture rescales weights to sum to 1)
 * @param mean   finite component mean
 * @param std    component standard deviation, finite and &gt; 0
 */
public record MixtureComponent(@JsonProperty(required = true) double weight, @JsonProperty(required = true) double mean,
                               @JsonProperty(required = true) double std) {

    public MixtureComponent {
        DistributionChecks.requirePositive("mixture component weight", weight);
        DistributionChecks.requireFinite("mixture component mean", mean);
        DistributionChecks.requirePositive("mixture component std", std);
    }

    /** The component's own normal distribution N(mean, std²), ignoring its weight. */
    public GaussianDistribution gaussian() {
        return new GaussianDistribution(mean, std);
    }
}
