package dev.ganstudio.core.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code losses.csv}: one row per iteration. On resume, rows after the checkpoint's step are dropped first. */
public final class LossLog implements AutoCloseable {
    public static final String HEADER = "step,epoch,d_loss,g_loss,d_real,d_fake,lr_g,lr_d,seconds";

    private final BufferedWriter out;

    private LossLog(BufferedWriter out) { this.out = out; }

    public static LossLog create(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(HEADER);
        w.newLine();
        return new LossLog(w);
    }

    /** Opens an existing log for appending after keeping only rows with step ≤ {@code lastStep}. */
    public static LossLog continueAfter(Path file, long lastStep) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("step")) continue;
                int comma = line.indexOf(',');
                try {
                    if (comma > 0 && Long.parseLong(line.substring(0, comma)) <= lastStep) kept.add(line);
                } catch (NumberFormatException ignored) {
                    // a torn last line from a killed run
                }
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        return new LossLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /**
     * The rows of {@code file} as step metrics (epoch back to 0-based; {@code seconds} holds the run's total training
     * seconds at that row). A missing file gives no rows; unreadable rows (a torn last line of a killed run) are skipped.
     */
    public static List<StepMetrics> read(Path file) throws IOException {
        List<StepMetrics> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("step")) continue;
            String[] v = line.split(",");
            if (v.length < 9) continue;
            try {
                out.add(new StepMetrics(Long.parseLong(v[0]), Integer.parseInt(v[1]) - 1, number(v[2]), number(v[3]),
                        number(v[4]), number(v[5]), number(v[6]), number(v[7]), Double.parseDouble(v[8])));
            } catch (NumberFormatException e) {
                // a torn last line of a killed run
            }
        }
        return out;
    }

    private static float number(String s) {
        return s.equalsIgnoreCase("nan") ? Float.NaN : Float.parseFloat(s);
    }

    public void append(StepMetrics m, double totalSeconds) throws IOException {
        out.write(String.format(Locale.ROOT, "%d,%d,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.3f", m.step(), m.epoch() + 1,
                m.dLoss(), m.gLoss(), m.dReal(), m.dFake(), m.lrG(), m.lrD(), totalSeconds));
        out.newLine();
    }

    public void flush() throws IOException { out.flush(); }

    @Override public void close() throws IOException { out.close(); }
}
