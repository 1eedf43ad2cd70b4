package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;

import java.nio.file.Path;

/**
 * A copy of G for the latent renderer: either its weights as the training thread copied them after an epoch
 * ({@code GanSession.generatorWeights()}, never changed afterwards), or a run directory whose latest checkpoint holds
 * them (Open run…).
 */
public record GeneratorSnapshot(ExperimentConfig config, DataSpec spec, float[][] weights, Path runDir, int epoch) {
    public static GeneratorSnapshot of(ExperimentConfig config, DataSpec spec, float[][] weights, int epoch) {
        return new GeneratorSnapshot(config, spec, weights, null, epoch);
    }

    public static GeneratorSnapshot ofRun(ExperimentConfig config, DataSpec spec, Path runDir, int epoch) {
        return new GeneratorSnapshot(config, spec, null, runDir, epoch);
    }

    /** Whether both describe the same network for the same data, so one's weights fit the other's generator. */
    boolean sameNetwork(GeneratorSnapshot other) {
        return other != null && spec.equals(other.spec) && (config == other.config || ConfigsEqual.sameModel(config, other.config));
    }
}
