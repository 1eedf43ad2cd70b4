package dev.ganstudio.core.metrics;

import java.util.List;
import java.util.Map;

/**
 * How generated images compare with the real ones; see {@link ImageMetrics#evaluate}. The class-based fields are
 * null when the dataset has no usable classifier (unlabelled or too small).
 *
 * @param samples        generated images evaluated
 * @param fld            Fréchet distance between the classifier's penultimate features of real and generated images
 *                       ("FLD": comparable between runs on the same dataset, not with Inception FID)
 * @param coverage       class name → fraction of generated images the classifier assigns to it (sums to 1)
 * @param coverageMin    the smallest of those fractions
 * @param missingClasses classes that get under {@link ImageMetrics#MISSING_BELOW} of the generated images although
 *                       the real images have at least {@link ImageMetrics#PRESENT_FROM} of them
 * @param labelAccuracy  conditional models: fraction classified as the label they were generated for
 * @param diversity      mean pairwise distance of generated images ÷ the same for as many real images (≈ 1 like the
 *                       data, near 0 when every noise vector gives the same image)
 */
public record ImageReport(int samples, Double fld, Map<String, Double> coverage, Double coverageMin,
                          List<String> missingClasses, Double labelAccuracy, double diversity) {
    public ImageReport {
        coverage = coverage == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coverage));
        missingClasses = missingClasses == null ? null : List.copyOf(missingClasses);
    }
}
