package dev.ganstudio.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganstudio.core.metrics.HealthCleared;
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

/**
 * {@code health.jsonl}: one JSON object per health warning ({@code kind, step, epoch, message, suggestion}), and one
 * per condition that cleared ({@code kind, cleared: true, step, epoch}), in the order they happened.
 */
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
        appendLine(file, o);
    }

    public static void appendCleared(Path file, HealthCleared c) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", c.kind());
        o.put("cleared", true);
        o.put("step", c.step());
        o.put("epoch", c.epoch());
        appendLine(file, o);
    }

    private static void appendLine(Path file, Map<String, Object> o) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Everything in the file, read once: the warnings and the clears, each in order. */
    public record History(List<HealthWarning> warnings, List<HealthCleared> cleared) {}

    /** The warnings and clears in the file (unreadable lines, such as a torn last line, are skipped). */
    public static History readHistory(Path file) throws IOException {
        List<HealthWarning> warnings = new ArrayList<>();
        List<HealthCleared> cleared = new ArrayList<>();
        for (JsonNode n : lines(file)) {
            if (n.path("cleared").asBoolean(false)) {
                cleared.add(new HealthCleared(n.get("kind").asText(), n.get("step").asLong(), n.path("epoch").asInt()));
            } else {
                warnings.add(new HealthWarning(n.get("kind").asText(), n.path("message").asText(), n.path("suggestion").asText(),
                        n.get("step").asLong(), n.path("epoch").asInt()));
            }
        }
        return new History(warnings, cleared);
    }

    /** All warnings in the file. */
    public static List<HealthWarning> read(Path file) throws IOException { return readHistory(file).warnings(); }

    /** All conditions found cleared, in order (files written before clears were recorded have none). */
    public static List<HealthCleared> readCleared(Path file) throws IOException { return readHistory(file).cleared(); }

    /** Keeps only warnings with step ≤ {@code lastStep}, as a resumed run repeats the steps after its checkpoint. */
    static void continueAfter(Path file, long lastStep) throws IOException {
        if (!Files.exists(file)) return;
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = parse(line);
            if (n != null && n.get("step").asLong() <= lastStep) kept.add(line);
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = parse(line);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** A line's object, or null when it is blank, torn or lacks a kind and step. */
    private static JsonNode parse(String line) {
        if (line.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(line);
            return n == null || !n.hasNonNull("kind") || !n.hasNonNull("step") ? null : n;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
