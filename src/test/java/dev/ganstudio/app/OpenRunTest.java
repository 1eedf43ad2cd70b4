package dev.ganstudio.app;

import dev.ganstudio.cli.Main;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ganstudio.app.StudioTestSupport.onFx;
import static dev.ganstudio.app.StudioTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run trained headless by the CLI opens in the studio and continues there; the CLI then reads the studio's run. */
class OpenRunTest extends FxRobot {
    @TempDir static Path tmp;

    @Test
    void cliRunOpensInTheStudioAndContinues() throws Exception {
        System.setProperty("ganstudio.home", tmp.resolve("home").toString());
        System.setProperty("ganstudio.runs", tmp.resolve("runs").toString());
        Path cfg = tmp.resolve("g.json");
        String json = Files.readString(Path.of("sample-configs", "gaussian-1d.json"))
                .replaceAll("\"iterationsPerEpoch\": \\d+", "\"iterationsPerEpoch\": 10").replaceAll("\"epochs\": \\d+", "\"epochs\": 2");
        Files.writeString(cfg, json);
        Path run = tmp.resolve("cli-run");
        assertEquals(0, Main.run("train", cfg.toString(), "--out", run.toString()));

        Stage stage = FxToolkit.registerPrimaryStage();
        StudioApp app = (StudioApp) FxToolkit.setupApplication(StudioApp::new);
        try {
            StudioView view = StudioApp.lastView();
            waitUntil("startup data", 120, () -> view.model.dataset() != null);
            interact(() -> view.openRun(run));
            waitUntil("the run is open", 60, () -> view.latent.frames().size() == 2 && view.training.dLoss.size() == 20);
            assertEquals("gaussian-1d", onFx(() -> view.model.config().name()));
            // the shown epoch's measures come from the run's metrics.csv, as they did while it trained
            String measured = onFx(() -> view.latent.metricsLabel().getText());
            assertTrue(measured.contains("KS") && measured.contains("W1") && measured.contains("mean"), measured);
            assertEquals(2, onFx(() -> view.latent.measuredEpochs()), "both epochs' KS and W1 on the Measures tab");
            waitUntil("its data is loaded", 60, () -> view.model.dataset() != null && view.model.dataset().oneDimensional());
            clickOn("#train");
            waitUntil("training continued to epoch 4", 180, () -> view.service.state() == TrainingService.State.FINISHED
                    && view.latent.frames().size() == 4);
            assertEquals(40, onFx(() -> view.training.dLoss.size()), "steps 21..40 appended after the CLI's 20");
            assertEquals(4, onFx(() -> view.latent.measuredEpochs()), "epochs 3 and 4 follow the opened ones on the Measures tab");
            assertTrue(Files.isRegularFile(run.resolve("samples").resolve("epoch-0004.png")));
        } finally {
            FxToolkit.cleanupApplication(app);
        }
        // and the other way round: the CLI samples from the run the studio continued
        assertEquals(0, Main.run("sample", run.toString(), "--png", tmp.resolve("s.png").toString()));
        assertTrue(Files.size(tmp.resolve("s.png")) > 0);
    }
}
