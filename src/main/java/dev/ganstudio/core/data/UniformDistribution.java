package dev.ganstudio.core.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Random;

/**
 * Continuous uniform distribution on [low, high]; JSON {@code {"type": "uniform", "low": -1, "high": 1}}.
 *
 * @param low  finite lower bound
 * @param high finite upper bound, &gt; low
 */
public record UniformDistribution(@JsonProperty(required = true) double low, @JsonProperty(required = true) double high) implements Distribution1D {

    public UniformDistribution {
        DistributionChecks.requireFinite("uniform.low", low);
        DistributionChecks.requireFinite("uniform.high", high);
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform.low must be < uniform.high, got low=" + low + ", high=" + high);
        }
        if (!Double.isFinite(high - low)) {
            throw new IllegalArgumentException("uniform.high - uniform.low must be finite, got low=" + low + ", high=" + high);
        }
    }

    private double width() {
        return high - low;
    }

    @Override
    public double sample(Random rng) {
        return low + rng.nextDouble() * width();
    }

    @Override
    public double pdf(double x) {
        return x >= low && x <= high ? 1.0 / width() : 0.0;
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x <= low) return 0.0;
        if (x >= high) return 1.0;
        return (x - low) / width();
    }

    @Override
    public double quantile(double p) {
        DistributionChecks.requireProbability(p);
        if (p == 1.0) return high;
        return Math.min(high, low + p * width());
    }

    @Override
    public double integratedCdf(double x) {
        if (x <= low) return 0.0;
        if (x >= high) return x - mean();
        double d = x - low;
        return d * d / (2 * width());
    }

    @Override
    public double mean() {
        return low + 0.5 * width();
    }

    @Override
    public double std() {
        return width() / Math.sqrt(12.0);
    }

    @Override
    public String describe() {
        return "U(" + CompactNumber.format(low) + ", " + CompactNumber.format(high) + ")";
    }
}
