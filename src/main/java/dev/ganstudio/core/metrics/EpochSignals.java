package dev.ganstudio.core.metrics;

import java.util.List;
import java.util.Map;

/**
 * The end-of-epoch measurements {@link HealthMonitor} judges. Every field may be null when the data does not have it.
 *
 * @param fld              FLD of this epoch's samples (images with a classifier)
 * @param fldUntrained     FLD of the generator as initialised
 * @param diversity        generated ÷ real mean pairwise distance (images)
 * @param coverage         class → share of generated images
 * @param realCoverage     class → share of real images (as the same classifier sees them)
 * @param ks               Kolmogorov–Smirnov statistic against the target (1-D data)
 * @param modeMass         share of generated values nearest each mixture component (1-D mixtures)
 * @param modeWeights      the mixture's component weights, same order
 */
public record EpochSignals(Double fld, Double fldUntrained, Double diversity, Map<String, Double> coverage,
                           Map<String, Double> realCoverage, Double ks, List<Double> modeMass, List<Double> modeWeights) {

    public static EpochSignals images(ImageReport r, Double fldUntrained, Map<String, Double> realCoverage) {
        return new EpochSignals(r.fld(), fldUntrained, r.diversity(), r.coverage(), realCoverage, null, null, null);
    }

    public static EpochSignals oneDimensional(double ks, List<Double> modeMass, List<Double> modeWeights) {
        return new EpochSignals(null, null, null, null, null, ks, modeMass, modeWeights);
    }
}
