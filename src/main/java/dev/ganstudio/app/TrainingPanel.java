package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.TrainingConfig;
import dev.ganstudio.core.train.RunControl;
import dev.ganstudio.core.train.StepMetrics;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Training panel: Train, Pause/Resume, Step, Step D, Step G, Stop, Reset; live learning rates and k/n; progress with
 * epoch, step, img/s and ETA; health warnings and errors right above the live charts (losses, and D(x) / D(G(z)))
 * with smoothing, log-y, zoom and CSV/PNG export.
 */
final class TrainingPanel extends VBox {
    final Button train = new Button("Train");
    final Button pause = new Button("Pause");
    final Button step = new Button("Step");
    final Button stepD = new Button("Step D");
    final Button stepG = new Button("Step G");
    final Button stop = new Button("Stop");
    final Button reset = new Button("Reset");
    final TextField lrG = new TextField(), lrD = new TextField();
    final Spinner<Integer> k = new Spinner<>(0, 100, 1), n = new Spinner<>(0, 100, 1);
    final ProgressBar progress = new ProgressBar(0);
    final Label progressText = new Label("idle");
    final Label health = new Label();
    final Label error = new Label();
    final ChartCanvas losses = new ChartCanvas("Losses");
    final ChartCanvas outputs = new ChartCanvas("Discriminator outputs");
    final SeriesData dLoss, gLoss, dReal, dFake;
    final Slider smoothing = new Slider(0, 0.99, 0.6);
    final CheckBox logY = new CheckBox("log y");
    private final StudioModel model;
    private boolean updating;
    /** Which chart {@link #redrawOneChart()} tries first. */
    private boolean lossesNext = true;
    private static final double HEALTH_HEIGHT = 42;
    private final Tooltip healthHistory = new Tooltip();

    /** How many other runs the charts overlay at once; comparing one more drops the oldest. */
    static final int MAX_COMPARED = 3;
    final MenuButton compare = new MenuButton("Compare");
    final MenuItem clearCompared = new MenuItem("Clear comparisons");

