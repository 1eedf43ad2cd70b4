package dev.ganstudio.core.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metrics.csv}: one row per epoch with the quality measures (row 0 = the generator as initialised, for image
 * runs). Columns that do not apply to the run stay empty. {@code coverage} and {@code mode_mass} hold the shares in
 * class / component order (class names are in {@code data.json}), separated by {@code ;}.
 */
public final class MetricsLog {
    public static final List<String> COLUMNS = List.of("epoch", "step", "fld", "fld_untrained", "diversity", "coverage_min",
            "missing_classes", "label_accuracy", "classifier_accuracy", "mean", "std", "ks", "w1", "mode_mass", "coverage");
    public static final String HEADER = String.join(",", COLUMNS);

    private MetricsLog() {}

    /** Appends one epoch's row (creating the file with its header when needed). */
    public static void append(Path file, int epoch, long step, Map<String, Object> metrics) throws IOException {
        StringBuilder row = new StringBuilder();
        if (!Files.exists(file)) row.append(HEADER).append('\n');
        row.append(epoch).append(',').append(step);
        for (String column : COLUMNS.subList(2, COLUMNS.size())) row.append(',').append(cell(metrics.get(column)));
        row.append('\n');
        Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Keeps only rows with epoch ≤ {@code lastEpoch} (a resumed run repeats later epochs) and returns them as column →
     * text, in file order. A torn last line from a killed run is dropped.
     */
    public static List<Map<String, String>> continueAfter(Path file, int lastEpoch) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, String> row = parse(line);
            if (row == null || Integer.parseInt(row.get("epoch")) > lastEpoch) continue;
            rows.add(row);
            kept.add(line);
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        return rows;
    }

    /** The rows of {@code file} (none when it is missing) as column → text, in file order; the file is only read. */
    public static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, String> row = parse(line);
            if (row != null) rows.add(row);
        }
        return rows;
    }

    /**
     * A row's measures as the engine reported them, for display: numbers as {@code Double}, the per-class and per-mode
     * shares as lists, empty cells left out ({@code missing_classes} is stored as a count).
     */
    public static Map<String, Object> values(Map<String, String> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String column : COLUMNS.subList(2, COLUMNS.size())) {
            String v = row.get(column);
            if (v == null || v.isEmpty()) continue;
            if (column.equals("mode_mass") || column.equals("coverage")) {
                List<Double> shares = new ArrayList<>();
                for (String part : v.split(";")) {
                    try {
                        shares.add(Double.parseDouble(part));
                    } catch (NumberFormatException e) {
                        shares = null;
                        break;
                    }
                }
                if (shares != null) m.put(column, shares);
            } else {
                Double d = number(row, column);
                m.put(column, d != null ? d : v);
            }
        }
        return m;
    }

    /** One data row as column → text; null for the header, a blank or torn line, or a row without an epoch number. */
    private static Map<String, String> parse(String line) {
        if (line.isBlank() || line.startsWith("epoch")) return null;
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.size()) return null;
        try {
            Integer.parseInt(cells[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) row.put(COLUMNS.get(i), cells[i]);
        return row;
    }

    /** A numeric cell of a row, or null when empty or unparsable. */
    static Double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isEmpty()) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cell(Object v) {
        if (v == null) return "";
        // shortest text that reads back as the same double, so eval and a resumed run see exactly the logged value
        if (v instanceof Double || v instanceof Float) return Double.toString(((Number) v).doubleValue());
        if (v instanceof Number n) return n.toString();
        if (v instanceof Map<?, ?> m) return joined(m.values());
        if (v instanceof Collection<?> c) {
            boolean numbers = c.stream().allMatch(x -> x instanceof Number);
            return numbers ? joined(c) : Integer.toString(c.size());
        }
        return v.toString().replace(',', ' ');
    }

    private static String joined(Collection<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object x : values) {
            if (sb.length() > 0) sb.append(';');
            sb.append(String.format(Locale.ROOT, "%.4f", ((Number) x).doubleValue()));
        }
        return sb.toString();
    }
}
