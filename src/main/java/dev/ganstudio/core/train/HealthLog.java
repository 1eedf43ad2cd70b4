package dev.ganstudio.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganstudio.core.metrics.HealthWarning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code health.jsonl}: one JSON object per health warning ({@code kind, step, epoch, message, suggestion}). */
public final class HealthLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthLog() {}

    public static void append(Path file, HealthWarning w) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", w.kind());
        o.put("step", w.step());
        o.put("epoch", w.epoch());
        o.put("message", w.message());
        o.put("suggestion", w.suggestion());
        Files.writeString(file, JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** All warnings in the file (unreadable lines, such as a torn last line, are skipped). */
    public static List<HealthWarning> read(Path file) throws IOException {
        List<HealthWarning> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            HealthWarning w = parse(line);
            if (w != null) out.add(w);
        }
        return out;
    }

    /** Keeps only warnings with step ≤ {@code lastStep}, as a resumed run repeats the steps after its checkpoint. */
    static void continueAfter(Path file, long lastStep) throws IOException {
        if (!Files.exists(file)) return;
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            HealthWarning w = parse(line);
            if (w != null && w.step() <= lastStep) kept.add(line);
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }

    private static HealthWarning parse(String line) {
        if (line.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.hasNonNull("kind") || !n.hasNonNull("step")) return null;
            return new HealthWarning(n.get("kind").asText(), n.path("message").asText(), n.path("suggestion").asText(),
                    n.get("step").asLong(), n.path("epoch").asInt());
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
