package dev.ganstudio.cli;

import dev.ganstudio.core.train.StepMetrics;
import dev.ganstudio.core.train.TrainingEvent;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Prints a training run's progress to stderr: a live line (epoch/step, img/s, ETA, losses) and one line per epoch. */
final class ProgressPrinter implements Consumer<TrainingEvent> {
    private final PrintStream err;
    private long lastPrint;
    private long startNanos;
    private long startStep;
    private long totalSteps;
    private int targetEpochs;
    private int batchSize;

    ProgressPrinter(PrintStream err) { this.err = err; }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            startNanos = System.nanoTime();
            startStep = s.step();
            targetEpochs = s.targetEpochs();
            batchSize = s.batchSize();
            totalSteps = (long) s.targetEpochs() * s.batchesPerEpoch();
            err.printf(Locale.ROOT, "training on %s, device %s, %d batches of %d per epoch, epochs %d → %d%n  run: %s%n",
                    s.dataset(), s.device(), s.batchesPerEpoch(), s.batchSize(), s.epoch(), s.targetEpochs(), s.runDir());
            if (!s.skippedFiles().isEmpty()) {
                err.printf(Locale.ROOT, "  skipped %d file(s) that could not be used:%n", s.skippedFiles().size());
                s.skippedFiles().stream().limit(20).forEach(f -> err.println("    " + f));
                if (s.skippedFiles().size() > 20) err.println("    ... (all listed in summary.json)");
            }
        } else if (event instanceof TrainingEvent.Step st) {
            long now = System.nanoTime();
            if (now - lastPrint < 250_000_000L) return;
            lastPrint = now;
            StepMetrics m = st.metrics();
            double elapsed = (now - startNanos) / 1e9;
            long done = m.step() + 1 - startStep;
            double rate = done / Math.max(elapsed, 1e-9);
            double eta = (totalSteps - m.step() - 1) / Math.max(rate, 1e-9);
            err.printf(Locale.ROOT, "\repoch %d/%d  step %d/%d  %.0f img/s  ETA %s  D %.3f  G %.3f  D(x) %.2f  D(G(z)) %.2f   ",
                    m.epoch() + 1, targetEpochs, st.batchIndex(), st.batchesPerEpoch(), rate * batchSize, clock(eta),
                    m.dLoss(), m.gLoss(), m.dReal(), m.dFake());
        } else if (event instanceof TrainingEvent.Epoch e) {
            err.printf(Locale.ROOT, "\repoch %d done (step %d)%s  → %s%n", e.epoch(), e.step(), metrics(e.metrics()),
                    e.samplePng().getFileName());
        } else if (event instanceof TrainingEvent.Notice n) {
            err.println("\r" + n.message());
        } else if (event instanceof TrainingEvent.Health h) {
            err.printf(Locale.ROOT, "%nhealth warning (%s, epoch %d, step %d): %s%n  suggestion: %s%n", h.kind(), h.epoch(), h.step(),
                    h.message(), h.suggestion());
        } else if (event instanceof TrainingEvent.HealthCleared c) {
            err.printf(Locale.ROOT, "%nhealth: %s no longer holds (epoch %d, step %d)%n", c.kind(), c.epoch(), c.step());
        } else if (event instanceof TrainingEvent.Failed f) {
            err.println();
            err.println(f.message());
        } else if (event instanceof TrainingEvent.Finished f) {
            err.printf(Locale.ROOT, "%s after %d steps, %d epochs, %.1f s (%.0f img/s)%n", f.summary().status(),
                    f.summary().steps(), f.summary().epochs(), f.summary().seconds(), f.summary().imagesPerSecond());
        }
    }

    /** One line of an epoch's metrics; per-class coverage is summarised by coverage_min (all of it is in metrics.csv). */
    static String metrics(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        for (var e : m.entrySet()) {
            if (e.getKey().equals("coverage") || e.getKey().equals("classifier_accuracy")) continue;
            sb.append("  ").append(e.getKey()).append(' ');
            Object v = e.getValue();
            if (v instanceof Double d) {
                sb.append(String.format(Locale.ROOT, "%.4f", d));
            } else if (v instanceof List<?> list) {
                StringBuilder parts = new StringBuilder();
                for (Object x : list) {
                    if (parts.length() > 0) parts.append('/');
                    parts.append(x instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(x));
                }
                sb.append(parts);
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
