package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;

import java.nio.file.Path;

/**
 * An immutable copy of G for the latent renderer: either parameters the training thread saved after an epoch, or a
 * run directory whose latest checkpoint holds them (Open run…).
 */
public record GeneratorSnapshot(ExperimentConfig config, DataSpec spec, byte[] parameters, Path runDir, int epoch) {
    public static GeneratorSnapshot of(ExperimentConfig config, DataSpec spec, byte[] parameters, int epoch) {
        return new GeneratorSnapshot(config, spec, parameters, null, epoch);
    }

    public static GeneratorSnapshot ofRun(ExperimentConfig config, DataSpec spec, Path runDir, int epoch) {
        return new GeneratorSnapshot(config, spec, null, runDir, epoch);
    }
}