    TrainingPanel(StudioModel model, Runnable exportCsv, Runnable exportPng, Runnable compareRun) {
        this.model = model;
        getStyleClass().add("panel");
        setSpacing(4);
        setPadding(new Insets(6));
        Label header = new Label("Training");
        header.getStyleClass().add("panel-title");
        train.setId("train");
        pause.setId("pause");
        step.setId("step");
        stepD.setId("stepD");
        stepG.setId("stepG");
        stop.setId("stop");
        reset.setId("reset");
        train.getStyleClass().add("accent");
        train.setTooltip(new Tooltip("start training, or resume a paused run (F5)"));
        pause.setTooltip(new Tooltip("pause, or resume (F6)"));
        step.setTooltip(new Tooltip("one iteration (k D steps, n G steps), then pause (F7)"));
        stepD.setTooltip(new Tooltip("one discriminator step, then pause (F8)"));
        stepG.setTooltip(new Tooltip("one generator step, then pause (F9)"));
        stop.setTooltip(new Tooltip("stop after this iteration and write a checkpoint (Shift+F5)"));
        reset.setTooltip(new Tooltip("forget this run: the next Train starts from fresh networks"));
        HBox buttons = new HBox(4, header, train, pause, step, stepD, stepG, stop, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);

        lrG.setId("liveLrG");
        lrD.setId("liveLrD");
        lrG.setPrefColumnCount(6);
        lrD.setPrefColumnCount(6);
        k.setId("liveK");
        n.setId("liveN");
        k.setPrefWidth(62);
        n.setPrefWidth(62);
        k.setEditable(true);
        n.setEditable(true);
        lrG.setOnAction(e -> applyLive());
        lrD.setOnAction(e -> applyLive());
        lrG.focusedProperty().addListener((o, a, b) -> { if (!b) applyLive(); });
        lrD.focusedProperty().addListener((o, a, b) -> { if (!b) applyLive(); });
        k.valueProperty().addListener((o, a, b) -> applyLive());
        n.valueProperty().addListener((o, a, b) -> applyLive());
        HBox live = new HBox(4, new Label("lr G"), lrG, new Label("lr D"), lrD, new Label("k"), k, new Label("n"), n);
        live.setAlignment(Pos.CENTER_LEFT);

        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefWidth(160);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("progressText");
        // a fixed width: text that changes every 100 ms must not resize the bar (each resize repaints both)
        progressText.setPrefWidth(330);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        HBox prog = new HBox(6, progress, progressText);
        prog.setAlignment(Pos.CENTER_LEFT);

        health.setId("healthWarning");
        health.getStyleClass().add("banner");
        // Always there and always two lines high (longer text ends in "…", the tooltip has it all): a banner that
        // appeared or grew at an epoch's end moved both charts, and that relayout + full repaint stalled the UI.
        health.setWrapText(true);
        health.setMaxWidth(Double.MAX_VALUE);
        health.setMinHeight(HEALTH_HEIGHT);
        health.setPrefHeight(HEALTH_HEIGHT);
        health.setMaxHeight(HEALTH_HEIGHT);
        health.setAlignment(Pos.TOP_LEFT);
        showHealth("", "", "");
        error.setId("trainingError");
        error.getStyleClass().addAll("banner", "error-banner");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.setOnMouseClicked(e -> model.clearError());
        error.setTooltip(new Tooltip("click to dismiss"));

        dLoss = losses.addSeries("D loss", Color.rgb(31, 119, 180));
        gLoss = losses.addSeries("G loss", Color.rgb(255, 127, 14));
        dReal = outputs.addSeries("D(x)", Color.rgb(44, 160, 44));
        dFake = outputs.addSeries("D(G(z))", Color.rgb(214, 39, 40));
        losses.setId("lossChart");
        outputs.setId("outputChart");
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(110);
        Label smoothValue = new Label();
        smoothValue.setMinWidth(32);
        smoothing.valueProperty().addListener((o, a, b) -> {
            smoothValue.setText(String.format(Locale.ROOT, "%.2f", b.doubleValue()));
            losses.setSmoothing(b.doubleValue());
            outputs.setSmoothing(b.doubleValue());
        });
        smoothValue.setText("0.60");
        losses.setSmoothing(0.6);
        outputs.setSmoothing(0.6);
        logY.setId("logY");
        logY.setOnAction(e -> losses.setLogY(logY.isSelected()));
        Button resetZoom = new Button("Reset zoom");
        resetZoom.setOnAction(e -> { losses.resetZoom(); outputs.resetZoom(); });
        MenuButton export = new MenuButton("Export");
        MenuItem csv = new MenuItem("Losses CSV…");
        csv.setOnAction(e -> exportCsv.run());
        MenuItem png = new MenuItem("Charts PNG…");
        png.setOnAction(e -> exportPng.run());
        export.getItems().addAll(csv, png);
        Tooltip zoomHint = new Tooltip("drag across a chart to zoom into those steps; double-click or Reset zoom to zoom out");
        Tooltip.install(losses, zoomHint);
        Tooltip.install(outputs, zoomHint);
        resetZoom.setTooltip(zoomHint);
        compare.setId("compare");
        compare.setTooltip(new Tooltip("overlay the losses of other runs (folders written by the studio or the CLI), dashed"));
        MenuItem addRun = new MenuItem("Add run…");
        addRun.setOnAction(e -> compareRun.run());
        clearCompared.setOnAction(e -> clearComparisons());
        clearCompared.setDisable(true);
        compare.getItems().addAll(addRun, clearCompared);
        HBox chartBar = new HBox(6, new Label("Smoothing"), smoothing, smoothValue, logY, resetZoom, compare, export);
        chartBar.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(losses, Priority.ALWAYS);
        VBox.setVgrow(outputs, Priority.ALWAYS);
        getChildren().addAll(buttons, live, prog, error, health, chartBar, losses, outputs);
        model.configProperty().addListener((o, a, c) -> showLive(c));
    }

    private void showLive(ExperimentConfig c) {
        if (c == null) return;
        updating = true;
        try {
            if (!lrG.isFocused()) lrG.setText(HyperParameterSheet.num(c.training().generator().lr()));
            if (!lrD.isFocused()) lrD.setText(HyperParameterSheet.num(c.training().discriminator().lr()));
            k.getValueFactory().setValue(c.training().dSteps());
            n.getValueFactory().setValue(c.training().gSteps());
        } finally {
            updating = false;
        }
    }

