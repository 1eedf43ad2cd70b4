package dev.ganstudio.core.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigIOTest {

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("sample-configs", name + ".json"));
    }

    @Test
    void everySampleConfigLoadsAndRoundTrips() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("sample-configs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                ExperimentConfig c = ConfigIO.load(f);
                assertEquals(c, ConfigIO.parse(ConfigIO.toJson(c), "round trip"), f.toString());
            }
        }
    }

    @Test
    void misspelledFieldIsNamedWithASuggestion() throws Exception {
        String json = sample("mnist-mlp-gan").replace("\"batchSize\"", "\"batchSzie\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIO.parse(json, "x.json"));
        assertTrue(e.getMessage().contains("unknown field 'training.batchSzie'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'batchSize'"), e.getMessage());
    }

    @Test
    void negativeLearningRateIsRejectedWithTheRule() throws Exception {
        String json = sample("mnist-mlp-gan").replaceFirst("\"lr\": 0.0002", "\"lr\": -0.001");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIO.parse(json, "x.json"));
        assertTrue(e.getMessage().contains("lr must be a finite number > 0, got -0.001"), e.getMessage());
    }

    @Test
    void wrongTypesAndUnknownVariantsAreExplained() throws Exception {
        String text = sample("mnist-mlp-gan").replaceAll("\"epochs\": \\d+", "\"epochs\": \"ten\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIO.parse(text, "x.json"));
        assertTrue(e.getMessage().contains("training.epochs") && e.getMessage().contains("whole number"), e.getMessage());

        String layer = sample("mnist-mlp-gan").replaceFirst("\"type\": \"dense\"", "\"type\": \"densse\"");
        e = assertThrows(ConfigException.class, () -> ConfigIO.parse(layer, "x.json"));
        assertTrue(e.getMessage().contains("unknown type 'densse'") && e.getMessage().contains("allowed layer types"), e.getMessage());

        String loss = sample("mnist-mlp-gan").replace("\"non-saturating\"", "\"wgan-gp\"");
        e = assertThrows(ConfigException.class, () -> ConfigIO.parse(loss, "x.json"));
        assertTrue(e.getMessage().contains("loss must be one of"), e.getMessage());

        e = assertThrows(ConfigException.class, () -> ConfigIO.parse("{ \"name\": \"x\", ", "broken.json"));
        assertTrue(e.getMessage().startsWith("broken.json: "), e.getMessage());
    }
}
