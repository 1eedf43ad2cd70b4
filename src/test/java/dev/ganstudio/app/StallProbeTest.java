package dev.ganstudio.app;

import dev.ganstudio.core.config.ImageSource;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.ganstudio.app.StudioTestSupport.onFx;
import static dev.ganstudio.app.StudioTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FX-stall probe: trains the seed-000 MLP GAN (2 classes, batch 64, 2 epochs) in the real studio and records the
 * gap between FX pulses the whole time. Prints max, p99 and p50 (a healthy pulse is ~16.7 ms); asserts only that
 * pulses kept coming, because the machine is shared and wall-clock limits would be flaky. In this test JVM PyTorch
 * keeps its default thread count (the core tests share the engine); the real app leaves a core to the UI — measure
 * that with the bench mode ({@link Bench}).
 */
class StallProbeTest extends FxRobot {
    @TempDir static Path tmp;

    @Test
    void fxThreadKeepsPulsingWhileTheMlpGanTrains() throws Exception {
        System.setProperty("ganstudio.home", tmp.resolve("home").toString());
        System.setProperty("ganstudio.runs", tmp.resolve("runs").toString());
        Files.deleteIfExists(AppPaths.lastExperiment());
        Stage stage = FxToolkit.registerPrimaryStage();
        StudioApp app = (StudioApp) FxToolkit.setupApplication(StudioApp::new);
        try {
            StudioView view = StudioApp.lastView();
            waitUntil("digits loaded", 120, () -> view.model.dataset() != null);
            interact(() -> view.model.updateSource(new ImageSource("bundled-digits", null, null, null, List.of("0", "1"))));
            for (String[] f : new String[][] {{"#batchSize", "64"}, {"#epochs", "2"}}) {
                interact(() -> {
                    TextField t = lookup(f[0]).queryAs(TextField.class);
                    t.setText(f[1]);
                    t.getOnAction().handle(null);
                });
            }
            interact(() -> view.probe.reset());
            StudioTestSupport.sleep(10_000);
            String idle = onFx(() -> String.format(Locale.ROOT,
                    "[studio] FX pulse gaps idle, same machine, no training (%d pulses): max %.1f ms, p99 %.1f ms, p50 %.1f ms; machine load %.1f",
                    view.probe.samples(), view.probe.maxMillis(), view.probe.p99Millis(), view.probe.percentile(0.5),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.out.println(idle);
            interact(() -> { view.probe.reset(); view.handlerProbe.reset(); });
            long trainStart = System.nanoTime();
            clickOn("#train");
            waitUntil("training finished", 600, () -> view.service.state() == TrainingService.State.FINISHED);
            PulseProbe p = view.probe;
            String line = onFx(() -> String.format(Locale.ROOT,
                    "[studio] FX pulse gaps while the MLP GAN trained (%d steps, %d pulses): max %.1f ms, p99 %.1f ms, p50 %.1f ms, %.1f pulses/s; "
                            + "machine load %.1f, torch threads %s",
                    (long) view.training.dLoss.size(), p.samples(), p.maxMillis(), p.p99Millis(), p.percentile(0.5), p.rate(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("ai.djl.pytorch.num_threads")));
            String handler = onFx(() -> String.format(Locale.ROOT,
                    "[studio] time in the studio's own pulse handler (drain, charts, progress): max %.1f ms, p99 %.1f ms",
                    view.handlerProbe.maxMillis(), view.handlerProbe.p99Millis()));
            System.out.println(line);
            System.out.println(handler);
            String gaps = onFx(() -> view.probe.longGaps().stream()
                    .map(g -> String.format(Locale.ROOT, "%.0f ms at +%.1f s", g[1] / 1e6, (g[0] - trainStart) / 1e9)).toList().toString());
            System.out.println("[studio] pulse gaps over 50 ms: " + gaps);
            Files.writeString(Path.of("target", "fx-stall-probe.txt"), idle + "\n" + line + "\n" + handler + "\n");
            assertTrue(p.samples() > 10, "pulses kept coming while training");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
