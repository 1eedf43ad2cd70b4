package dev.ganstudio.app;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.metrics.HealthWarning;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.train.LossLog;
import dev.ganstudio.core.train.RunControl;
import dev.ganstudio.core.train.MetricsLog;
import dev.ganstudio.core.train.RunFiles;
import dev.ganstudio.core.train.StepMetrics;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The studio window's content and its controller: dataset panel | architecture editor over the training panel |
 * latent explorer, a menu bar and a status bar. One AnimationTimer applies everything the training service queued
 * (steps, epochs, state, errors) once per pulse; the FX thread only applies results.
 */
public final class StudioView {
    private static final Pattern EPOCH_PNG = Pattern.compile("epoch-(\\d+)\\.png");

    final StudioModel model = new StudioModel();
    final TrainingService service = new TrainingService();
    final LatentRenderer renderer = new LatentRenderer();
    final PulseProbe probe = new PulseProbe();
    final PulseProbe handlerProbe = new PulseProbe();
    final BorderPane root = new BorderPane();
    final DatasetPanel dataset;
    final ArchitecturePanel architecture;
    final TrainingPanel training;
    final LatentPanel latent;
    final Label stateLabel = new Label("idle");
    final Label statusText = new Label();
    final Label pulseStats = new Label();
    /** Gives every rendered frame a real dirty region (see RenderAnchor: else JavaFX may repaint everything). */
    private final RenderAnchor renderAnchor = new RenderAnchor(() -> service.busy());
    private final AnimationTimer timer;

    private ExperimentConfig runConfig;
    private DataSpec runSpec;
    private Path runDir;
    int epochsDone; // read by Bench
    private final HealthFeed health = new HealthFeed();
    private boolean pendingReset;
    private long lastProgress, lastPulseStats, lastFrame;
    private boolean epochApplied;
    /**
     * The studio changes what it shows at most 30 times a second (every fourth of its 120 pulses a second, see
     * {@link StudioApp#pulseTwiceAsOften}). With software rendering every changed frame is drawn and copied to the
     * screen by the render thread; on a small machine whose cores are busy training, drawing every pulse made the
     * render thread the bottleneck and pulses came late.
     */
    static final long FRAME_NANOS = 28_000_000L;

    public StudioView() {
        dataset = new DatasetPanel(model, this::filesDropped);
        architecture = new ArchitecturePanel(model, this::saveExperiment, this::openExperiment);
        training = new TrainingPanel(model, this::exportLossesCsv, this::exportChartsPng, this::chooseRunToCompare);
        latent = new LatentPanel(model, renderer, new LatentPanel.Exports() {
            @Override public Path target(String name, String extension) { return exportTarget(name, extension); }

            @Override public void run(String what, LatentPanel.ExportJob job) { runExport(what, job); }
        });

        SplitPane middle = new SplitPane(architecture, training);
        middle.setOrientation(javafx.geometry.Orientation.VERTICAL);
        middle.setDividerPositions(0.45);
        SplitPane main = new SplitPane(dataset, middle, latent);
        main.setDividerPositions(0.22, 0.66);
        dataset.setMinWidth(230);
        latent.setMinWidth(300);
        middle.setMinWidth(420);
        SplitPane.setResizableWithParent(dataset, false);
        root.setTop(menus());
        root.setCenter(main);
        root.setBottom(statusBar());
        root.getStyleClass().add("studio");

        training.train.setOnAction(e -> train());
        training.pause.setOnAction(e -> {
            if (service.state() == TrainingService.State.PAUSED) service.resumeRun(); else service.pause();
        });
        training.step.setOnAction(e -> step(RunControl.Action.ITERATE));
        training.stepD.setOnAction(e -> step(RunControl.Action.STEP_D));
        training.stepG.setOnAction(e -> step(RunControl.Action.STEP_G));
        training.stop.setOnAction(e -> service.stop());
        training.reset.setOnAction(e -> reset());
        training.showState(TrainingService.State.IDLE);

        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);