    /** The live fields change the config's rates and k/n; the controller forwards changes to a running run. */
    private void applyLive() {
        if (updating || model.config() == null) return;
        try {
            double g = Double.parseDouble(lrG.getText().trim()), d = Double.parseDouble(lrD.getText().trim());
            ExperimentConfig c = model.config();
            TrainingConfig t = c.training();
            TrainingConfig next = t.withLiveSettings(g, d, k.getValue(), n.getValue());
            if (!ConfigsEqual.same(c.withTraining(next), c)) model.setConfig(c.withTraining(next));
        } catch (NumberFormatException e) {
            model.showError("learning rates must be numbers, got '" + lrG.getText() + "' and '" + lrD.getText() + "'");
        } catch (IllegalArgumentException e) {
            model.showError(e.getMessage());
        }
    }

    /**
     * Shows the recent health warnings ({@code banner}), else {@code older} (a line about earlier warnings), else that
     * the checks found nothing; every warning of the run ({@code history}) is in the tooltip.
     */
    void showHealth(String banner, String older, String history) {
        boolean ok = banner.isEmpty() && older.isEmpty();
        health.setText(!banner.isEmpty() ? banner : !older.isEmpty() ? older : "✓ Health checks: no warnings so far");
        String style = ok ? "health-ok" : banner.isEmpty() ? "health-older" : "health-warning";
        if (!health.getStyleClass().contains(style)) { // a style change re-applies CSS: only when the kind changed
            health.getStyleClass().removeAll("health-ok", "health-older", "health-warning");
            health.getStyleClass().add(style);
        }
        healthHistory.setText(history);
        health.setTooltip(history.isEmpty() ? null : healthHistory);
    }

    void addStep(StepMetrics m) {
        add(m, dLoss, gLoss, dReal, dFake);
        losses.markDirty();
        outputs.markDirty();
    }

    /**
     * Overlays run {@code run}'s steps on both charts, in the metrics' colours with a dash pattern of its own; the same
     * run again replaces its lines, and a run beyond {@link #MAX_COMPARED} drops the oldest. Returns the pattern used.
     */
    LineStyle compare(String run, List<StepMetrics> steps) {
        List<String> shown = losses.comparedRuns();
        if (shown.contains(run)) removeComparison(run);
        else if (shown.size() >= MAX_COMPARED) removeComparison(shown.get(0));
        EnumSet<LineStyle> free = EnumSet.complementOf(EnumSet.of(LineStyle.SOLID));
        for (SeriesData s : losses.series()) if (s.compared()) free.remove(s.style());
        LineStyle style = free.iterator().next();
        SeriesData d = losses.addComparedSeries(dLoss.name(), dLoss.color(), style, run);
        SeriesData g = losses.addComparedSeries(gLoss.name(), gLoss.color(), style, run);
        SeriesData r = outputs.addComparedSeries(dReal.name(), dReal.color(), style, run);
        SeriesData f = outputs.addComparedSeries(dFake.name(), dFake.color(), style, run);
        for (StepMetrics m : steps) add(m, d, g, r, f);
        clearCompared.setDisable(false);
        return style;
    }

    /** One step's finite values onto the four series, at x = step + 1. */
    private static void add(StepMetrics m, SeriesData d, SeriesData g, SeriesData r, SeriesData f) {
        double x = m.step() + 1;
        if (Float.isFinite(m.dLoss())) d.add(x, m.dLoss());
        if (Float.isFinite(m.gLoss())) g.add(x, m.gLoss());
        if (Float.isFinite(m.dReal())) r.add(x, m.dReal());
        if (Float.isFinite(m.dFake())) f.add(x, m.dFake());
    }

    void removeComparison(String run) {
        losses.removeRun(run);
        outputs.removeRun(run);
        clearCompared.setDisable(losses.comparedRuns().isEmpty());
    }

    void clearComparisons() {
        for (String run : losses.comparedRuns()) removeComparison(run);
    }

    /** Clears the charts of the studio's own run (compared runs stay). */
    void clearCharts() {
        losses.clear();
        outputs.clear();
        losses.markDirty();
        outputs.markDirty();
    }

    /**
     * Redraws at most one chart that has new points, taking turns, so one pulse never makes the render thread repaint
     * both charts at once (under software rendering each repaint is a large dirty region; two in one frame stretched
     * pulse gaps past 50 ms on a busy 2-core machine). Each chart still refreshes on every other UI frame.
     */
    void redrawOneChart() {
        ChartCanvas first = lossesNext ? losses : outputs, second = lossesNext ? outputs : losses;
        ChartCanvas chart = first.isDirty() ? first : second.isDirty() ? second : null;
        if (chart == null) return;
        chart.redrawIfDirty();
        lossesNext = chart != losses;
    }

