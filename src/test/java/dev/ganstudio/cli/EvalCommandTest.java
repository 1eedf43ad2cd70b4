package dev.ganstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.train.MetricsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image metrics end to end: written after every epoch, and reproduced exactly by {@code eval} on the checkpoint. */
class EvalCommandTest {

    @Test
    void trainWritesImageMetricsAndEvalReproducesThem(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-cgan.json"));
        c = c.withData(new ImageSource("bundled-digits", null, null, null, List.of("0", "1", "2")))
                .withTraining(c.training().withBatchSize(64).withEpochs(2));
        Path config = tmp.resolve("small-cgan.json");
        ConfigIO.save(c, config);
        Path run = tmp.resolve("run");
        assertEquals(0, Main.run("train", config.toString(), "--out", run.toString()));

        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(MetricsLog.HEADER, csv.get(0));
        assertEquals(4, csv.size(), "header + untrained + 2 epochs: " + csv);
        assertTrue(csv.get(1).startsWith("0,0,") && csv.get(3).startsWith("2,"), csv.toString());

        JsonNode trained = ConfigIO.mapper().readTree(run.resolve("summary.json").toFile()).get("metrics");
        for (String key : new String[] {"fld", "fld_untrained", "diversity", "coverage", "coverage_min", "label_accuracy", "fld_note"}) {
            assertTrue(trained.has(key), key + " missing from " + trained);
        }
        assertEquals(3, trained.get("coverage").size(), trained.toString());
        assertTrue(trained.get("fld_note").asText().contains("NOT comparable with Inception"), trained.toString());
        double fld = trained.get("fld").asDouble();
        assertTrue(fld > 0 && fld < trained.get("fld_untrained").asDouble(), "two epochs should beat the untrained generator: " + trained);

        assertEquals(0, Main.run("eval", run.toString()));
        JsonNode evaluated = ConfigIO.mapper().readTree(run.resolve("summary.json").toFile());
        assertEquals("finished", evaluated.get("status").asText(), "eval keeps the rest of the summary");
        JsonNode m = evaluated.get("metrics");
        // same checkpointed generator, same fixed noise, same real sample: the same numbers
        assertEquals(fld, m.get("fld").asDouble(), 1e-6 * fld);
        assertEquals(trained.get("label_accuracy").asDouble(), m.get("label_accuracy").asDouble(), 1e-12);
        assertEquals(trained.get("fld_untrained").asDouble(), m.get("fld_untrained").asDouble(), 0.0);
        assertEquals(trained.get("coverage"), m.get("coverage"));
        assertTrue(m.get("checkpoint_step").asLong() > 0, m.toString());
    }
}
