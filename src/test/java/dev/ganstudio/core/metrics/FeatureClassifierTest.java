package dev.ganstudio.core.metrics;

import ai.djl.Device;
import dev.ganstudio.core.data.BuiltinDatasets;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.train.EngineSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains the evaluation classifier on the bundled digits once (about half a minute on 2 cores) and reloads it from the cache. */
class FeatureClassifierTest {

    @Test
    void reachesNinetySevenPercentOnTheBundledDigitsAndIsCachedByContent(@TempDir Path cache) throws Exception {
        EngineSetup.engine();
        ImageDataset digits = BuiltinDatasets.bundledDigits();
        List<String> progress = new ArrayList<>();
        float[] sample = new float[50 * digits.imageSize()];
        for (int i = 0; i < 50; i++) FeatureClassifier.copyImage(digits, i, sample, i * digits.imageSize());

        FeatureClassifier.Outputs first;
        ClassifierInfo info;
        try (FeatureClassifier c = FeatureClassifier.loadOrTrain(digits, cache, Device.cpu(), progress::add)) {
            info = c.info();
            assertFalse(c.fromCache());
            System.out.printf("evaluation classifier: test accuracy %.4f on %d images, %d epochs, %.1f s%n",
                    info.testAccuracy(), info.testImages(), info.epochs(), info.trainSeconds());
            assertTrue(info.testAccuracy() >= 0.97, "test accuracy " + info.testAccuracy());
            assertEquals(1000, info.testImages());
            assertEquals(9000, info.trainImages());
            first = c.classify(sample, 50);
            assertEquals(50 * FeatureClassifier.FEATURES, first.features().length);
        }
        assertTrue(progress.stream().anyMatch(p -> p.contains("epoch 1/")), progress.toString());
        String hash = FeatureClassifier.contentHash(digits);
        assertTrue(Files.isRegularFile(cache.resolve(hash + ".params")));
        assertTrue(Files.readString(cache.resolve(hash + ".json")).contains("\"test_accuracy\""));

        try (FeatureClassifier again = FeatureClassifier.loadOrTrain(digits, cache, Device.cpu(), progress::add)) {
            assertTrue(again.fromCache());
            assertEquals(info.testAccuracy(), again.info().testAccuracy());
            FeatureClassifier.Outputs second = again.classify(sample, 50);
            assertArrayEquals(first.predicted(), second.predicted());
            assertArrayEquals(first.features(), second.features(), 1e-5f);
            int correct = 0;
            for (int i = 0; i < 50; i++) if (second.predicted()[i] == digits.labels()[i]) correct++;
            assertTrue(correct >= 47, correct + " of 50 digits classified correctly");
        }
    }
}
