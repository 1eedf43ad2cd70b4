package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.export.HistogramChart;
import dev.ganstudio.core.export.PngExport;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.data.MixtureComponent;
import dev.ganstudio.core.data.MixtureDistribution;
import dev.ganstudio.core.metrics.DistributionMetrics;
import dev.ganstudio.core.metrics.DistributionReport;
import dev.ganstudio.core.metrics.EpochSignals;
import dev.ganstudio.core.metrics.ImageReport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run writes after each epoch: the fixed-noise sample grid (images) or the real/generated/noise histogram
 * with D(x) (1-D) as {@code samples/epoch-NNNN.png}, and the epoch's metrics (also appended to {@code metrics.csv}).
 */
final class EpochOutputs {
    /** 1-D metrics are computed on this many noise vectors (× the sample length values). */
    static final int EVAL_VECTORS = 200;

    record Result(float[] samples, long[] labels, Path png, Map<String, Object> metrics, EpochSignals signals) {}

    private final Path runDir;
    private final ExperimentConfig config;
    private final BatchSource data;
    private final GanSession session;
    private final FixedNoise fixed;
    private Map<String, Object> lastMetrics = Map.of();
    private ImageEvaluation images;
    private Double fldUntrained;
    private OneDimensionalProbe oneDProbe;

    EpochOutputs(Path runDir, ExperimentConfig config, BatchSource data, GanSession session) {
        this.runDir = runDir;
        this.config = config;
        this.data = data;
        this.session = session;
        this.fixed = FixedNoise.of(config, data.spec());
    }

    /** Measures image metrics every epoch from now on ({@code fldUntrained}: FLD of the initial generator, or null). */
    void useImageEvaluation(ImageEvaluation evaluation, Double fldUntrained) {
        this.images = evaluation;
        this.fldUntrained = fldUntrained;
    }

    Result write(int epoch, long step) throws IOException {
        Path png = runDir.resolve("samples").resolve(String.format("epoch-%04d.png", epoch));
        float[] samples = session.generate(fixed.z(), fixed.labels(), fixed.count());
        DataSpec spec = data.spec();
        Map<String, Object> metrics = new LinkedHashMap<>();
        EpochSignals signals = null;
        if (data instanceof DistributionBatchSource d) {
            for (int i = 0; i < samples.length; i++) samples[i] = (float) d.toData(samples[i]);
            OneDimensionalProbe.View view = oneDimensional(d);
            DistributionReport r = DistributionMetrics.evaluate(view.generated(), d.distribution());
            metrics.put("mean", r.mean());
            metrics.put("std", r.std());
            metrics.put("ks", r.ks());
            metrics.put("w1", r.w1());
            if (!r.modeMass().isEmpty()) metrics.put("mode_mass", r.modeMass());
            List<Double> weights = d.distribution() instanceof MixtureDistribution mix
                    ? mix.components().stream().map(MixtureComponent::weight).toList() : null;
            signals = EpochSignals.oneDimensional(r.ks(), r.modeMass().isEmpty() ? null : r.modeMass(), weights);
            String title = String.format(java.util.Locale.ROOT, "%s — epoch %d — target %s — KS %.3f, W1 %.3f",
                    config.name(), epoch, d.distribution().describe(), r.ks(), r.w1());
            BufferedImage chart = HistogramChart.render(title,
                    HistogramChart.standardSeries(view.real(), view.generated(), view.noise()), 60, view.curveX(), view.curveY(), 800, 420,
                    TransferMap.elementwise(config) ? TransferMap.pairs(view.real(), view.noise(), view.generated()) : null);
            PngExport.write(chart, png);
        } else {
            int[] s = spec.sampleShape();
            BufferedImage grid = new SampleGrid(config.samples().columns(), 2, SampleGrid.DEFAULT_BACKGROUND, config.samples().scale()).render(new ImageBatch(samples, fixed.count(), s[0], s[1], s[2]));
            PngExport.write(grid, png);
            if (images != null) {
                ImageReport r = images.evaluate(session::generate);
                metrics.putAll(images.toMetrics(r, fldUntrained));
                signals = EpochSignals.images(r, fldUntrained, images.realCoverage());
            }
        }
        if (!metrics.isEmpty()) MetricsLog.append(runDir.resolve("metrics.csv"), epoch, step, metrics);
        lastMetrics = metrics;
        return new Result(samples, fixed.labels(), png, metrics, signals);
    }

    /** The last epoch's metrics for summary.json, with the note that FLD is not FID when FLD is among them. */
    Map<String, Object> finalMetrics() {
        if (!lastMetrics.containsKey("fld")) return lastMetrics;
        Map<String, Object> m = new LinkedHashMap<>(lastMetrics);
        m.put("fld_note", ImageEvaluation.FLD_NOTE);
        return m;
    }

    /** The fixed noise behind the 1-D metrics ({@link #EVAL_VECTORS} vectors from the seed). */
    static FixedNoise oneDimensionalNoise(ExperimentConfig config, DataSpec spec) {
        return FixedNoise.of(config, spec, EVAL_VECTORS, config.seed() ^ 0xE7A1L);
    }

    /** The 1-D view on the fixed evaluation sample ({@link #EVAL_VECTORS} vectors), made on first use. */
    private OneDimensionalProbe.View oneDimensional(DistributionBatchSource d) {
        if (oneDProbe == null) oneDProbe = new OneDimensionalProbe(config.seed(), d, oneDimensionalNoise(config, data.spec()));
        return oneDProbe.probe(session);
    }
}
