package dev.ganstudio.core.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Random;

/**
 * A one-dimensional target distribution for the toy GAN, as written in experiment configs:
 * <pre>
 * {"type": "gaussian", "mean": 4, "std": 1.25}
 * {"type": "mixture", "components": [{"weight": 1, "mean": -2, "std": 0.5},
 *                                    {"weight": 1, "mean": 2, "std": 0.5}]}
 * {"type": "uniform", "low": -1, "high": 1}
 * </pre>
 * Implementations validate their parameters on construction (also when Jackson deserialises them)
 * and throw {@link IllegalArgumentException} naming the offending field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = GaussianDistribution.class, name = "gaussian"),
        @JsonSubTypes.Type(value = MixtureDistribution.class, name = "mixture"),
        @JsonSubTypes.Type(value = UniformDistribution.class, name = "uniform")
})
public sealed interface Distribution1D permits GaussianDistribution, MixtureDistribution, UniformDistribution {

    /** One independent draw, using only {@code rng} as the source of randomness. */
    double sample(Random rng);

    /** Probability density at {@code x}. */
    double pdf(double x);

    /** F(x) = P(X ≤ x). */
    double cdf(double x);

    /**
     * F⁻¹(p) = inf{x : F(x) ≥ p} for p in [0, 1]; ±∞ at the ends for unbounded distributions.
     *
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    double quantile(double p);

    /**
     * ∫ F(t) dt from −∞ to x, in closed form. With {@link #mean()} this gives exact integrals of
     * |F_n − F| for the Wasserstein-1 distance.
     */
    double integratedCdf(double x);

    /** Expected value. */
    double mean();

    /** Standard deviation. */
    double std();

    /** Short notation such as {@code "N(4, 1.25)"}, {@code "U(-1, 1)"} or {@code "0.5*N(-2, 0.5) + 0.5*N(2, 0.5)"}. */
    String describe();
}
