package dev.ganstudio.core.metrics;

import ai.djl.Device;
import dev.ganstudio.core.data.BuiltinDatasets;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.train.EngineSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains the evaluation classifier on the bundled digits once (about 15–25 s on 2 cores), checks its accuracy and the
 * cache, and measures the image metrics on real images with known answers.
 */
class FeatureClassifierTest {
    @TempDir static Path cache;
    static ImageDataset digits;
    static FeatureClassifier classifier;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        EngineSetup.engine();
        digits = BuiltinDatasets.bundledDigits();
        classifier = FeatureClassifier.loadOrTrain(digits, cache, Device.cpu(), progress::add);
        ClassifierInfo info = classifier.info();
        // share the freshly trained classifier with the run tests of this build (they use the default cache directory)
        Path shared = FeatureClassifier.defaultCacheDir();
        Files.createDirectories(shared);
        for (String ext : new String[] {".params", ".json"}) {
            Path f = cache.resolve(info.datasetHash() + ext);
            if (!Files.exists(shared.resolve(f.getFileName()))) Files.copy(f, shared.resolve(f.getFileName()));
        }
        System.out.printf("evaluation classifier: test accuracy %.4f on %d images, %d epochs, %.1f s%n",
                info.testAccuracy(), info.testImages(), info.epochs(), info.trainSeconds());
    }

    @AfterAll
    static void close() {
        if (classifier != null) classifier.close();
    }

    private static float[] images(int[] indices) {
        int size = digits.imageSize();
        float[] x = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) FeatureClassifier.copyImage(digits, indices[i], x, i * size);
        return x;
    }

    @Test
    void reachesNinetySevenPercentOnTheBundledDigitsAndIsCachedByContent() throws Exception {
        ClassifierInfo info = classifier.info();
        assertFalse(classifier.fromCache());
        assertTrue(info.testAccuracy() >= 0.97, "test accuracy " + info.testAccuracy());
        assertEquals(1000, info.testImages());
        assertEquals(9000, info.trainImages());
        assertTrue(progress.stream().anyMatch(p -> p.contains("epoch 1/")), progress.toString());
        String hash = FeatureClassifier.contentHash(digits);
        assertTrue(Files.isRegularFile(cache.resolve(hash + ".params")));
        assertTrue(Files.readString(cache.resolve(hash + ".json")).contains("\"test_accuracy\""));

        int[] first50 = new int[50];
        for (int i = 0; i < 50; i++) first50[i] = i;
        float[] sample = images(first50);
        FeatureClassifier.Outputs trained = classifier.classify(sample, 50);
        assertEquals(50 * FeatureClassifier.FEATURES, trained.features().length);
        try (FeatureClassifier again = FeatureClassifier.loadOrTrain(digits, cache, Device.cpu(), progress::add)) {
            assertTrue(again.fromCache());
            assertEquals(info.testAccuracy(), again.info().testAccuracy());
            FeatureClassifier.Outputs loaded = again.classify(sample, 50);
            assertArrayEquals(trained.predicted(), loaded.predicted());
            assertArrayEquals(trained.features(), loaded.features(), 1e-5f);
        }
    }

    @Test
    void fldOfASetWithItselfIsZeroAndOfNoiseIsLarge() {
        float[] real = ImageMetrics.realSample(digits, 1000, 1);
        ImageMetrics metrics = ImageMetrics.prepare(classifier, real, 1000, digits.imageSize());
        ImageReport same = metrics.evaluate(real, 1000, null);
        assertEquals(0.0, same.fld(), 1e-6, "FLD of the real set with itself");
        assertEquals(1.0, same.diversity(), 1e-12);
        assertEquals(metrics.realCoverage(), same.coverage());
        assertTrue(same.missingClasses().isEmpty(), same.missingClasses().toString());
        assertTrue(same.coverageMin() > 0.05, same.coverage().toString());
        assertNull(same.labelAccuracy());

        ImageReport other = metrics.evaluate(ImageMetrics.realSample(digits, 1000, 2), 1000, null);
        Random rng = new Random(3);
        float[] noise = new float[1000 * digits.imageSize()];
        for (int i = 0; i < noise.length; i++) noise[i] = rng.nextFloat() * 2 - 1;
        ImageReport bad = metrics.evaluate(noise, 1000, null);
        System.out.printf("FLD real vs other real %.3f, vs uniform noise %.3f; noise diversity %.2f%n", other.fld(), bad.fld(), bad.diversity());
        assertTrue(bad.fld() > 20 * other.fld(), other.fld() + " vs " + bad.fld());
    }

    @Test
    void oneClassSamplesCoverOneClassAndLabelAccuracyCountsRequestedLabels() {
        int[] threes = new int[300];
        for (int i = 0, found = 0; found < threes.length; i++) if (digits.labels()[i] == 3) threes[found++] = i;
        ImageMetrics metrics = ImageMetrics.prepare(classifier, ImageMetrics.realSample(digits, 1000, 1), 1000, digits.imageSize());

        long[] asked = new long[300];
        java.util.Arrays.fill(asked, 3);
        ImageReport r = metrics.evaluate(images(threes), 300, asked);
        Map<String, Double> coverage = r.coverage();
        assertTrue(coverage.get("3") >= 0.95, coverage.toString());
        assertEquals(1.0, coverage.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(0.0, r.coverageMin(), 0.01);
        assertTrue(r.missingClasses().size() >= 8 && !r.missingClasses().contains("3"), r.missingClasses().toString());
        assertEquals(coverage.get("3"), r.labelAccuracy(), 1e-12);
        assertTrue(r.diversity() < 1.0, "one class varies less than ten: " + r.diversity());

        java.util.Arrays.fill(asked, 5);
        assertTrue(metrics.evaluate(images(threes), 300, asked).labelAccuracy() < 0.05);
    }
}
