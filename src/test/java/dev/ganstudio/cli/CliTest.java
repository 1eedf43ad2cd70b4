package dev.ganstudio.cli;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.export.GifExport;
import dev.ganstudio.core.export.HistogramChart;
import dev.ganstudio.core.train.TrainedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands end to end on a small real run. */
class CliTest {

    @Test
    void trainResumeSampleInterpolateAndGif(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/mnist-cgan.json"));
        c = c.withData(new ImageSource("bundled-digits", null, null, null, List.of("0", "1", "2")))
                .withTraining(c.training().withBatchSize(64).withEpochs(1));
        Path config = tmp.resolve("small-cgan.json");
        ConfigIO.save(c, config);
        Path run = tmp.resolve("run");

        assertEquals(0, Main.run("train", config.toString(), "--out", run.toString(), "--epochs", "1"));
        assertEquals(0, Main.run("resume", run.toString(), "--epochs", "1"));
        assertTrue(Files.exists(run.resolve("samples/epoch-0002.png")));
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"epochs\" : 2"));

        Path png = tmp.resolve("sample.png");
        assertEquals(0, Main.run("sample", run.toString(), "--png", png.toString(), "--n", "30", "--class", "2"));
        BufferedImage grid = ImageIO.read(png.toFile());
        assertNotNull(grid);

        // the truncation trick: a PNG, an error for a ψ out of range, and less variety among the samples
        Path truncated = tmp.resolve("truncated.png");
        assertEquals(0, Main.run("sample", run.toString(), "--png", truncated.toString(), "--n", "30", "--truncation", "0.3"));
        assertNotNull(ImageIO.read(truncated.toFile()));
        assertEquals(2, Main.run("sample", run.toString(), "--png", tmp.resolve("x.png").toString(), "--truncation", "0.01"));
        try (TrainedGenerator g = TrainedGenerator.open(run)) {
            long[] labels = new long[64];
            java.util.Arrays.fill(labels, 1);
            double free = spread(g.generate(Latents.random(g.config(), 64, 5).z(), labels, 64), 64);
            double tight = spread(g.generate(Latents.random(g.config(), 64, 5, 0.3).z(), labels, 64), 64);
            System.out.printf("sample spread: no truncation %.4f, psi 0.3 %.4f%n", free, tight);
            assertTrue(tight < 0.8 * free, "truncation narrows the samples: " + tight + " vs " + free);
        }

        Path strip = tmp.resolve("strip.png");
        assertEquals(0, Main.run("interpolate", run.toString(), "--from", "1", "--to", "2", "--steps", "8", "--slerp", "--png", strip.toString()));
        assertNotNull(ImageIO.read(strip.toFile()));

        Path walk = tmp.resolve("walk.gif");
        assertEquals(0, Main.run("interpolate", run.toString(), "--from", "1", "--to", "2", "--steps", "12", "--gif", walk.toString()));
        assertEquals(12, GifExport.countFrames(walk));

        Path progression = tmp.resolve("progress.gif");
        assertEquals(0, Main.run("gif", run.toString(), "--out", progression.toString()));
        assertEquals(2, GifExport.countFrames(progression));
    }

    /** Mean over pixels of the standard deviation across the {@code n} samples. */
    private static double spread(float[] samples, int n) {
        int size = samples.length / n;
        double total = 0;
        for (int p = 0; p < size; p++) {
            double sum = 0, sq = 0;
            for (int i = 0; i < n; i++) { double v = samples[i * size + p]; sum += v; sq += v * v; }
            double mean = sum / n;
            total += Math.sqrt(Math.max(0, sq / n - mean * mean));
        }
        return total / size;
    }

    @Test
    void oneDimensionalSampleDrawsTheTargetAndGsMap(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run1d");
        assertEquals(0, Main.run("train", "sample-configs/gaussian-1d.json", "--out", run.toString(), "--epochs", "1"));
        Path png = tmp.resolve("s1d.png");
        assertEquals(0, Main.run("sample", run.toString(), "--png", png.toString(), "--n", "40"));
        BufferedImage chart = ImageIO.read(png.toFile());
        assertEquals(800, chart.getWidth());
        assertEquals(420 + HistogramChart.MAP_HEIGHT, chart.getHeight(), "G's map from noise to values drawn under the histograms");
        // the target's histogram (blue) is drawn next to G's (orange), not G's alone
        int real = 0, generated = 0;
        for (int y = 0; y < 420; y++) {
            for (int x = 0; x < 800; x++) {
                int rgb = chart.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0x1F77B4) real++;
                if (rgb == 0xFF7F0E) generated++;
            }
        }
        assertTrue(real > 300 && generated > 300, "real " + real + " and generated " + generated + " histogram pixels");
        assertThrows(IllegalArgumentException.class, () -> {
            try (TrainedGenerator g = TrainedGenerator.open(run)) {
                Renders.samples(g, new float[100], 1);
            }
        });
    }

    @Test
    void badInputExitsWithCodeTwoAndAMessage(@TempDir Path tmp) throws Exception {
        String json = Files.readString(Path.of("sample-configs/gaussian-1d.json")).replace("\"gSteps\"", "\"gStep\"");
        Path config = tmp.resolve("typo.json");
        Files.writeString(config, json);
        assertEquals(2, Main.run("train", config.toString(), "--out", tmp.resolve("run").toString()));
        assertEquals(2, Main.run("train", tmp.resolve("missing.json").toString()));
        assertEquals(2, Main.run("sample", tmp.resolve("no-run").toString(), "--png", tmp.resolve("x.png").toString()));
    }
}
