package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.config.layer.DenseLayer;
import dev.ganstudio.core.config.layer.LayerSpec;
import dev.ganstudio.core.config.layer.ReshapeLayer;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.data.DigitFolderExporter;
import dev.ganstudio.core.model.ArchitectureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    @Test
    void folderWithBrokenFilesTrainsOnTheGoodImagesAndReportsTheSkips(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("digits");
        DigitFolderExporter.exportBundledDigits(root, Set.of("3", "7"), 64, 28, 1);
        Files.write(root.resolve("3/corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
        Files.write(root.resolve("7/empty.png"), new byte[0]);
        Files.writeString(root.resolve("7/notes.txt"), "not an image");
        Files.createDirectories(root.resolve("9"));

        ExperimentConfig c = RunFixtures.smallMlpGan()
                .withData(new ImageSource("image-folder", root.toString(), 28, 1, null));
        c = c.withTraining(c.training().withBatchSize(32).withEpochs(1));
        List<TrainingEvent> events = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(c, tmp.resolve("run"), events::add)) {
            RunSummary s = run.train(1);
            assertEquals("finished", s.status());
            assertEquals(4, s.skippedFiles().size(), s.skippedFiles().toString());
            assertEquals(4, ((TrainingEvent.Started) events.get(0)).skippedFiles().size());
            assertEquals(128 / 32, s.steps());
        }
        String summary = Files.readString(tmp.resolve("run/summary.json"));
        for (String expected : new String[] {"corrupt.png", "empty.png", "notes.txt", "'9'"}) {
            assertTrue(summary.contains(expected), expected + " missing from " + summary);
        }
    }

    @Test
    void emptyOrMissingDataFailsBeforeTraining(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("nothing/a"));
        ExperimentConfig c = RunFixtures.smallMlpGan().withData(new ImageSource("image-folder", tmp.resolve("nothing").toString(), 28, 1, null));
        DatasetException e = assertThrows(DatasetException.class, () -> TrainingRun.create(c, tmp.resolve("run"), RunFixtures.IGNORE));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("run/losses.csv")));

        ExperimentConfig missing = c.withData(new ImageSource("idx", tmp.resolve("nope").toString(), null, null, null));
        e = assertThrows(DatasetException.class, () -> TrainingRun.create(missing, tmp.resolve("run"), RunFixtures.IGNORE));
        assertTrue(e.getMessage().contains("no such file or folder"), e.getMessage());
    }

    @Test
    void generatorOfTheWrongShapeFailsBeforeTraining(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = RunFixtures.smallMlpGan();
        List<LayerSpec> g = new ArrayList<>(c.generator().layers());
        g.set(6, DenseLayer.of(1024));
        g.set(8, ReshapeLayer.of(1, 32, 32));
        ExperimentConfig bad = c.withNetworks(c.generator().withLayers(g), c.discriminator());
        ArchitectureException e = assertThrows(ArchitectureException.class, () -> TrainingRun.create(bad, tmp.resolve("run"), RunFixtures.IGNORE));
        assertTrue(e.getMessage().contains("generator ends at 1×32×32, the data is 1×28×28"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("run/config.json")));
    }

    @Test
    void nanStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = RunFixtures.smallMlpGan();
        List<TrainingEvent> events = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(c, tmp.resolve("run"), events::add)) {
            run.train(1);
            long goodStep = run.step();
            run.control().setLearningRates(1e30f, 1e30f); // weights explode within a few steps
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> run.train(2));
            assertTrue(e.getMessage().contains("loss became") && e.getMessage().contains("last good checkpoint (step " + goodStep + ")"),
                    e.getMessage());
            assertTrue(events.stream().anyMatch(ev -> ev instanceof TrainingEvent.Failed));
            Checkpoint kept = Checkpoint.latest(tmp.resolve("run/checkpoints")).orElseThrow();
            assertEquals(goodStep, kept.state().step());
        }
        try (TrainingRun resumed = TrainingRun.resume(tmp.resolve("run"), RunFixtures.IGNORE)) {
            assertEquals(1, resumed.epochsCompleted());
        }
        assertTrue(Files.readString(tmp.resolve("run/summary.json")).contains("failed: "));
    }
}
