package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.config.TrainingConfig;

import java.util.List;
import java.util.function.Consumer;

/** Small, fast variants of the shipped configs for engine tests. */
final class RunFixtures {
    static final Consumer<TrainingEvent> IGNORE = e -> { };

    private RunFixtures() {}

    /** Seed 000's MLP GAN on two digit classes (~2,100 images), batch 64: a real but quick run. */
    static ExperimentConfig smallMlpGan() throws Exception {
        ExperimentConfig c = TestConfigs.load("mnist-mlp-gan");
        TrainingConfig t = c.training().withBatchSize(64).withEpochs(2);
        return c.withTraining(t).withData(new ImageSource("bundled-digits", null, null, null, List.of("0", "1")));
    }
}
