package dev.ganstudio.core.config;

/**
 * How to train.
 *
 * @param epochs            passes over the data (for 1-D distributions: blocks of {@code iterationsPerEpoch})
 * @param batchSize         real samples per D step
 * @param loss              adversarial objective
 * @param dSteps            k: D steps per iteration
 * @param gSteps            n: G steps per iteration
 * @param labelSmoothing    one-sided: real target = 1 − labelSmoothing (BCE and least-squares), in [0, 0.5)
 * @param clipValue         D weight clip for wasserstein-clip
 * @param generator         G's Adam
 * @param discriminator     D's Adam
 * @param iterationsPerEpoch iterations per epoch for endless (1-D) sources; ignored for datasets
 * @param emaBeta           keep an exponential moving average of G's weights with this decay (e.g. 0.999) and draw
 *                          sample grids and metrics from it; 0 = off
 * @param lrDecay           "none", or "linear": both learning rates fall linearly to 0 over the configured epochs
 */
public record TrainingConfig(Integer epochs, Integer batchSize, LossKind loss, Integer dSteps, Integer gSteps,
                             Double labelSmoothing, Double clipValue, OptimizerConfig generator,
                             OptimizerConfig discriminator, Integer iterationsPerEpoch, Double emaBeta, String lrDecay) {
    public TrainingConfig {
        epochs = Check.positive("training.epochs", epochs, 10);
        batchSize = Check.positive("training.batchSize", batchSize, 64);
        loss = loss == null ? LossKind.NON_SATURATING : loss;
        dSteps = Check.atLeast("training.dSteps", dSteps, 1, 0);
        gSteps = Check.atLeast("training.gSteps", gSteps, 1, 0);
        if (dSteps + gSteps == 0) throw new IllegalArgumentException("training.dSteps and training.gSteps cannot both be 0");
        labelSmoothing = Check.inRange("training.labelSmoothing", labelSmoothing, 0, 0, 0.5, false);
        clipValue = Check.positive("training.clipValue", clipValue, 0.01);
        generator = generator == null ? new OptimizerConfig(null, null, null) : generator;
        discriminator = discriminator == null ? new OptimizerConfig(null, null, null) : discriminator;
        iterationsPerEpoch = Check.positive("training.iterationsPerEpoch", iterationsPerEpoch, 100);
        emaBeta = Check.inRange("training.emaBeta", emaBeta, 0, 0, 1, false);
        lrDecay = lrDecay == null ? "none" : lrDecay;
        if (!lrDecay.equals("none") && !lrDecay.equals("linear")) {
            throw new IllegalArgumentException("training.lrDecay must be 'none' or 'linear', got '" + lrDecay + "'");
        }
    }

    /** The learning-rate multiplier after {@code step} of {@code totalSteps} iterations. */
    public double lrFactor(long step, long totalSteps) {
        if (lrDecay.equals("none") || totalSteps <= 0) return 1.0;
        return Math.max(0.0, 1.0 - (double) step / totalSteps);
    }

    public TrainingConfig withBatchSize(int n) {
        return new TrainingConfig(epochs, n, loss, dSteps, gSteps, labelSmoothing, clipValue, generator, discriminator,
                iterationsPerEpoch, emaBeta, lrDecay);
    }

    /** The settings a running run can change live: both learning rates, k D steps and n G steps. */
    public TrainingConfig withLiveSettings(double lrG, double lrD, int k, int n) {
        return new TrainingConfig(epochs, batchSize, loss, k, n, labelSmoothing, clipValue, generator.withLr(lrG),
                discriminator.withLr(lrD), iterationsPerEpoch, emaBeta, lrDecay);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(n, batchSize, loss, dSteps, gSteps, labelSmoothing, clipValue, generator, discriminator,
                iterationsPerEpoch, emaBeta, lrDecay);
    }
}
