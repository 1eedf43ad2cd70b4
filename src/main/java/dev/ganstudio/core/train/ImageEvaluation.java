package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.metrics.ClassifierInfo;
import dev.ganstudio.core.metrics.FeatureClassifier;
import dev.ganstudio.core.metrics.ImageMetrics;
import dev.ganstudio.core.metrics.ImageReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The image metrics of one run: the dataset's evaluation classifier (loaded from the cache or trained once), a fixed
 * real sample, and fixed evaluation noise derived from the seed, so every epoch — and the {@code eval} command — is
 * measured on the same inputs. Use from one thread (the training thread during a run).
 */
public final class ImageEvaluation implements AutoCloseable {
    /** Stated wherever FLD is shown: it is not an Inception FID. */
    public static final String FLD_NOTE = "FLD = Fréchet distance between the 84 penultimate-layer features of GAN Studio's "
            + "LeNet-style classifier for this dataset, on " + ImageMetrics.SAMPLES + " real vs " + ImageMetrics.SAMPLES
            + " generated images; comparable between runs on the same dataset, NOT comparable with Inception-based FID";

    private static final long REAL_SALT = 0x4EA15A3DL;
    private static final long NOISE_SALT = 0xF1DE7A1L;
    private static final int CHUNK = 250;

    /** Draws samples: {@code n × sampleSize} floats for n noise vectors (and labels, for conditional models). */
    @FunctionalInterface
    public interface Sampler { float[] generate(float[] z, long[] labels, int n); }

    private final ExperimentConfig config;
    private final FeatureClassifier classifier;
    private final ImageMetrics metrics;
    private final FixedNoise noise;
    private final String classesUnavailable;

    private ImageEvaluation(ExperimentConfig config, FeatureClassifier classifier, ImageMetrics metrics, FixedNoise noise,
                            String classesUnavailable) {
        this.config = config;
        this.classifier = classifier;
        this.metrics = metrics;
        this.noise = noise;
        this.classesUnavailable = classesUnavailable;
    }

    /**
     * Loads or trains the dataset's classifier (reporting progress to {@code notes}) and prepares the real side. A
     * dataset without usable classes gets diversity only; the reason is in {@link #classesUnavailable()}.
     */
    public static ImageEvaluation prepare(ExperimentConfig config, ImageDataset ds, DataSpec spec, Path cacheDir,
                                          Consumer<String> notes) throws IOException {
        String why = FeatureClassifier.unsuitable(ds);
        FeatureClassifier classifier = null;
        if (why == null) {
            classifier = FeatureClassifier.loadOrTrain(ds, cacheDir, Devices.training(), notes);
            ClassifierInfo info = classifier.info();
            notes.accept(String.format(Locale.ROOT, "evaluation classifier %s: test accuracy %.2f%% on %d held-out images (%s)",
                    info.datasetHash().substring(0, 12), 100 * info.testAccuracy(), info.testImages(),
                    classifier.fromCache() ? "cached in " + cacheDir
                            : String.format(Locale.ROOT, "trained in %.1f s, %d epochs", info.trainSeconds(), info.epochs())));
        } else {
            notes.accept("no FLD or class coverage for this run: " + why + "; only diversity is measured");
        }
        try {
            float[] real = ImageMetrics.realSample(ds, ImageMetrics.SAMPLES, config.seed() ^ REAL_SALT);
            int n = real.length / ds.imageSize();
            ImageMetrics m = ImageMetrics.prepare(classifier, real, n, ds.imageSize());
            FixedNoise z = FixedNoise.of(config, spec, ImageMetrics.SAMPLES, config.seed() ^ NOISE_SALT);
            return new ImageEvaluation(config, classifier, m, z, why);
        } catch (RuntimeException e) {
            if (classifier != null) classifier.close();
            throw e;
        }
    }

    /** True when FLD, coverage and label accuracy are measured (the dataset has a classifier). */
    public boolean classBased() { return classifier != null; }

    /** Why only diversity is measured, or null when class-based metrics are available. */
    public String classesUnavailable() { return classesUnavailable; }

    public Optional<ClassifierInfo> classifier() { return classifier == null ? Optional.empty() : Optional.of(classifier.info()); }

    /** Class shares of the real sample as the classifier sees them (null without a classifier). */
    public Map<String, Double> realCoverage() { return metrics.realCoverage(); }

    /** Generates {@link ImageMetrics#SAMPLES} images from the fixed evaluation noise and measures them. */
    public ImageReport evaluate(Sampler sampler) {
        int n = noise.count(), dim = config.latent().dim();
        float[] all = null;
        int size = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] z = Arrays.copyOfRange(noise.z(), start * dim, (start + m) * dim);
            long[] labels = noise.labels() == null ? null : Arrays.copyOfRange(noise.labels(), start, start + m);
            float[] part = sampler.generate(z, labels, m);
            if (all == null) {
                size = part.length / m;
                all = new float[n * size];
            }
            System.arraycopy(part, 0, all, start * size, part.length);
        }
        return metrics.evaluate(all, n, noise.labels());
    }

    /**
     * The metrics map of an epoch event and of summary.json: fld, fld_untrained, diversity, coverage_min, coverage
     * (class → share), missing_classes, label_accuracy (conditional), classifier_accuracy.
     */
    public Map<String, Object> toMetrics(ImageReport r, Double fldUntrained) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.fld() != null) m.put("fld", r.fld());
        if (fldUntrained != null) m.put("fld_untrained", fldUntrained);
        m.put("diversity", r.diversity());
        if (r.coverage() != null) {
            m.put("coverage_min", r.coverageMin());
            m.put("coverage", r.coverage());
            if (!r.missingClasses().isEmpty()) m.put("missing_classes", r.missingClasses());
        }
        if (r.labelAccuracy() != null) m.put("label_accuracy", r.labelAccuracy());
        if (classifier != null) m.put("classifier_accuracy", classifier.info().testAccuracy());
        return m;
    }

    @Override
    public void close() {
        if (classifier != null) classifier.close();
    }
}
