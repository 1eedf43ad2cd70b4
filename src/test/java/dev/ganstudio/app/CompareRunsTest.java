package dev.ganstudio.app;

import dev.ganstudio.cli.Main;
import dev.ganstudio.core.train.LossLog;
import dev.ganstudio.core.train.StepMetrics;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ganstudio.app.StudioTestSupport.onFx;
import static dev.ganstudio.app.StudioTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charts overlay other runs: a run trained by the CLI is drawn dashed over the open run, in the same colours; bad
 * folders get a message and leave the charts alone; at most three runs are overlaid; Reset keeps them; Clear removes them.
 */
class CompareRunsTest extends FxRobot {
    @TempDir static Path tmp;

    @Test
    void chartsOverlayOtherRunsAndSayWhyAFolderCannotBeCompared() throws Exception {
        System.setProperty("ganstudio.home", tmp.resolve("home").toString());
        System.setProperty("ganstudio.runs", tmp.resolve("runs").toString());
        String json = Files.readString(Path.of("sample-configs", "gaussian-1d.json"))
                .replaceAll("\"iterationsPerEpoch\": \\d+", "\"iterationsPerEpoch\": 10").replaceAll("\"epochs\": \\d+", "\"epochs\": 2");
        Path cfgA = tmp.resolve("a.json"), cfgB = tmp.resolve("b.json");
        Files.writeString(cfgA, json);
        Files.writeString(cfgB, json.replaceAll("\"epochs\": \\d+", "\"epochs\": 3"));
        Path runA = tmp.resolve("run-a"), runB = tmp.resolve("run-b");
        assertEquals(0, Main.run("train", cfgA.toString(), "--out", runA.toString()));
        assertEquals(0, Main.run("train", cfgB.toString(), "--out", runB.toString()));
        Path notARun = Files.createDirectories(tmp.resolve("holiday-photos"));
        Path empty = Files.createDirectories(tmp.resolve("run-empty"));
        LossLog.create(empty.resolve("losses.csv")).close();

        Stage stage = FxToolkit.registerPrimaryStage();
        StudioApp app = (StudioApp) FxToolkit.setupApplication(StudioApp::new);
        try {
            StudioView view = StudioApp.lastView();
            waitUntil("startup data", 120, () -> view.model.dataset() != null);
            interact(() -> view.openRun(runA));
            waitUntil("run A is open", 60, () -> view.training.dLoss.size() == 20);
            BufferedImage alone = onFx(() -> { view.training.losses.redrawIfDirty(); return view.training.losses.image(); });

            interact(() -> view.compareRun(runB));
            waitUntil("run B is overlaid", 60, () -> view.training.losses.comparedRuns().equals(List.of("run-b")));
            assertEquals(List.of("run-b"), onFx(() -> view.training.outputs.comparedRuns()));
            List<SeriesData> lossSeries = onFx(() -> List.copyOf(view.training.losses.series()));
            assertEquals(4, lossSeries.size(), "D and G loss of the open run and of run B");
            SeriesData bD = lossSeries.get(2);
            assertEquals("run-b", bD.run());
            assertEquals(30, bD.size(), "run B's 30 steps");
            assertEquals(view.training.dLoss.color(), bD.color(), "same metric, same colour");
            assertEquals(LineStyle.DASHED, bD.style());
            assertEquals(LossLog.read(runB.resolve("losses.csv")).get(29).dLoss(), bD.y(29), 1e-6f);
            assertEquals(20, onFx(() -> view.training.losses.points()), "points() counts the open run only");
            BufferedImage overlaid = onFx(() -> { view.training.losses.redrawIfDirty(); return view.training.losses.image(); });
            assertTrue(differingPixels(alone, overlaid) > 200, "the overlay is drawn");
            assertTrue(onFx(() -> view.model.statusProperty().get()).contains("comparing with run-b: 30 steps"));

            // folders that are not runs: a message each, the charts unchanged
            interact(() -> view.compareRun(notARun));
            waitUntil("an error for a folder without a loss log", 30, () -> view.model.errorProperty().get().contains("no losses.csv in"));
            assertTrue(onFx(() -> view.model.errorProperty().get()).contains("holiday-photos"));
            interact(() -> view.compareRun(empty));
            waitUntil("an error for an empty loss log", 30, () -> view.model.errorProperty().get().contains("has no steps yet"));
            interact(() -> view.compareRun(runA));
            waitUntil("an error for the open run itself", 30, () -> view.model.errorProperty().get().contains("already show"));
            assertEquals(List.of("run-b"), onFx(() -> view.training.losses.comparedRuns()));

            // at most three: the fourth drops the oldest, and each keeps its own pattern
            for (String name : List.of("run-c", "run-d", "run-e")) writeLog(tmp.resolve(name), name.charAt(4) - 'a');
            for (String name : List.of("run-c", "run-d", "run-e")) {
                interact(() -> view.compareRun(tmp.resolve(name)));
                waitUntil(name + " is overlaid", 30, () -> view.training.losses.comparedRuns().contains(name));
            }
            assertEquals(List.of("run-c", "run-d", "run-e"), onFx(() -> view.training.losses.comparedRuns()));
            List<LineStyle> styles = onFx(() -> view.training.losses.series().stream().filter(SeriesData::compared)
                    .map(SeriesData::style).distinct().toList());
            assertEquals(3, styles.size(), "three runs, three patterns");
            assertFalse(styles.contains(LineStyle.SOLID));

            // Reset forgets the open run's charts but keeps the comparisons; Clear removes them
            clickOn("#reset");
            waitUntil("own charts cleared", 30, () -> view.training.dLoss.size() == 0);
            assertEquals(3, onFx(() -> view.training.losses.comparedRuns().size()));
            interact(() -> view.training.clearComparisons());
            assertEquals(List.of(), onFx(() -> view.training.losses.comparedRuns()));
            assertEquals(2, onFx(() -> view.training.outputs.series().size()));
            assertNotEquals("", onFx(() -> view.model.statusProperty().get()));
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    private static void writeLog(Path dir, int offset) throws Exception {
        Files.createDirectories(dir);
        try (LossLog log = LossLog.create(dir.resolve("losses.csv"))) {
            for (int i = 0; i < 50; i++) {
                float v = 0.5f + offset * 0.1f + (float) Math.sin(i / 5.0) * 0.1f;
                log.append(new StepMetrics(i, i / 10, v, 2 * v, 0.6f, 0.4f, 2e-4f, 2e-4f, i), i);
            }
        }
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++)
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
        return n;
    }
}
