package dev.ganstudio.core.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossLogTest {
    @Test
    void rowsReadBackAsWrittenAndATornLineIsSkipped(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("losses.csv");
        try (LossLog log = LossLog.create(csv)) {
            log.append(new StepMetrics(0, 0, 1.25f, 0.5f, 0.6f, 0.4f, 2e-4f, 1e-4f, 0.1), 0.1);
            log.append(new StepMetrics(1, 1, Float.NaN, 0.75f, 0.7f, 0.3f, 2e-4f, 1e-4f, 0.1), 0.2);
        }
        Files.writeString(csv, "2,1,0.9", StandardOpenOption.APPEND); // killed mid-row
        List<StepMetrics> rows = LossLog.read(csv);
        assertEquals(2, rows.size());
        assertEquals(0, rows.get(0).epoch());
        assertEquals(1.25f, rows.get(0).dLoss());
        assertEquals(1, rows.get(1).epoch());
        assertTrue(Float.isNaN(rows.get(1).dLoss()));
        assertEquals(0.2, rows.get(1).seconds(), 1e-9);
        assertTrue(LossLog.read(tmp.resolve("missing.csv")).isEmpty());
    }
}
