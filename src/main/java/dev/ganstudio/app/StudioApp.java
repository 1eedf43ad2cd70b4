package dev.ganstudio.app;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.AssetLocator;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The studio application: opens the window with the last experiment (or the bundled MNIST digits and the seed-000 MLP
 * GAN the first time), ready to train. Start it through {@link Launcher}.
 */
public class StudioApp extends Application {
    private static volatile StudioView lastView;
    private StudioView view;

    /** Launches the JavaFX application (blocks until the window closes). */
    public static void launchStudio(String[] args) {
        leaveACoreForTheUi();
        HeapHeadroom.adjust();
        BackgroundPriority.lowerCompilerThreads();
        stopTrainingOnTerminate();
        paintBackgroundsDirectly();
        pulseTwiceAsOften();
        Application.launch(StudioApp.class, args);
    }

    /**
     * When the process is told to end (SIGTERM at logout, {@code kill}, Ctrl-C in the terminal) while a run trains: the
     * run stops after its current step and writes its checkpoint (as the Stop button does; up to 15 s), then the
     * process ends the way a closed window ends it ({@link Launcher#exitQuietly}). Without this the JVM's ordinary exit
     * ran the C library's exit-time destructors with GTK and libtorch loaded, which crashed (SIGSEGV in the VM thread,
     * an hs_err file in the working directory) and dropped the steps since the last epoch's checkpoint.
     */
    static void stopTrainingOnTerminate() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StudioView v = lastView;
            if (v != null) v.service.shutdown(15_000);
            Launcher.exitQuietly(143);
        }, "studio-terminate"));
    }

    /**
     * On small machines PyTorch would run one intra-op thread per core and leave the FX thread waiting for a core
     * while training; the studio keeps one core free (an explicit -Dai.djl.pytorch.num_threads wins). Takes effect
     * when the engine starts, i.e. at the first Train.
     */
    static void leaveACoreForTheUi() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (System.getProperty("ai.djl.pytorch.num_threads") == null && cores <= 4) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(Math.max(1, cores - 1)));
        }
    }

    /**
     * JavaFX paints a region's rounded or bordered background from a cached picture, stretched to the region's size. In
     * software rendering (no GPU, e.g. under Xvfb or a remote desktop) every stretched draw is a per-pixel scaling
     * pass, and every chart update repaints the backgrounds behind it: measured under Xvfb while the MLP GAN trained,
     * 12.8 ms of painting per frame with the cache, 5.5 ms without (p99 24 vs 13 ms). Drawing the fills directly is
     * cheap on a GPU as well. An explicit {@code -Dprism.disableRegionCaching=false} wins. Must run before the toolkit
     * starts.
     */
    static void paintBackgroundsDirectly() {
        if (System.getProperty("prism.disableRegionCaching") == null) System.setProperty("prism.disableRegionCaching", "true");
    }

    /**
     * JavaFX starts a pulse (AnimationTimers, layout, drawing) on a timer tick, 60 times a second, and only when the
     * previous pulse has finished: a tick that finds the FX or render thread still busy is lost, and the next pulse
     * waits for the tick after. So every late frame cost a whole 16.7 ms tick, and a pulse held up 20 ms by the machine
     * showed as a 33–50 ms gap. At 120 ticks a second the next pulse follows within 8.3 ms of the FX thread being free
     * again; what the studio shows still changes at most 30 times a second ({@link StudioView#FRAME_NANOS}), so the
     * extra ticks draw nothing. Measured under Xvfb while the MLP GAN trained (README, "When the machine stalls").
     * An explicit {@code -Djavafx.animation.pulse} wins. Must run before the toolkit starts.
     */
    static void pulseTwiceAsOften() {
        if (System.getProperty("javafx.animation.pulse") == null) System.setProperty("javafx.animation.pulse", String.valueOf(PULSES_PER_SECOND));
    }

    /** How often JavaFX pulses in the studio (its default is 60). */
    static final int PULSES_PER_SECOND = 120;

    /** The view of the most recently started window (for tests and the bench mode). */
    public static StudioView lastView() { return lastView; }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Platform.runLater(() -> {
            if (view != null) view.model.showError("Unexpected problem: " + Fx.message(e));
        }));
        view = new StudioView();
        lastView = view;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // fill the screen up to 1920×1200: every panel wants room
        double w = Math.min(1920, screen.getWidth()), h = Math.min(1200, screen.getHeight());
        Scene scene = new Scene(view.root(), w, h);
        var css = StudioApp.class.getResource("studio.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setTitle("GAN Studio");
        Image icon = icon();
        if (icon != null) stage.getIcons().add(icon);
        view.model.configProperty().addListener((o, a, c) -> stage.setTitle("GAN Studio — " + (c == null ? "" : c.name())));
        stage.setOnCloseRequest(e -> view.shutdown());
        ExperimentConfig initial = initialExperiment(view);
        view.model.setConfig(initial);
        view.model.loadData(initial.data(), false);
        if (Boolean.getBoolean("ganstudio.bench")) Bench.install(view);
        String openRun = System.getProperty("ganstudio.openRun");
        boolean autostart = Boolean.getBoolean("ganstudio.autostart") || Boolean.getBoolean("ganstudio.bench");
        if (openRun != null && !openRun.isBlank()) {
            // the opened run's data replaces the initial data: press Train once that has loaded, not before
            Platform.runLater(() -> view.openRun(Path.of(openRun), autostart ? () -> trainWhenDataLoaded(view) : null));
        } else if (autostart) {
            trainWhenDataLoaded(view);
        }
        String compare = System.getProperty("ganstudio.compareRuns", "");
        for (String dir : compare.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) Platform.runLater(() -> view.compareRun(Path.of(dir.trim())));
        }
        stage.show();
        stage.toFront();
        Platform.runLater(() -> RenderWarmUp.run(view.model.worker()));
    }

    /** -Dganstudio.autostart=true: press Train as soon as the data being loaded is there (demos, screenshots). */
    private static void trainWhenDataLoaded(StudioView view) {
        view.model.datasetProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends DatasetInfo> o, DatasetInfo a, DatasetInfo b) {
                if (b == null) return;
                o.removeListener(this);
                Platform.runLater(view::train);
            }
        });
    }

    static Image icon() {
        try (InputStream in = StudioApp.class.getResourceAsStream("icon.png")) {
            if (in != null) return new Image(in);
        } catch (Exception ignored) {
            // fall back to the assets folder
        }
        try {
            Path p = AssetLocator.locate().resolve("icon.png");
            if (Files.isRegularFile(p)) return new Image(p.toUri().toString());
        } catch (Exception ignored) {
            // no icon is not worth a message
        }
        return null;
    }

    /** The remembered experiment, or the seed-000 MLP GAN on the bundled digits. */
    static ExperimentConfig initialExperiment(StudioView view) {
        String explicit = System.getProperty("ganstudio.experiment");
        if (explicit != null && !explicit.isBlank()) {
            try {
                return ConfigIO.load(Path.of(explicit));
            } catch (Exception e) {
                view.model.showError("Cannot open experiment: " + Fx.message(e));
            }
        }
        Path last = AppPaths.lastExperiment();
        if (Files.isRegularFile(last)) {
            try {
                return ConfigIO.load(last);
            } catch (Exception e) {
                view.model.setStatus("could not reopen the last experiment (" + Fx.message(e) + "); starting with the MLP GAN");
            }
        }
        try {
            return Templates.sample("mnist-mlp-gan");
        } catch (Exception e) {
            throw new IllegalStateException("the bundled sample config mnist-mlp-gan is missing: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (view != null) view.shutdown();
    }
}
