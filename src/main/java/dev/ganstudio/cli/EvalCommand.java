package dev.ganstudio.cli;

import dev.ganstudio.core.metrics.HealthWarning;
import dev.ganstudio.core.train.ImageEvaluation;
import dev.ganstudio.core.train.RunEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "eval", description = {
        "Measure a run's latest checkpoint and store the metrics in its summary.json.",
        "Images: FLD (Fréchet distance of a small per-dataset classifier's features; NOT comparable with Inception FID),",
        "class coverage, label accuracy (conditional models) and diversity. 1-D data: mean, std, KS, W1, mode mass."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        RunEvaluation.Result r = RunEvaluation.evaluate(runDir, System.err::println);
        Map<String, Object> m = r.metrics();
        System.out.printf(Locale.ROOT, "%s — checkpoint step %d, %d epochs%n", runDir, r.step(), r.epochs());
        for (var e : m.entrySet()) {
            String key = e.getKey();
            if (key.equals("fld_note") || key.equals("checkpoint_step")) continue;
            Object v = e.getValue();
            if (key.equals("coverage") && v instanceof Map<?, ?> coverage) {
                StringBuilder sb = new StringBuilder();
                for (var c : coverage.entrySet()) {
                    sb.append(String.format(Locale.ROOT, "  %s %.1f%%", c.getKey(), 100 * ((Number) c.getValue()).doubleValue()));
                }
                System.out.printf(Locale.ROOT, "  %-20s%s%n", key, sb);
            } else if (v instanceof Double d) {
                String extra = key.equals("fld") && m.get("fld_untrained") instanceof Double u && u > 0
                        ? String.format(Locale.ROOT, "   (%.3f × the untrained generator's)", d / u) : "";
                System.out.printf(Locale.ROOT, "  %-20s%.4f%s%n", key, d, extra);
            } else if (v instanceof List<?> list) {
                System.out.printf(Locale.ROOT, "  %-20s%s%n", key, ProgressPrinter.metrics(Map.of(key, list)).replaceFirst("^\\s*" + key + " ", ""));
            } else {
                System.out.printf(Locale.ROOT, "  %-20s%s%n", key, v);
            }
        }
        if (m.containsKey("fld")) System.out.println("  note: " + ImageEvaluation.FLD_NOTE);
        List<HealthWarning> health = RunEvaluation.healthWarnings(runDir);
        if (health.isEmpty()) {
            System.out.println("health: no warnings during training");
        } else {
            System.out.println("health warnings during training:");
            for (HealthWarning w : health) {
                System.out.printf(Locale.ROOT, "  epoch %d, step %d, %s: %s%n    suggestion: %s%n", w.epoch(), w.step(), w.kind(), w.message(), w.suggestion());
            }
        }
        RunEvaluation.writeIntoSummary(runDir, m);
        System.out.println(runDir.resolve("summary.json"));
        return 0;
    }
}
