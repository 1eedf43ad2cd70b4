package dev.ganstudio.core.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a training run tells its observers (the CLI's progress line, the studio's views). */
public sealed interface TrainingEvent {
    /** The run started or resumed: where it writes, what it trains on, how far it will go. */
    record Started(Path runDir, String dataset, String device, long step, int epoch, int targetEpochs,
                   int batchesPerEpoch, int batchSize, List<String> skippedFiles) implements TrainingEvent {}

    /** One iteration finished. */
    record Step(StepMetrics metrics, int batchIndex, int batchesPerEpoch, double imagesPerSecond) implements TrainingEvent {}

    /**
     * An epoch finished: its fixed-noise samples (sampleCount × sampleSize floats, [-1, 1] for images), the image
     * written for it, and its metrics (1-D: mean, std, ks, w1, mode_mass for mixtures; images: fld, fld_untrained,
     * diversity, coverage_min, coverage, missing_classes, label_accuracy, classifier_accuracy — see
     * {@link ImageEvaluation#toMetrics}).
     */
    record Epoch(int epoch, long step, float[] samples, long[] sampleLabels, Path samplePng, Map<String, Object> metrics)
            implements TrainingEvent {}

    /**
     * A training-health finding (kinds in {@link dev.ganstudio.core.metrics.HealthWarning}): what was seen, in plain
     * language, and what to try. Also appended to {@code health.jsonl} in the run directory.
     */
    record Health(String kind, String message, String suggestion, long step, int epoch) implements TrainingEvent {
        public dev.ganstudio.core.metrics.HealthWarning toWarning() {
            return new dev.ganstudio.core.metrics.HealthWarning(kind, message, suggestion, step, epoch);
        }
    }

    /** A health condition reported earlier no longer holds (also appended to {@code health.jsonl}). */
    record HealthCleared(String kind, long step, int epoch) implements TrainingEvent {
        public dev.ganstudio.core.metrics.HealthCleared toCleared() {
            return new dev.ganstudio.core.metrics.HealthCleared(kind, step, epoch);
        }
    }

    /** Something worth telling the user that is neither progress nor a problem (e.g. the evaluation classifier). */
    record Notice(String message) implements TrainingEvent {}

    /** A checkpoint was written. */
    record CheckpointSaved(Path dir, long step) implements TrainingEvent {}

    /** Paused, running, or stopping. */
    record StateChanged(String state) implements TrainingEvent {}

    /** The run stopped on an error; the message says what happened and what was kept. */
    record Failed(String message) implements TrainingEvent {}

    /** The run ended (finished or stopped); its summary is in the run directory. */
    record Finished(RunSummary summary) implements TrainingEvent {}
}
