package dev.ganstudio.app;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.awt.image.BufferedImage;

import static dev.ganstudio.app.StudioTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chart of few points (a metric per epoch) draws one connected line, steep segments included. */
class ChartLineTest {
    @Test
    void sparseZigzagIsOneConnectedLine() throws Exception {
        FxToolkit.registerPrimaryStage();
        BufferedImage img = onFx(() -> {
            ChartCanvas chart = new ChartCanvas("FLD by epoch");
            SeriesData s = chart.addSeries("FLD", Color.rgb(31, 119, 180));
            chart.setSmoothing(0);
            chart.setLogY(true);
            for (int epoch = 0; epoch <= 87; epoch++) s.add(epoch, (float) (1200 * Math.pow(0.96, epoch) * (epoch % 2 == 0 ? 1 : 1.6)));
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), 423, 187));
            stage.show();
            chart.layout();
            chart.markDirty();
            chart.redrawIfDirty();
            BufferedImage copy = chart.image();
            stage.close();
            return copy;
        });
        // the line's pixels per column (near its colour), in the plot area
        int w = img.getWidth(), h = img.getHeight();
        int[] lo = new int[w], hi = new int[w];
        int first = -1, last = -1;
        for (int x = 0; x < w; x++) {
            lo[x] = Integer.MAX_VALUE;
            hi[x] = -1;
            for (int y = 22; y < h - 20; y++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
                if (b > 120 && r < 140 && b - r > 60) { lo[x] = Math.min(lo[x], y); hi[x] = Math.max(hi[x], y); }
            }
            if (hi[x] >= 0) { if (first < 0) first = x; last = x; }
        }
        assertTrue(first >= 0 && last - first > 300, "the line spans the plot: columns " + first + ".." + last);
        for (int x = first; x < last; x++) {
            assertTrue(hi[x] >= 0, "column " + x + " has line pixels");
            // neighbouring columns' pixels touch: no vertical gap where the line rises or falls steeply
            assertTrue(lo[x + 1] <= hi[x] + 1 && lo[x] <= hi[x + 1] + 1,
                    "columns " + x + " (" + lo[x] + ".." + hi[x] + ") and " + (x + 1) + " (" + lo[x + 1] + ".." + hi[x + 1] + ") touch");
        }
    }
}
