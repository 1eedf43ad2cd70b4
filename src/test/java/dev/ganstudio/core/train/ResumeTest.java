package dev.ganstudio.core.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.ganstudio.core.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResumeTest {

    private static Map<String, float[]> parameters(TrainingRun run) {
        Map<String, float[]> all = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : run.session().generator().getParameters()) all.put("G." + p.getKey(), p.getValue().getArray().toFloatArray());
        for (Pair<String, Parameter> p : run.session().discriminator().getParameters()) all.put("D." + p.getKey(), p.getValue().getArray().toFloatArray());
        return all;
    }

    @Test
    void twoEpochsStraightEqualOneEpochResumeOneEpoch(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = RunFixtures.smallMlpGan();
        Map<String, float[]> straight;
        try (TrainingRun run = TrainingRun.create(c, tmp.resolve("straight"), RunFixtures.IGNORE)) {
            run.train(2);
            straight = parameters(run);
        }
        try (TrainingRun run = TrainingRun.create(c, tmp.resolve("resumed"), RunFixtures.IGNORE)) {
            run.train(1);
        }
        Map<String, float[]> resumed;
        try (TrainingRun run = TrainingRun.resume(tmp.resolve("resumed"), RunFixtures.IGNORE)) {
            assertEquals(1, run.epochsCompleted());
            run.train(2);
            resumed = parameters(run);
        }
        assertEquals(straight.keySet(), resumed.keySet());
        for (String k : straight.keySet()) assertArrayEquals(straight.get(k), resumed.get(k), 0f, k);

        List<String> a = Files.readAllLines(tmp.resolve("straight/losses.csv"));
        List<String> b = Files.readAllLines(tmp.resolve("resumed/losses.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // identical losses; only the seconds column differs
            assertEquals(a.get(i).substring(0, a.get(i).lastIndexOf(',')), b.get(i).substring(0, b.get(i).lastIndexOf(',')));
        }
    }
}
