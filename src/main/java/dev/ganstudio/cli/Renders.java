package dev.ganstudio.cli;

import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.export.HistogramChart;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.metrics.DistributionMetrics;
import dev.ganstudio.core.metrics.DistributionReport;
import dev.ganstudio.core.train.OneDimensionalProbe;
import dev.ganstudio.core.train.TrainedGenerator;
import dev.ganstudio.core.train.TransferMap;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/** Turns generated samples into a picture: a grid for images, a histogram for 1-D data. */
final class Renders {
    private Renders() {}

    /** A grid of image samples ({@code n} of them, a row per class for conditional models). */
    static BufferedImage samples(TrainedGenerator g, float[] samples, int n) {
        int[] s = g.spec().sampleShape();
        if (s.length != 3) throw new IllegalArgumentException("sample grids are drawn for image runs; this run is 1-D");
        int columns = g.config().conditional() && n % g.spec().numClasses() == 0 ? g.spec().numClasses() : (int) Math.ceil(Math.sqrt(n));
        return new SampleGrid(columns, 2, SampleGrid.DEFAULT_BACKGROUND, g.config().samples().scale()).render(new ImageBatch(samples, n, s[0], s[1], s[2]));
    }

    /** A 1-D run's samples drawn against its target, and how well they match it. */
    record OneDimensional(BufferedImage image, DistributionReport report) {}

    /**
     * A 1-D run's generated values ({@code samples}, from the noise {@code z}) against as many values drawn from the
     * target (from {@code seed}): histograms of real, generated and noise values on shared bins, the target's KS and
     * W1 in the title, and G's map from noise to values below when G applies one network to each noise value — the
     * run folder's epoch pictures without D(x) (a sample needs only G).
     */
    static OneDimensional oneDimensional(TrainedGenerator g, DistributionSource target, float[] samples, float[] z, long seed, String title) {
        Random rng = new Random(seed ^ OneDimensionalProbe.REAL_SALT);
        double[] real = new double[samples.length], generated = new double[samples.length], noise = new double[z.length];
        for (int i = 0; i < real.length; i++) real[i] = target.distribution().sample(rng);
        for (int i = 0; i < generated.length; i++) generated[i] = samples[i];
        for (int i = 0; i < noise.length; i++) noise[i] = z[i];
        DistributionReport r = DistributionMetrics.evaluate(generated, target.distribution());
        String heading = String.format(Locale.ROOT, "%s — %s — target %s — KS %.3f, W1 %.3f",
                g.config().name(), title, target.distribution().describe(), r.ks(), r.w1());
        TransferMap.Pairs map = TransferMap.elementwise(g.config()) && noise.length == generated.length
                ? TransferMap.pairs(real, noise, generated) : null;
        return new OneDimensional(HistogramChart.render(heading, HistogramChart.standardSeries(real, generated, noise), 60,
                null, null, 800, 420, map), r);
    }

    /** One row of images (an interpolation strip). */
    static BufferedImage strip(TrainedGenerator g, float[] samples, int n) {
        int[] s = g.spec().sampleShape();
        if (s.length != 3) throw new IllegalArgumentException("interpolation strips are drawn for image runs; this run is 1-D");
        return new SampleGrid(n, 2, SampleGrid.DEFAULT_BACKGROUND, g.config().samples().scale()).render(new ImageBatch(samples, n, s[0], s[1], s[2]));
    }
}
