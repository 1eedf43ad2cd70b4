package dev.ganstudio.core.config;

/**
 * Adam settings for one network.
 *
 * @param lr    learning rate, > 0
 * @param beta1 first-moment decay, in [0, 1)
 * @param beta2 second-moment decay, in [0, 1)
 */
public record OptimizerConfig(Double lr, Double beta1, Double beta2) {
    public OptimizerConfig {
        lr = Check.positive("lr", lr, 2e-4);
        beta1 = Check.inRange("beta1", beta1, 0.5, 0, 1, false);
        beta2 = Check.inRange("beta2", beta2, 0.999, 0, 1, false);
    }

    public static OptimizerConfig adam(double lr, double beta1, double beta2) {
        return new OptimizerConfig(lr, beta1, beta2);
    }

    public OptimizerConfig withLr(double newLr) { return new OptimizerConfig(newLr, beta1, beta2); }
}
