package dev.ganstudio.core.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MetricsLogTest {

    @Test
    void readGivesBackWhatWasLoggedAndLeavesTheFileAsItWas(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("metrics.csv");
        for (int epoch = 1; epoch <= 2; epoch++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean", 0.25 * epoch);
            m.put("ks", 0.1 / epoch);
            m.put("mode_mass", List.of(0.4, 0.6));
            MetricsLog.append(csv, epoch, 200L * epoch, m);
        }
        Files.writeString(csv, Files.readString(csv) + "3,600,0.7", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING); // torn
        String before = Files.readString(csv);

        List<Map<String, String>> rows = MetricsLog.read(csv);
        assertEquals(2, rows.size(), "the torn last line is skipped");
        assertEquals(before, Files.readString(csv), "reading an opened run does not rewrite its file");
        Map<String, Object> second = MetricsLog.values(rows.get(1));
        assertEquals(0.5, second.get("mean"));
        assertEquals(0.05, second.get("ks"));
        assertEquals(List.of(0.4, 0.6), second.get("mode_mass"));
        assertFalse(second.containsKey("fld"), "empty cells are left out");
        assertEquals(List.of(), MetricsLog.read(tmp.resolve("none.csv")));
    }
}
