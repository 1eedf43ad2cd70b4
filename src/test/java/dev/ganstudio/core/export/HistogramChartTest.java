package dev.ganstudio.core.export;

import dev.ganstudio.core.train.TransferMap;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramChartTest {
    @Test
    void gsMapIsDrawnBelowTheHistogramsOnTheSameValueAxis() {
        Random rng = new Random(3);
        int n = 4000;
        double[] real = new double[n], noise = new double[n], generated = new double[n];
        for (int i = 0; i < n; i++) {
            real[i] = 4 + 1.25 * rng.nextGaussian();
            noise[i] = rng.nextDouble();
            generated[i] = 2 + 4 * noise[i]; // a G that spreads noise evenly over 2..6
        }
        var series = HistogramChart.standardSeries(real, generated, noise);
        BufferedImage plain = HistogramChart.render("t", series, 60, null, null, 800, 420);
        BufferedImage withMap = HistogramChart.render("t", series, 60, null, null, 800, 420, TransferMap.pairs(real, noise, generated));
        assertEquals(420, plain.getHeight());
        assertEquals(420 + HistogramChart.MAP_HEIGHT, withMap.getHeight());
        // the top part is the plain chart, pixel for pixel
        for (int y = 0; y < 420; y += 7) for (int x = 0; x < 800; x += 7) assertEquals(plain.getRGB(x, y), withMap.getRGB(x, y));
        // below: G's dots (orange) and the ideal map (blue) in the plot
        int orange = 0, blue = 0;
        for (int y = 440; y < withMap.getHeight() - 30; y++) {
            for (int x = 60; x < 780; x++) {
                int rgb = withMap.getRGB(x, y), r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (r > 200 && g > 100 && g < 190 && b < 120) orange++;
                if (b > 150 && r < 90 && g > 90 && g < 150) blue++;
            }
        }
        assertTrue(orange > 300, "G's dots drawn: " + orange);
        assertTrue(blue > 300, "the ideal map drawn: " + blue);
    }
}
