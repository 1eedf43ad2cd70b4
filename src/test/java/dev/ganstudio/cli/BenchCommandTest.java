package dev.ganstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --json} output shape on tiny runs; the numbers themselves are not asserted. */
class BenchCommandTest {

    private static JsonNode runJson(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(saved);
        }
        return new ObjectMapper().readTree(buffer.toString(StandardCharsets.UTF_8));
    }

    @Test
    void benchJsonHasTheIssuesKeys() throws Exception {
        JsonNode j = runJson("bench", "--json", "--models", "mlp_gan", "--batch", "16", "--warmup", "1", "--steps", "2", "--data-steps", "2");
        assertTrue(j.get("device").isTextual());
        assertTrue(j.get("threads").isInt());
        JsonNode m = j.get("mlp_gan");
        for (String key : new String[] {"ms_per_step", "images_per_second", "gemm_gflops", "gemm_bound_ms", "efficiency",
                "data_wait_fraction", "flops_per_step"}) {
            assertTrue(m.has(key) && m.get(key).isNumber(), key + " missing in " + m);
        }
        assertEquals(16, m.get("batch").asInt());
        // the bound is the FLOP count at the measured throughput, and efficiency is bound / measured step
        double bound = m.get("flops_per_step").asDouble() / m.get("gemm_gflops").asDouble() / 1e6;
        assertEquals(bound, m.get("gemm_bound_ms").asDouble(), bound * 0.01 + 0.01);
        assertTrue(j.get("dcgan") == null);
    }

    @Test
    void soakJsonReportsMemoryAtThreePoints() throws Exception {
        JsonNode s = runJson("bench", "--soak", "20", "--batch", "8", "--warmup", "5", "--json").get("soak");
        assertEquals(20, s.get("steps").asInt());
        assertEquals(8, s.get("batch").asInt());
        for (String group : new String[] {"rss_mb", "managed_arrays"}) {
            for (String point : new String[] {"start", "after_warmup", "end"}) {
                assertTrue(s.get(group).get(point).isNumber(), group + "." + point + " missing in " + s);
            }
        }
    }
}
