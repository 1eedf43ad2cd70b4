package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;

import java.nio.file.Path;

/** The shipped sample configs, loaded for tests. */
final class TestConfigs {
    private TestConfigs() {}

    static ExperimentConfig load(String name) throws Exception {
        return ConfigIO.load(Path.of("sample-configs", name + ".json"));
    }
}
