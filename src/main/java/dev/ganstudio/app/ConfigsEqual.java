package dev.ganstudio.app;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.TrainingConfig;

/** Comparisons of experiment configs by their JSON form (records holding arrays do not compare by value). */
final class ConfigsEqual {
    private ConfigsEqual() {}

    static boolean same(ExperimentConfig a, ExperimentConfig b) {
        return a == b || (a != null && b != null && ConfigIO.toJson(a).equals(ConfigIO.toJson(b)));
    }

    /**
     * True when a run of {@code a} can simply continue as {@code b}: the same data, networks, latent, seed and batch —
     * only the settings the studio changes live (learning rates, k, n) and the epoch count may differ.
     */
    static boolean sameModel(ExperimentConfig a, ExperimentConfig b) {
        if (a == null || b == null) return false;
        TrainingConfig t = a.training();
        TrainingConfig u = b.training();
        TrainingConfig normalized = t.withLiveSettings(u.generator().lr(), u.discriminator().lr(), u.dSteps(), u.gSteps());
        ExperimentConfig x = new ExperimentConfig(a.name(), b.description(), a.seed(), a.data(), a.latent(), a.generator(),
                a.discriminator(), normalized.withEpochs(u.epochs()), a.samples());
        return same(x, new ExperimentConfig(a.name(), b.description(), b.seed(), b.data(), b.latent(), b.generator(),
                b.discriminator(), u, b.samples()));
    }
}
