package dev.ganstudio.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.export.AtomicFiles;
import dev.ganstudio.core.metrics.DistributionMetrics;
import dev.ganstudio.core.metrics.DistributionReport;
import dev.ganstudio.core.metrics.FeatureClassifier;
import dev.ganstudio.core.metrics.HealthWarning;
import dev.ganstudio.core.metrics.ImageReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures a run directory's latest checkpoint with the same metrics and the same fixed inputs as training does
 * after each epoch ({@code gan-studio eval}), and stores them in {@code summary.json}'s {@code metrics} object.
 */
public final class RunEvaluation {
    private RunEvaluation() {}

    /** The metrics of one checkpoint. */
    public record Result(Path checkpoint, long step, int epochs, Map<String, Object> metrics) {}

    /**
     * Evaluates the latest checkpoint; the dataset must still be where the run's config says (image runs load it for
     * the classifier and the real sample). Call on one thread; it may train the evaluation classifier.
     */
    public static Result evaluate(Path runDir, Consumer<String> notes) throws IOException, ConfigException, DatasetException {
        ExperimentConfig config = ConfigIO.load(runDir.resolve("config.json"));
        DataSpec spec = RunFiles.readDataSpec(runDir);
        Checkpoint checkpoint = Checkpoint.latest(runDir.resolve("checkpoints"))
                .orElseThrow(() -> new ConfigException(runDir + ": no complete checkpoint to evaluate"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (TrainedGenerator g = TrainedGenerator.open(runDir)) {
            if (config.data() instanceof ImageSource source) {
                ImageDataset ds = DataLoading.loadImages(source);
                if (!Arrays.equals(new int[] {ds.channels(), ds.height(), ds.width()}, spec.sampleShape())
                        || !ds.classNames().equals(spec.classNames())) {
                    throw new DatasetException(ds.name() + " now has " + ds.channels() + "×" + ds.height() + "×" + ds.width()
                            + " images in classes " + ds.classNames() + ", but the run was trained on " + shape(spec.sampleShape())
                            + " images in classes " + spec.classNames() + "; the metrics would not mean anything");
                }
                try (ImageEvaluation evaluation = ImageEvaluation.prepare(config, ds, spec, FeatureClassifier.defaultCacheDir(), notes)) {
                    ImageReport r = evaluation.evaluate(g::generate);
                    Double untrained = evaluation.classBased() ? untrainedFld(runDir, config, spec, evaluation) : null;
                    metrics.putAll(evaluation.toMetrics(r, untrained));
                    if (r.fld() != null) metrics.put("fld_note", ImageEvaluation.FLD_NOTE);
                }
            } else {
                BatchSource data = DataLoading.open(config);
                DistributionBatchSource d = (DistributionBatchSource) data;
                FixedNoise noise = EpochOutputs.oneDimensionalNoise(config, spec);
                float[] values = g.generate(noise.z(), null, noise.count());
                double[] generated = new double[values.length];
                for (int i = 0; i < values.length; i++) generated[i] = values[i];
                DistributionReport r = DistributionMetrics.evaluate(generated, d.distribution());
                metrics.put("mean", r.mean());
                metrics.put("std", r.std());
                metrics.put("ks", r.ks());
                metrics.put("w1", r.w1());
                if (!r.modeMass().isEmpty()) metrics.put("mode_mass", r.modeMass());
            }
        }
        metrics.put("checkpoint_step", checkpoint.state().step());
        return new Result(checkpoint.dir(), checkpoint.state().step(), checkpoint.state().epochsCompleted(), metrics);
    }

    /** Replaces the {@code metrics} object of {@code summary.json} (creating a minimal summary when there is none). */
    public static void writeIntoSummary(Path runDir, Map<String, Object> metrics) throws IOException {
        Path file = runDir.resolve("summary.json");
        ObjectNode summary;
        if (Files.isRegularFile(file)) {
            JsonNode existing = ConfigIO.mapper().readTree(file.toFile());
            if (!(existing instanceof ObjectNode o)) throw new IOException(file + " is not a JSON object");
            summary = o;
        } else {
            summary = ConfigIO.mapper().createObjectNode();
            summary.put("status", "evaluated (no training summary yet)");
        }
        summary.set("metrics", ConfigIO.mapper().valueToTree(metrics));
        AtomicFiles.writeStringAtomically(file, ConfigIO.mapper().writeValueAsString(summary) + "\n");
    }

    /** FLD of the generator as initialised: row 0 of metrics.csv, else measured on a freshly initialised generator. */
    private static Double untrainedFld(Path runDir, ExperimentConfig config, DataSpec spec, ImageEvaluation evaluation) throws IOException {
        Path file = runDir.resolve("metrics.csv");
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                if (cells.length == MetricsLog.COLUMNS.size() && cells[0].equals("0")) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < cells.length; i++) row.put(MetricsLog.COLUMNS.get(i), cells[i]);
                    Double fld = MetricsLog.number(row, "fld");
                    if (fld != null) return fld;
                }
            }
        }
        try (GanSession initial = GanSession.create(config, spec)) {
            return evaluation.evaluate(initial::generate).fld();
        }
    }

    private static String shape(int[] s) {
        return Arrays.stream(s).mapToObj(Integer::toString).reduce((a, b) -> a + "×" + b).orElse("?");
    }

    /** The run's health warnings so far (from {@code health.jsonl}). */
    public static List<HealthWarning> healthWarnings(Path runDir) throws IOException {
        return HealthLog.read(runDir.resolve("health.jsonl"));
    }
}
