package dev.ganstudio.cli;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.export.GifExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
