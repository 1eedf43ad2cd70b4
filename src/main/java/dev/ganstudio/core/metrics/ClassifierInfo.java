package dev.ganstudio.core.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What is known about a trained evaluation classifier; stored next to its parameters in the cache as
 * {@code <hash>.json}.
 *
 * @param architecture  network layout tag ({@link FeatureClassifier#ARCHITECTURE}); a different tag means retrain
 * @param datasetHash   SHA-256 (hex) of the architecture tag, image shape, class names, labels and pixels
 * @param dataset       the dataset's name, for people reading the cache
 * @param testAccuracy  fraction of the held-out 10 % classified correctly
 * @param trainImages   images used for training (the other 90 %)
 * @param testImages    held-out images behind {@code testAccuracy}
 * @param epochs        passes over the training images
 * @param trainSeconds  wall time the training took
 */
public record ClassifierInfo(String architecture,
                             @JsonProperty("dataset_hash") String datasetHash,
                             String dataset,
                             int channels, int height, int width,
                             @JsonProperty("class_names") List<String> classNames,
                             @JsonProperty("test_accuracy") double testAccuracy,
                             @JsonProperty("train_images") int trainImages,
                             @JsonProperty("test_images") int testImages,
                             int epochs,
                             @JsonProperty("train_seconds") double trainSeconds) {
    public ClassifierInfo {
        classNames = List.copyOf(classNames);
    }
}
