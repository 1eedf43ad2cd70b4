package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.metrics.HealthWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health warnings from real runs, and the run files they and the metrics go to. */
class HealthEventsTest {

    @Test
    void seed003LsganIsToldItsDiscriminatorCannotSeparateRealFromFake(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = TestConfigs.load("mnist-lsgan");
        List<TrainingEvent> events = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(c, tmp, events::add)) {
            run.train(6); // 114 steps: the two 50-step windows and the 100-step minimum are filled by epoch 6
        }
        List<TrainingEvent.Health> health = events.stream().filter(e -> e instanceof TrainingEvent.Health)
                .map(e -> (TrainingEvent.Health) e).toList();
        TrainingEvent.Health blind = health.stream().filter(h -> h.kind().equals(HealthWarning.NO_SEPARATION)).findFirst()
                .orElseThrow(() -> new AssertionError("no no-separation warning; got " + health));
        assertTrue(blind.message().contains("batch norm over its single output"), blind.message());
        assertTrue(blind.suggestion().contains("Remove the batch norm from D's output layer"), blind.suggestion());
        assertTrue(health.stream().noneMatch(h -> h.kind().equals(HealthWarning.DISCRIMINATOR_WINS)), health.toString());
        List<HealthWarning> logged = HealthLog.read(tmp.resolve("health.jsonl"));
        assertEquals(health.size(), logged.size());
        assertEquals(blind.message(), logged.stream().filter(w -> w.kind().equals(HealthWarning.NO_SEPARATION)).findFirst().orElseThrow().message());
    }

    @Test
    void nonFiniteLossIsAHealthWarningBeforeTheFailure(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = RunFixtures.smallMlpGan();
        List<TrainingEvent> events = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(c, tmp, events::add)) {
            run.train(1);
            run.control().setLearningRates(1e30f, 1e30f);
            assertThrows(NonFiniteLossException.class, () -> run.train(2));
        }
        int health = -1, failed = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TrainingEvent.Health h && h.kind().equals(HealthWarning.NON_FINITE)) health = i;
            if (events.get(i) instanceof TrainingEvent.Failed) failed = i;
        }
        assertTrue(health >= 0 && failed > health, "health at " + health + ", failed at " + failed);
        assertTrue(Files.readString(tmp.resolve("health.jsonl")).contains("\"kind\":\"non-finite\""));
        // the finished epoch's image metrics are in metrics.csv: the untrained row and epoch 1
        List<String> csv = Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals(3, csv.size(), csv.toString());
    }

    @Test
    void outputBatchNormIsRecognisedInTheDiscriminatorLayers() throws Exception {
        assertTrue(TrainingRun.normalisesOutput(TestConfigs.load("mnist-lsgan").discriminator().layers()));
        assertFalse(TrainingRun.normalisesOutput(TestConfigs.load("mnist-mlp-gan").discriminator().layers()));
        assertFalse(TrainingRun.normalisesOutput(TestConfigs.load("mnist-dcgan").discriminator().layers()));
    }

    @Test
    void metricsAndHealthFilesAreTrimmedToTheCheckpointOnResume(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("metrics.csv");
        for (int e = 0; e <= 3; e++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fld", 100.0 / (e + 1));
            m.put("coverage", Map.of("a", 0.25));
            m.put("missing_classes", List.of("b", "c"));
            MetricsLog.append(csv, e, 10L * e, m);
        }
        Files.writeString(csv, "4,40,1.5", java.nio.file.StandardOpenOption.APPEND); // torn line of a killed run
        List<Map<String, String>> rows = MetricsLog.continueAfter(csv, 2);
        assertEquals(3, rows.size());
        assertEquals(50.0, MetricsLog.number(rows.get(1), "fld"));
        assertEquals("0.2500", rows.get(2).get("coverage"));
        assertEquals("2", rows.get(2).get("missing_classes"));
        assertEquals(4, Files.readAllLines(csv).size());

        Path jsonl = tmp.resolve("health.jsonl");
        HealthLog.append(jsonl, new HealthWarning(HealthWarning.COLLAPSE, "m1", "s1", 20, 2));
        HealthLog.append(jsonl, new HealthWarning(HealthWarning.NO_PROGRESS, "m2, \"quoted\"", "s2", 35, 4));
        assertEquals(2, HealthLog.read(jsonl).size());
        assertEquals("m2, \"quoted\"", HealthLog.read(jsonl).get(1).message());
        HealthLog.appendCleared(jsonl, new dev.ganstudio.core.metrics.HealthCleared(HealthWarning.COLLAPSE, 28, 3));
        HealthLog.appendCleared(jsonl, new dev.ganstudio.core.metrics.HealthCleared(HealthWarning.NO_PROGRESS, 50, 5));
        assertEquals(2, HealthLog.read(jsonl).size(), "clears are not warnings");
        assertEquals(List.of(new dev.ganstudio.core.metrics.HealthCleared(HealthWarning.COLLAPSE, 28, 3),
                new dev.ganstudio.core.metrics.HealthCleared(HealthWarning.NO_PROGRESS, 50, 5)), HealthLog.readCleared(jsonl));
        HealthLog.continueAfter(jsonl, 30);
        assertEquals(List.of(new HealthWarning(HealthWarning.COLLAPSE, "m1", "s1", 20, 2)), HealthLog.read(jsonl));
        assertEquals(List.of(new dev.ganstudio.core.metrics.HealthCleared(HealthWarning.COLLAPSE, 28, 3)), HealthLog.readCleared(jsonl),
                "a resumed run keeps the clears up to its checkpoint");
    }
}