    /** Writes the charts' data (raw and smoothed) as CSV. */
    void writeCsv(Path out) throws java.io.IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("step,d_loss,g_loss,d_real,d_fake,d_loss_smoothed,g_loss_smoothed,d_real_smoothed,d_fake_smoothed\n");
            SeriesData[] all = {dLoss, gLoss, dReal, dFake};
            int[] at = new int[4];
            while (true) {
                double x = Double.POSITIVE_INFINITY;
                for (int i = 0; i < 4; i++) if (at[i] < all[i].size()) x = Math.min(x, all[i].x(at[i]));
                if (x == Double.POSITIVE_INFINITY) break;
                StringBuilder raw = new StringBuilder(), sm = new StringBuilder();
                for (int i = 0; i < 4; i++) {
                    boolean has = at[i] < all[i].size() && all[i].x(at[i]) == x;
                    raw.append(',').append(has ? String.valueOf(all[i].y(at[i])) : "");
                    sm.append(',').append(has ? String.valueOf(all[i].smoothed(at[i])) : "");
                    if (has) at[i]++;
                }
                w.write((long) x + raw.toString() + sm + "\n");
            }
        }
    }

    java.awt.image.BufferedImage chartsImage() {
        var a = losses.image();
        var b = outputs.image();
        var out = new java.awt.image.BufferedImage(Math.max(a.getWidth(), b.getWidth()), a.getHeight() + b.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, 0, a.getHeight(), null);
        g.dispose();
        return out;
    }

    /**
     * The Training menu: each item presses its button, is enabled when the button is, and has a function key, so a
     * run can be paused, stepped and resumed from the keyboard wherever the focus is (F5 Train or Resume, F6 Pause or
     * Resume, F7 Step, F8 Step D, F9 Step G, Shift+F5 Stop; the keys of a debugger). No text field uses these keys.
     */
    Menu menu() {
        Menu m = new Menu("Training");
        m.getItems().addAll(
                pressing(train, "Train / Resume", new KeyCodeCombination(KeyCode.F5)),
                pressing(pause, "Pause / Resume", new KeyCodeCombination(KeyCode.F6)),
                pressing(step, "Step (one iteration)", new KeyCodeCombination(KeyCode.F7)),
                pressing(stepD, "Step D", new KeyCodeCombination(KeyCode.F8)),
                pressing(stepG, "Step G", new KeyCodeCombination(KeyCode.F9)),
                pressing(stop, "Stop", new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN)),
                new SeparatorMenuItem(),
                pressing(reset, "Reset", null));
        return m;
    }

    private static MenuItem pressing(Button button, String text, KeyCombination key) {
        MenuItem item = new MenuItem(text);
        if (key != null) item.setAccelerator(key);
        item.disableProperty().bind(button.disableProperty());
        item.setOnAction(e -> button.fire());
        return item;
    }

    /** Enables the buttons that make sense in {@code s}. */
    void showState(TrainingService.State s) {
        boolean busy = s == TrainingService.State.STARTING || s == TrainingService.State.RUNNING
                || s == TrainingService.State.PAUSED || s == TrainingService.State.STOPPING;
        train.setDisable(s == TrainingService.State.RUNNING || s == TrainingService.State.STARTING || s == TrainingService.State.STOPPING);
        train.setText(s == TrainingService.State.PAUSED ? "Resume" : "Train");
        pause.setDisable(!(s == TrainingService.State.RUNNING || s == TrainingService.State.PAUSED));
        pause.setText(s == TrainingService.State.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!busy || s == TrainingService.State.STOPPING);
        boolean canStep = s != TrainingService.State.STARTING && s != TrainingService.State.STOPPING;
        step.setDisable(!canStep);
        stepD.setDisable(!canStep);
        stepG.setDisable(!canStep);
        reset.setDisable(s == TrainingService.State.STOPPING || s == TrainingService.State.STARTING);
    }

    static RunControl.Action kind(Button b, TrainingPanel p) {
        return b == p.stepD ? RunControl.Action.STEP_D : b == p.stepG ? RunControl.Action.STEP_G : RunControl.Action.ITERATE;
    }
}
