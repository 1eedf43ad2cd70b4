package dev.ganstudio.cli;

import dev.ganstudio.core.export.HistogramChart;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.train.TrainedGenerator;

import java.awt.image.BufferedImage;

/** Turns generated samples into a picture: a grid for images, a histogram for 1-D data. */
final class Renders {
    private Renders() {}

    static BufferedImage samples(TrainedGenerator g, float[] samples, int n, String title) {
        int[] s = g.spec().sampleShape();
        if (s.length == 3) {
            int columns = g.config().conditional() && n % g.spec().numClasses() == 0 ? g.spec().numClasses() : (int) Math.ceil(Math.sqrt(n));
            return new SampleGrid(columns, 2, SampleGrid.DEFAULT_BACKGROUND, g.config().samples().scale()).render(new ImageBatch(samples, n, s[0], s[1], s[2]));
        }
        double[] values = new double[samples.length];
        for (int i = 0; i < values.length; i++) values[i] = samples[i];
        return HistogramChart.render(g.config().name() + " — " + title,
                java.util.List.of(new HistogramChart.Series("generated", values, new java.awt.Color(255, 127, 14))), 60, null, null, 800, 420);
    }

    /** One row of images (an interpolation strip). */
    static BufferedImage strip(TrainedGenerator g, float[] samples, int n) {
        int[] s = g.spec().sampleShape();
        if (s.length != 3) throw new IllegalArgumentException("interpolation strips are drawn for image runs; this run is 1-D");
        return new SampleGrid(n, 2, SampleGrid.DEFAULT_BACKGROUND, g.config().samples().scale()).render(new ImageBatch(samples, n, s[0], s[1], s[2]));
    }
}