        model.configProperty().addListener((o, a, b) -> forwardLiveSettings(a, b));
        model.configProperty().addListener((o, a, b) -> idleExplorer());
        model.datasetProperty().addListener((o, a, b) -> idleExplorer());
        statusText.textProperty().bind(model.statusProperty());

        timer = new AnimationTimer() {
            @Override public void handle(long now) { pulse(now); }
        };
        timer.start();
    }

    public BorderPane root() { return root; }

    // ---- layout pieces -----------------------------------------------------------------------------------

    private MenuBar menus() {
        Menu file = new Menu("File");
        MenuItem openExp = new MenuItem("Open experiment…");
        openExp.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openExp.setOnAction(e -> openExperiment());
        MenuItem saveExp = new MenuItem("Save experiment as…");
        saveExp.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        saveExp.setOnAction(e -> saveExperiment());
        MenuItem openFolder = new MenuItem("Open dataset folder…");
        openFolder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(window());
            if (dir != null) filesDropped(List.of(dir));
        });
        MenuItem openRun = new MenuItem("Open run…");
        openRun.setOnAction(e -> {
            Path dir = chooseRunFolder("Open a run folder (trained by the studio or by gan-studio train)");
            if (dir != null) openRun(dir);
        });
        MenuItem compareRun = new MenuItem("Compare with run…");
        compareRun.setOnAction(e -> chooseRunToCompare());
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> { if (window() != null) ((javafx.stage.Stage) window()).close(); });
        file.getItems().addAll(openExp, saveExp, new SeparatorMenuItem(), openFolder, openRun, compareRun, new SeparatorMenuItem(), quit);
        Menu export = new Menu("Export");
        MenuItem grid = new MenuItem("Grid / histogram PNG…");
        grid.setOnAction(e -> latent.exportFramePng());
        MenuItem gif = new MenuItem("Progression GIF…");
        gif.setOnAction(e -> latent.exportProgressionGif());
        MenuItem strip = new MenuItem("Interpolation strip PNG…");
        strip.setOnAction(e -> latent.exportStripPng());
        MenuItem stripGif = new MenuItem("Interpolation GIF…");
        stripGif.setOnAction(e -> latent.exportInterpolationGif());
        MenuItem walk = new MenuItem("Slider walk GIF…");
        walk.setOnAction(e -> latent.exportSliderWalkGif());
        MenuItem csv = new MenuItem("Losses CSV…");
        csv.setOnAction(e -> exportLossesCsv());
        MenuItem charts = new MenuItem("Charts PNG…");
        charts.setOnAction(e -> exportChartsPng());
        export.getItems().addAll(grid, gif, strip, stripGif, walk, new SeparatorMenuItem(), csv, charts);
        Menu help = new Menu("Help");
        MenuItem resp = new MenuItem("Responsiveness (FX pulse gaps)");
        resp.setOnAction(e -> model.setStatus(pulseSummary()));
        help.getItems().add(resp);
        return new MenuBar(file, training.menu(), export, help);
    }

    private HBox statusBar() {
        stateLabel.setId("stateLabel");
        stateLabel.getStyleClass().add("state");
        statusText.setId("statusText");
        pulseStats.setId("pulseStats");
        pulseStats.getStyleClass().add("hint");
        // The message takes the room left and never asks for more: a long message that made the bar wider than the
        // window for one layout pass grew the root's bounds, and the whole window was repainted (~100 ms here).
        statusText.setMinWidth(0);
        statusText.setPrefWidth(100);
        statusText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(statusText, Priority.ALWAYS);
        HBox bar = new HBox(10, stateLabel, statusText, pulseStats);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(bar.widthProperty());
        clip.heightProperty().bind(bar.heightProperty());
        bar.setClip(clip);
        bar.getChildren().add(renderAnchor.node());
        renderAnchor.attachWhenShown();
        pulseStats.setPrefWidth(290);
        pulseStats.setMinWidth(Region.USE_PREF_SIZE);
        pulseStats.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private Window window() { return root.getScene() == null ? null : root.getScene().getWindow(); }

    /** Without a run the explorer follows the edited experiment (class selector, latent size). */
    private void idleExplorer() {
        if (runDir == null && !service.busy() && model.config() != null) latent.reset(model.config(), model.spec());
    }

    // ---- the pulse ---------------------------------------------------------------------------------------

    private void pulse(long now) {
        probe.pulse(now);
        long t0 = System.nanoTime();
        try {
            pulseWork(now);
        } finally {
            handlerProbe.record(System.nanoTime() - t0);
        }
    }

    private void pulseWork(long now) {
        if (now - lastFrame < FRAME_NANOS) return;
        lastFrame = now;
        epochApplied = false;
        service.drain(this::applyStep, this::apply);
        // an epoch's pictures (grid, explorer, metrics) repaint a large area: the charts wait for the next frame
        if (!epochApplied && !latent.redrawMeasuresIfShowing()) training.redrawOneChart();
        if (now - lastProgress > 100_000_000L) {
            lastProgress = now;
            showProgress();
        }
        if (now - lastPulseStats > 1_000_000_000L) {
            lastPulseStats = now;
            pulseStats.setText(String.format(Locale.ROOT, "UI %.0f pulses/s · longest gap %.0f ms (last 10 s)", probe.rate(), probe.recentMaxMillis(10_000_000_000L)));
        }
    }

    private void applyStep(StepMetrics m) {
        training.addStep(m);
    }

    private void apply(TrainingService.Update u) {
        if (u instanceof TrainingService.StateUpdate s) {
            training.showState(s.state());
            stateLabel.setText(s.state().name().toLowerCase(Locale.ROOT));
            if (s.state() == TrainingService.State.FAILED) model.showError(s.message());
            else model.setStatus(s.message());
            if (!service.busy() && pendingReset) doReset();
        } else if (u instanceof TrainingService.Started st) {
            // a new run's explorer was already reset by newRun (the only caller of service.start)
            runConfig = st.config();
            runSpec = st.spec();
            if (st.initialG() != null) {
                renderer.publish(st.initialG()); // prepared when Train was pressed: only its weights are copied in
                latent.generatorReady();
            }
            if (st.event() != null) {
                var e = st.event();
                model.setStatus("training on " + e.dataset() + " (" + e.device() + "), run folder " + e.runDir());
            }
        } else if (u instanceof TrainingService.EpochDone ed) {
            var e = ed.event();
            epochApplied = true;
            epochsDone = e.epoch();
            renderer.publish(ed.snapshot());
            boolean images = ed.oneD() == null;
            latent.addEpoch(new EpochFrame(e.epoch(), e.step(), images ? e.samples() : null, e.sampleLabels(),
                    images ? e.samples().length / Math.max(1, runSpec.sampleSize()) : 0, e.samplePng(), ed.oneD(), e.metrics()));
            health.epochDone(e.epoch());
            showHealth();
        } else if (u instanceof TrainingService.OneDLive l) {
            latent.showLive(l.view());
        } else if (u instanceof TrainingService.CheckpointSaved c) {
            model.setStatus("checkpoint saved at step " + c.step());
        } else if (u instanceof TrainingService.Health h) {
            health.add(h.warning());
            showHealth();
        } else if (u instanceof TrainingService.HealthCleared c) {
            health.cleared(c.cleared());
            showHealth();
        } else if (u instanceof TrainingService.Notice n) {
            model.setStatus(n.message());
        } else if (u instanceof TrainingService.Failed f) {
            model.showError(f.message().startsWith("Training stopped") ? f.message() : "Training failed: " + f.message());
        } else if (u instanceof TrainingService.Finished f) {
            var s = f.summary();
            model.setStatus(String.format(Locale.ROOT, "%s: %d epochs, %d steps in %.1f s (%.0f img/s) — run folder %s",
                    s.status(), s.epochs(), s.steps(), s.seconds(), s.imagesPerSecond(), runDir));
        }
    }

    private void showHealth() {
        training.showHealth(health.banner(), health.olderSummary(), health.history());
    }

    private void showProgress() {
        TrainingService.Progress p = service.progress();
        if (p == null || !service.busy()) {
            if (!service.busy() && p == null) training.progressText.setText(runDir == null ? "idle — press Train" : "epoch " + epochsDone + " done");
            return;
        }
        long total = p.totalSteps();
        long done = p.step() + 1;
        training.progress.setProgress(total <= 0 ? 0 : Math.min(1, (double) done / total));
        double elapsed = (System.nanoTime() - p.startNanos()) / 1e9;
        double rate = (done - p.firstStep()) / Math.max(elapsed, 1e-9);
        double eta = rate <= 0 ? Double.NaN : (total - done) / rate;
        training.progressText.setText(String.format(Locale.ROOT, "epoch %d/%d · step %d/%d · %.0f img/s · ETA %s",
                Math.min(p.epoch() + 1, p.targetEpochs()), p.targetEpochs(), p.batchIndex(), p.batchesPerEpoch(),
                p.imagesPerSecond(), clock(eta)));
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) return "—";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    String pulseSummary() {
        return String.format(Locale.ROOT, "FX pulses: %d, %.1f/s, gap max %.1f ms, p99 %.1f ms, p50 %.1f ms",
                probe.samples(), probe.rate(), probe.maxMillis(), probe.p99Millis(), probe.percentile(0.5));
    }

    // ---- training actions ----------------------------------------------------------------------------------

    void train() {
        TrainingService.State s = service.state();
        if (s == TrainingService.State.PAUSED) { service.resumeRun(); return; }
        if (service.busy()) return;
        if (!readyToTrain()) return;
        ExperimentConfig c = model.config();
        if (continuable(c)) {
            int target = epochsDone >= c.training().epochs() ? epochsDone + c.training().epochs() : c.training().epochs();
            service.setLearningRates(c.training().generator().lr().floatValue(), c.training().discriminator().lr().floatValue());
            service.setSteps(c.training().dSteps(), c.training().gSteps());
            renderer.prepare(runConfig, runSpec);
            service.resume(runDir, target, false);
        } else {
            newRun(c, false);
        }
    }

    private boolean readyToTrain() {
        if (Boolean.TRUE.equals(model.loadingDataProperty().get())) {
            model.showError("The data is still loading; press Train again in a moment.");
            return false;
        }
        ArchitectureReport r = model.report();
        if (model.spec() == null) {
            model.showError("Cannot train: no usable data is loaded" + (model.datasetErrorProperty().get().isEmpty() ? "" : " (" + model.datasetErrorProperty().get() + ")"));
            return false;
        }
        if (r != null && !r.ok()) {
            model.showError("Cannot train: " + r.error());
            return false;
        }
        model.clearError();
        return true;
    }

    private boolean continuable(ExperimentConfig c) {
        return runDir != null && Files.isRegularFile(runDir.resolve("checkpoints").resolve("LATEST"))
                && ConfigsEqual.sameModel(runConfig, c);
    }

    private void newRun(ExperimentConfig c, boolean paused) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        runDir = AppPaths.runsRoot().resolve(c.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + stamp);
        runConfig = c;
        runSpec = model.spec();
        epochsDone = 0;
        health.clear();
        showHealth();
        training.clearCharts();
        training.progress.setProgress(0);
        renderer.publish(null);
        latent.reset(c, model.spec());
        renderer.prepare(c, model.spec());
        service.clearLiveSettings();
        service.start(c, runDir, paused);
    }

    void step(RunControl.Action kind) {
        TrainingService.State s = service.state();
        if (s == TrainingService.State.RUNNING || s == TrainingService.State.PAUSED) {
            service.step(kind);
            return;
        }
        if (service.busy() || !readyToTrain()) return;
        ExperimentConfig c = model.config();
        if (continuable(c)) {
            int target = epochsDone >= c.training().epochs() ? epochsDone + c.training().epochs() : c.training().epochs();
            renderer.prepare(runConfig, runSpec);
            service.resume(runDir, target, true);
        } else {
            newRun(c, true);
        }
        service.step(kind);
    }

    void reset() {
        if (service.busy()) {
            pendingReset = true;
            service.stop();
        } else {
            doReset();
        }
    }

    private void doReset() {
        pendingReset = false;
        runDir = null;
        runConfig = null;
        epochsDone = 0;
        health.clear();
        showHealth();
        training.clearCharts();
        training.progress.setProgress(0);
        training.progressText.setText("idle — press Train");
        renderer.publish(null);
        latent.reset(model.config(), model.spec());
        model.clearError();
        model.setStatus("reset: the next Train starts from fresh networks");
    }

    /** Learning rates and k/n edited while a run trains go to the run at once. */
    private void forwardLiveSettings(ExperimentConfig a, ExperimentConfig b) {
        if (a == null || b == null || !service.busy()) return;
        var ta = a.training();
        var tb = b.training();
        if (!ta.generator().lr().equals(tb.generator().lr()) || !ta.discriminator().lr().equals(tb.discriminator().lr())) {
            service.setLearningRates(tb.generator().lr().floatValue(), tb.discriminator().lr().floatValue());
            model.setStatus("learning rates now G " + tb.generator().lr() + ", D " + tb.discriminator().lr());
        }
        if (!ta.dSteps().equals(tb.dSteps()) || !ta.gSteps().equals(tb.gSteps())) {
            try {
                service.setSteps(tb.dSteps(), tb.gSteps());
                model.setStatus("now k = " + tb.dSteps() + " D steps, n = " + tb.gSteps() + " G steps per iteration");
            } catch (IllegalArgumentException e) {
                model.showError(e.getMessage());
            }
        }
    }

    // ---- files -------------------------------------------------------------------------------------------

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) filesDropped(e.getDragboard().getFiles());
        e.setDropCompleted(ok);
        e.consume();
    }

    /** A dropped (or chosen) folder or files: an experiment config, a run folder, or a dataset. */
    void filesDropped(List<File> files) {
        if (files == null || files.isEmpty()) return;
        File f = files.get(0);
        if (files.size() == 1 && f.isFile() && f.getName().endsWith(".json")) {
            loadExperiment(f.toPath());
            return;
        }
        if (files.size() == 1 && f.isDirectory() && new File(f, "config.json").isFile() && new File(f, "data.json").isFile()) {
            openRun(f.toPath());
            return;
        }
        model.worker().execute(() -> {
            try {
                var source = DatasetLoader.sourceFor(files);
                Fx.run(() -> model.loadData(source, true));
            } catch (Exception ex) {
                String m = Fx.message(ex);
                Fx.run(() -> {
                    model.datasetErrorProperty().set(m);
                    model.showError("Cannot use the dropped files: " + m);
                });
            }
        });
    }

    void saveExperiment() {
        FileChooser c = new FileChooser();
        c.setTitle("Save experiment");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment config (*.json)", "*.json"));
        c.setInitialFileName(model.config().name() + ".json");
        File f = c.showSaveDialog(window());
        if (f == null) return;
        saveExperiment(f.toPath());
    }

    void saveExperiment(Path f) {
        ExperimentConfig cfg = model.config();
        model.worker().execute(() -> {
            try {
                ConfigIO.save(cfg, f);
                Fx.run(() -> model.setStatus("saved experiment to " + f));
            } catch (Exception e) {
                String m = Fx.message(e);
                Fx.run(() -> model.showError("Cannot save " + f + ": " + m));
            }
        });
    }

    void openExperiment() {
        FileChooser c = new FileChooser();
        c.setTitle("Open experiment");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment config (*.json)", "*.json"));
        File f = c.showOpenDialog(window());
        if (f != null) loadExperiment(f.toPath());
    }

    /** Loads an experiment config; a bad file shows the config reader's message. */
    void loadExperiment(Path f) {
        model.worker().execute(() -> {
            try {
                ExperimentConfig cfg = ConfigIO.load(f);
                Fx.run(() -> {
                    model.setConfig(cfg);
                    model.loadData(cfg.data(), false);
                    model.setStatus("opened experiment " + f);
                });
            } catch (Exception e) {
                String m = Fx.message(e);
                Fx.run(() -> model.showError("Cannot open experiment: " + m));
            }
        });
    }

    /** Opens a run folder written by the studio or the CLI: config, losses, sample images and the latest G. */
    private static final String STOP_BEFORE_OPENING = "Stop the current run before opening another one.";

    void openRun(Path dir) { openRun(dir, null); }

    /** Opens a run folder; {@code opened} (may be null) runs on the FX thread once its state is shown. */
    void openRun(Path dir, Runnable opened) {
        if (service.busy()) {
            model.showError(STOP_BEFORE_OPENING);
            return;
        }
        model.worker().execute(() -> {
            try {
                ExperimentConfig cfg = ConfigIO.load(dir.resolve("config.json"));
                DataSpec spec = RunFiles.readDataSpec(dir);
                List<StepMetrics> steps = LossLog.read(dir.resolve("losses.csv"));
                // each epoch's measures from metrics.csv, so scrubbing an opened run shows them as during training
                java.util.Map<Integer, java.util.Map<String, Object>> measured = new java.util.HashMap<>();
                for (var row : MetricsLog.read(dir.resolve("metrics.csv"))) {
                    measured.put(Integer.parseInt(row.get("epoch")), MetricsLog.values(row));
                }
                List<EpochFrame> frames = new ArrayList<>();
                for (Path p : RunFiles.epochSamples(dir)) {
                    Matcher m = EPOCH_PNG.matcher(p.getFileName().toString());
                    if (!m.matches()) continue;
                    int epoch = Integer.parseInt(m.group(1));
                    frames.add(new EpochFrame(epoch, 0, null, null, 0, p, null, measured.getOrDefault(epoch, java.util.Map.of())));
                }
                boolean hasCheckpoint = Files.isRegularFile(dir.resolve("checkpoints").resolve("LATEST"));
                var healthLog = dev.ganstudio.core.train.HealthLog.readHistory(dir.resolve("health.jsonl"));
                Fx.run(() -> {
                    if (service.busy()) { // Train was pressed while the folder was being read
                        model.showError(STOP_BEFORE_OPENING);
                        return;
                    }
                    model.setConfig(cfg);
                    model.loadData(cfg.data(), false);
                    runDir = dir;
                    runConfig = cfg;
                    runSpec = spec;
                    epochsDone = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).epoch();
                    health.clear();
                    for (HealthWarning w : healthLog.warnings()) health.add(w);
                    for (var c : healthLog.cleared()) health.cleared(c);
                    if (epochsDone > 0) health.epochDone(epochsDone);
                    showHealth();
                    training.clearCharts();
                    for (StepMetrics s : steps) training.addStep(s);
                    latent.reset(cfg, spec);
                    for (EpochFrame fr : frames) latent.addEpoch(fr);
                    renderer.publish(hasCheckpoint ? GeneratorSnapshot.ofRun(cfg, spec, dir, epochsDone) : null);
                    training.progressText.setText("opened run: " + epochsDone + " epochs, " + steps.size() + " steps");
                    model.clearError();
                    model.setStatus("opened run " + dir + (hasCheckpoint ? " — Train continues it" : " (no checkpoint yet)"));
                    if (opened != null) opened.run();
                });
            } catch (Exception e) {
                String m = Fx.message(e);
                Fx.run(() -> model.showError("Cannot open run " + dir + ": " + m));
            }
        });
    }

    // ---- comparing runs ----------------------------------------------------------------------------------

    /** The folders of the runs the charts overlay, by the label their legend shows. */
    private final java.util.Map<String, Path> comparedRunDirs = new java.util.HashMap<>();

    void chooseRunToCompare() {
        Path dir = chooseRunFolder("Compare with a run folder (trained by the studio or by gan-studio train)");
        if (dir != null) compareRun(dir);
    }

    /** A folder chosen in a dialog that starts in the runs folder; null when cancelled. */
    private Path chooseRunFolder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (Files.isDirectory(AppPaths.runsRoot())) c.setInitialDirectory(AppPaths.runsRoot().toFile());
        File dir = c.showDialog(window());
        return dir == null ? null : dir.toPath();
    }

    /**
     * Overlays the losses and D outputs of run folder {@code dir} on the charts (read on the worker). A folder without a
     * loss log, or with no steps in it, gets a message saying so; the charts stay as they were.
     */
    void compareRun(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        model.worker().execute(() -> {
            try {
                if (!Files.isDirectory(folder)) throw new java.io.IOException(folder + " is not a folder");
                Path log = folder.resolve("losses.csv");
                if (!Files.isRegularFile(log)) {
                    throw new java.io.IOException("no losses.csv in " + folder
                            + " — choose a run folder written by the studio or by gan-studio train");
                }
                List<StepMetrics> steps = LossLog.read(log);
                if (steps.isEmpty()) throw new java.io.IOException(log + " has no steps yet");
                Fx.run(() -> {
                    if (runDir != null && folder.equals(runDir.toAbsolutePath().normalize())) {
                        model.showError("Cannot compare " + folder + ": it is the run the charts already show");
                        return;
                    }
                    String label = comparisonLabel(folder);
                    LineStyle style = training.compare(label, steps);
                    comparedRunDirs.put(label, folder); // entries of runs dropped since are pruned by comparisonLabel
                    model.clearError();
                    model.setStatus(String.format(Locale.ROOT, "comparing with %s: %,d steps, drawn %s", label,
                            steps.size(), style.name().toLowerCase(Locale.ROOT).replace('_', '-')));
                });
            } catch (Exception e) {
                String m = Fx.message(e);
                Fx.run(() -> model.showError("Cannot compare with run: " + m));
            }
        });
    }

    /** The folder's name, or parent/name when another compared folder already has that name. */
    private String comparisonLabel(Path folder) {
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        comparedRunDirs.keySet().retainAll(training.losses.comparedRuns());
        Path holder = comparedRunDirs.get(name);
        if (holder == null || holder.equals(folder) || folder.getParent() == null || folder.getParent().getFileName() == null) return name;
        return folder.getParent().getFileName() + "/" + name;
    }

    // ---- exports -----------------------------------------------------------------------------------------

    /** With {@code -Dganstudio.exportDir=DIR} exports go straight to DIR (for scripts and tests); else a dialog. */
    Path exportTarget(String name, String extension) {
        String dir = System.getProperty("ganstudio.exportDir");
        if (dir != null && !dir.isBlank()) return Path.of(dir).resolve(name + "." + extension);
        FileChooser c = new FileChooser();
        c.setTitle("Export " + extension.toUpperCase(Locale.ROOT));
        c.setInitialFileName(name + "." + extension);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension));
        File f = c.showSaveDialog(window());
        return f == null ? null : f.toPath();
    }

    void runExport(String what, LatentPanel.ExportJob job) {
        model.setStatus("exporting " + what + "…");
        model.worker().execute(() -> {
            try {
                Path out = job.write();
                Fx.run(() -> model.setStatus("Exported " + what + " to " + out));
            } catch (Exception e) {
                String m = Fx.message(e);
                Fx.run(() -> model.showError("Export failed: " + m));
            }
        });
    }

    void exportLossesCsv() {
        Path out = exportTarget((runConfig != null ? runConfig.name() : model.config().name()) + "-losses", "csv");
        if (out == null) return;
        Path source = runDir == null ? null : runDir.resolve("losses.csv");
        if (source != null && Files.isRegularFile(source)) {
            runExport("losses CSV", () -> Files.copy(source, out, StandardCopyOption.REPLACE_EXISTING));
        } else {
            try {
                training.writeCsv(out);
                model.setStatus("Exported chart data to " + out);
            } catch (Exception e) {
                model.showError("Export failed: " + Fx.message(e));
            }
        }
    }

    void exportChartsPng() {
        Path out = exportTarget((runConfig != null ? runConfig.name() : model.config().name()) + "-charts", "png");
        if (out == null) return;
        var img = training.chartsImage();
        runExport("charts PNG", () -> { dev.ganstudio.core.export.PngExport.write(img, out); return out; });
    }

    /** Stops training and the helper threads (window closing). */
    public void shutdown() {
        timer.stop();
        service.shutdown(15_000);
        renderer.close();
        model.shutdown();
    }

    static String lossHeader() { return LossLog.HEADER; }
}
