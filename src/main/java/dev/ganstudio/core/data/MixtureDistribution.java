package dev.ganstudio.core.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Weighted mixture of Gaussians;
 * JSON {@code {"type": "mixture", "components": [{"weight": 1, "mean": -2, "std": 0.5}, ...]}}.
 *
 * <p>Weights are rescaled on construction so that they sum to 1; weights that already sum to 1
 * within 1e-12 are kept as given, so a JSON round trip reproduces an equal record.
 *
 * @param components at least one component; stored as an unmodifiable list with normalised weights
 */
public record MixtureDistribution(@JsonProperty(required = true) List<MixtureComponent> components) implements Distribution1D {

    private static final double NORMALISED_TOLERANCE = 1e-12;
    private static final int MAX_BISECTIONS = 200;

    public MixtureDistribution {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("mixture.components must contain at least 1 component, got "
                    + (components == null ? "none" : "0"));
        }
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i) == null) {
                throw new IllegalArgumentException("mixture.components[" + i + "] must be an object with weight, mean and std, got null");
            }
        }
        double total = 0;
        for (MixtureComponent c : components) total += c.weight();
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("mixture.components weights must have a finite sum, got " + total);
        }
        if (Math.abs(total - 1.0) > NORMALISED_TOLERANCE) {
            List<MixtureComponent> normalised = new ArrayList<>(components.size());
            for (MixtureComponent c : components) {
                normalised.add(new MixtureComponent(c.weight() / total, c.mean(), c.std()));
            }
            components = normalised;
        }
        components = List.copyOf(components);
    }

    /** Number of components (modes). */
    public int size() {
        return components.size();
    }

    /**
     * Index of the component whose mean is closest to {@code x}; ties go to the lower index.
     * Used to attribute generated values to modes (mode coverage / mode collapse).
     */
    public int nearestComponent(double x) {
        int best = 0;
        double bestDistance = Math.abs(x - components.get(0).mean());
        for (int i = 1; i < components.size(); i++) {
            double d = Math.abs(x - components.get(i).mean());
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    @Override
    public double sample(Random rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        MixtureComponent chosen = components.get(components.size() - 1);
        for (MixtureComponent c : components) {
            cumulative += c.weight();
            if (u < cumulative) {
                chosen = c;
                break;
            }
        }
        return chosen.mean() + chosen.std() * rng.nextGaussian();
    }

    @Override
    public double pdf(double x) {
        double sum = 0;
        for (MixtureComponent c : components) sum += c.weight() * c.gaussian().pdf(x);
        return sum;
    }

    @Override
    public double cdf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        double sum = 0;
        for (MixtureComponent c : components) sum += c.weight() * StandardNormal.cdf((x - c.mean()) / c.std());
        return Math.min(1.0, sum);
    }

    /**
     * Bisection on {@link #cdf}, bracketed by the smallest and largest component quantiles at p
     * (the mixture CDF lies between the component CDFs).
     */
    @Override
    public double quantile(double p) {
        DistributionChecks.requireProbability(p);
        if (p == 0.0) return Double.NEGATIVE_INFINITY;
        if (p == 1.0) return Double.POSITIVE_INFINITY;
        if (components.size() == 1) return components.get(0).gaussian().quantile(p);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (MixtureComponent c : components) {
            double q = c.gaussian().quantile(p);
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        for (int i = 0; i < MAX_BISECTIONS; i++) {
            double mid = lo + 0.5 * (hi - lo);
            if (mid <= lo || mid >= hi) break;
            if (cdf(mid) < p) lo = mid;
            else hi = mid;
        }
        return lo + 0.5 * (hi - lo);
    }

    @Override
    public double integratedCdf(double x) {
        double sum = 0;
        for (MixtureComponent c : components) sum += c.weight() * c.gaussian().integratedCdf(x);
        return sum;
    }

    @Override
    public double mean() {
        double sum = 0;
        for (MixtureComponent c : components) sum += c.weight() * c.mean();
        return sum;
    }

    /** √(Σ wᵢ(σᵢ² + (μᵢ − μ)²)). */
    @Override
    public double std() {
        double mu = mean();
        double variance = 0;
        for (MixtureComponent c : components) {
            double d = c.mean() - mu;
            variance += c.weight() * (c.std() * c.std() + d * d);
        }
        return Math.sqrt(variance);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (MixtureComponent c : components) {
            if (!sb.isEmpty()) sb.append(" + ");
            sb.append(CompactNumber.format(c.weight())).append('*').append(c.gaussian().describe());
        }
        return sb.toString();
    }
}
