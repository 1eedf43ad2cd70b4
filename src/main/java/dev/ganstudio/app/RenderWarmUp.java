package dev.ganstudio.app;

import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Draws a throw-away live chart with many points off screen and renders it a few times, right after the window
 * opens. The first frames otherwise run the chart's drawing code (and, for the grid, JavaFX's software rasteriser) in
 * the interpreter: measured under Xvfb, the first chart frame after pressing Train held the next pulse for 70–140 ms
 * when charts were a JavaFX canvas; the first epoch grid did the same. Done while the user is still looking at the new window,
 * it costs about that once.
 */
final class RenderWarmUp {
    private RenderWarmUp() {}

    /** On the FX thread; {@code worker} is the studio's picture worker (its first grid is drawn there once, too). */
    static void run(ExecutorService worker) {
        // the first epoch's explorer update: metrics text, its tooltip, the grid drawn on the worker (measured under
        // Xvfb: 26 ms on the FX thread the first time, 3 ms afterwards)
        new Tooltip(LatentPanel.describe(Map.of("fld", 510.1, "fld_untrained", 1264.0,
                "diversity", 0.37, "missing_classes", List.of(0, 1))));
        worker.execute(() -> FxImages.of(new SampleGrid(8, 2,
                SampleGrid.DEFAULT_BACKGROUND, 3).render(new ImageBatch(
                new float[64 * 28 * 28], 64, 1, 28, 28))));
        ChartCanvas chart = new ChartCanvas("warm-up");
        SeriesData a = chart.addSeries("a", Color.STEELBLUE), b = chart.addSeries("b", Color.DARKORANGE);
        Random r = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            a.add(i, (float) (1 + Math.sin(i / 500.0) + 0.3 * r.nextGaussian()));
            b.add(i, (float) (2 + Math.cos(i / 700.0) + 0.3 * r.nextGaussian()));
        }
        chart.resize(900, 260);
        chart.layout();
        SnapshotParameters p = new SnapshotParameters();
        for (int pass = 0; pass < 4; pass++) {
            chart.setSmoothing(pass % 2 == 0 ? 0.6 : 0.0);
            chart.setLogY(pass >= 2);
            chart.redrawIfDirty();
            chart.snapshot(p, null);
        }
        // the first epoch grid: a picture of 8×8 tiles, scaled up into the explorer
        WritableImage img = noise(242, r);
        ImageGridView grid = new ImageGridView();
        grid.show(img, 8, 64, 28, 28, 2);
        grid.select(0);
        grid.resize(600, 600);
        grid.layout();
        for (int pass = 0; pass < 2; pass++) grid.snapshot(p, null);
        // the explorer now gets grids drawn at its own size and shows them pixel for pixel: warm that path as well
        WritableImage big = noise(602, r);
        grid.show(big, 8, 64, 72, 72, 2);
        grid.layout();
        for (int pass = 0; pass < 2; pass++) grid.snapshot(p, null);
    }

    /** A square of random colours made the way the explorer's pictures are ({@link FxImages}). */
    private static WritableImage noise(int size, Random r) {
        BufferedImage bi = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) bi.setRGB(x, y, r.nextInt(0xffffff));
        return FxImages.of(bi);
    }
}
