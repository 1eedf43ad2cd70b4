package dev.ganstudio.core.metrics;

import dev.ganstudio.core.data.ImageDataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Image quality measures against a fixed set of real images: FLD (Fréchet distance of {@link FeatureClassifier}
 * features), class coverage, label accuracy of conditional samples, and diversity. The real side (features, their
 * Gaussian, class shares, pairwise distance) is computed once here; {@link #evaluate} handles one set of generated
 * images. Without a classifier only the diversity is available.
 */
public final class ImageMetrics {
    /** Generated (and real) images per evaluation. */
    public static final int SAMPLES = 1000;
    /** Images per side in the pairwise diversity (all pairs: ~125,000 distances). */
    public static final int DIVERSITY_SAMPLES = 500;
    /** A class is "missing" from generated images below this share... */
    public static final double MISSING_BELOW = 0.01;
    /** ...when the real images have at least this share of it. */
    public static final double PRESENT_FROM = 0.02;

    private final FeatureClassifier classifier;
    private final int imageSize;
    private final GaussianStats realStats;
    private final double[] realCoverage;
    private final double realDiversity;
    private final int diversityCount;

    private ImageMetrics(FeatureClassifier classifier, int imageSize, GaussianStats realStats, double[] realCoverage,
                         double realDiversity, int diversityCount) {
        this.classifier = classifier;
        this.imageSize = imageSize;
        this.realStats = realStats;
        this.realCoverage = realCoverage;
        this.realDiversity = realDiversity;
        this.diversityCount = diversityCount;
    }

    /**
     * Prepares the real side from {@code n} real images ({@code n × imageSize} floats in [-1, 1]).
     *
     * @param classifier the dataset's classifier, or null for diversity only
     */
    public static ImageMetrics prepare(FeatureClassifier classifier, float[] real, int n, int imageSize) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 real images, got " + n);
        if (real.length != (long) n * imageSize) {
            throw new IllegalArgumentException("real images: got " + real.length + " values, expected " + n + "×" + imageSize);
        }
        if (classifier != null && classifier.imageSize() != imageSize) {
            throw new IllegalArgumentException("the classifier takes images of " + classifier.imageSize() + " values, these have " + imageSize);
        }
        int m = Math.min(n, DIVERSITY_SAMPLES);
        double realDiversity = SampleDiversity.meanPairwiseDistance(real, m, imageSize);
        if (!(realDiversity > 0)) throw new IllegalArgumentException("the real images are all identical; diversity cannot be compared");
        if (classifier == null) return new ImageMetrics(null, imageSize, null, null, realDiversity, m);
        FeatureClassifier.Outputs out = classifier.classify(real, n);
        return new ImageMetrics(classifier, imageSize, GaussianStats.of(out.features(), n, FeatureClassifier.FEATURES),
                coverage(out.predicted(), n, classifier.numClasses()), realDiversity, m);
    }

    /** {@code n} images of the dataset drawn without replacement by a seeded shuffle (all of them if it has fewer). */
    public static float[] realSample(ImageDataset ds, int n, long seed) {
        int count = Math.min(n, ds.size());
        int[] order = new int[ds.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random rng = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(order.length - i);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        float[] images = new float[count * ds.imageSize()];
        for (int i = 0; i < count; i++) FeatureClassifier.copyImage(ds, order[i], images, i * ds.imageSize());
        return images;
    }

    public boolean classBased() { return classifier != null; }

    /** Class shares the classifier sees in the real images (null without a classifier). */
    public Map<String, Double> realCoverage() {
        return classifier == null ? null : named(realCoverage);
    }

    /** Mean pairwise distance of the real images (the diversity score's denominator). */
    public double realDiversity() { return realDiversity; }

    /**
     * Measures {@code n} generated images ({@code n × imageSize} floats).
     *
     * @param requested the label each image was generated for (conditional models), else null
     */
    public ImageReport evaluate(float[] generated, int n, long[] requested) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 generated images, got " + n);
        if (generated.length != (long) n * imageSize) {
            throw new IllegalArgumentException("generated images: got " + generated.length + " values, expected " + n + "×" + imageSize);
        }
        if (requested != null && requested.length != n) {
            throw new IllegalArgumentException("got " + requested.length + " requested labels for " + n + " images");
        }
        for (int i = 0; i < generated.length; i++) {
            if (!Float.isFinite(generated[i])) {
                throw new IllegalArgumentException("generated image " + i / imageSize + " has a non-finite value (" + generated[i] + ")");
            }
        }
        int m = Math.min(n, diversityCount);
        double diversity = SampleDiversity.meanPairwiseDistance(generated, m, imageSize) / realDiversity;
        if (classifier == null) return new ImageReport(n, null, null, null, null, null, diversity);
        FeatureClassifier.Outputs out = classifier.classify(generated, n);
        double fld = FrechetDistance.between(realStats, GaussianStats.of(out.features(), n, FeatureClassifier.FEATURES));
        double[] cov = coverage(out.predicted(), n, classifier.numClasses());
        double min = Double.POSITIVE_INFINITY;
        List<String> missing = new ArrayList<>();
        List<String> names = classifier.info().classNames();
        for (int k = 0; k < cov.length; k++) {
            min = Math.min(min, cov[k]);
            if (cov[k] < MISSING_BELOW && realCoverage[k] >= PRESENT_FROM) missing.add(names.get(k));
        }
        Double labelAccuracy = null;
        if (requested != null) {
            int hits = 0;
            for (int i = 0; i < n; i++) if (out.predicted()[i] == requested[i]) hits++;
            labelAccuracy = (double) hits / n;
        }
        return new ImageReport(n, fld, named(cov), min, missing, labelAccuracy, diversity);
    }

    /** Fraction of {@code n} predictions that fall in each of {@code classes} classes. */
    public static double[] coverage(int[] predicted, int n, int classes) {
        if (n < 1 || predicted.length < n) throw new IllegalArgumentException("need " + n + " ≥ 1 predictions, got " + predicted.length);
        long[] counts = new long[classes];
        for (int i = 0; i < n; i++) {
            int p = predicted[i];
            if (p < 0 || p >= classes) throw new IllegalArgumentException("prediction " + i + " is class " + p + ", outside 0.." + (classes - 1));
            counts[p]++;
        }
        double[] share = new double[classes];
        for (int k = 0; k < classes; k++) share[k] = (double) counts[k] / n;
        return share;
    }

    private Map<String, Double> named(double[] shares) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> names = classifier.info().classNames();
        for (int k = 0; k < shares.length; k++) m.put(names.get(k), shares[k]);
        return m;
    }
}
