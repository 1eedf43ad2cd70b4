package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.export.GifExport;
import dev.ganstudio.core.export.HistogramChart;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.PngExport;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.model.LatentMath;
import dev.ganstudio.core.train.FixedNoise;
import dev.ganstudio.core.train.LatentSampler;
import dev.ganstudio.core.train.TrainedGenerator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Latent explorer: the fixed-noise grid of every epoch with a scrubber (no cap) and a class selector, the 1-D
 * histogram view, an interpolation strip between two latent points (lerp or slerp, N steps), and sliders that walk
 * chosen latent dimensions of a selected sample, re-rendered live from a snapshot of G on the renderer thread.
 */
final class LatentPanel extends VBox {
    static final int SLIDERS = 6;
    private static final int PAD = 2;

    private final StudioModel model;
    private final LatentRenderer renderer;
    private final Exports exports;
    private final List<EpochFrame> frames = new ArrayList<>();
    private final Slider scrubber = new Slider(1, 1, 1);
    private final Label epochLabel = new Label("no epochs yet");
    private final CheckBox follow = new CheckBox("latest");
    private final ComboBox<String> classSelector = new ComboBox<>();
    private final ImageGridView grid = new ImageGridView();
    private final HistogramView oneD = new HistogramView();
    private final Label metrics = new Label();
    private final Tooltip metricsTip = new Tooltip();
    private final TextField seedA = new TextField("1"), seedB = new TextField("2");
    /** Truncation ψ for seed endpoints (blank: none), see {@link LatentSampler}. */
    final TextField truncation = new TextField();
    private final Label aInfo = new Label("A: seed 1"), bInfo = new Label("B: seed 2");
    private final ToggleButton lerp = new ToggleButton("lerp"), slerp = new ToggleButton("slerp");
    private final Spinner<Integer> steps = new Spinner<>(2, 64, 8);
    private final ImageView strip = new ImageView();
    private final Label stripInfo = new Label();
    private final ImageView sliderImage = new ImageView();
    private final Label sliderInfo = new Label("select a sample in the grid");
    private final List<Spinner<Integer>> dims = new ArrayList<>();
    private final List<Slider> values = new ArrayList<>();
    private final TabPane tools = new TabPane();
    /** FLD by epoch for image runs (the Measures tab), from the untrained G (epoch 0) on; redrawn only while shown. */
    private final ChartCanvas measures = new ChartCanvas("FLD by epoch");
    private final SeriesData fldByEpoch = measures.addSeries("FLD", MEASURE_BLUE);
    /** KS and W1 by epoch for 1-D runs (the same tab): how far G's values are from the target's, each epoch. */
    private final ChartCanvas oneDMeasures = new ChartCanvas("KS and W1 by epoch");
    private final SeriesData ksByEpoch = oneDMeasures.addSeries("KS", MEASURE_BLUE);
    private final SeriesData w1ByEpoch = oneDMeasures.addSeries("W1", MEASURE_ORANGE);
    private static final javafx.scene.paint.Color MEASURE_BLUE = javafx.scene.paint.Color.rgb(31, 119, 180);
    private static final javafx.scene.paint.Color MEASURE_ORANGE = javafx.scene.paint.Color.rgb(255, 127, 14);
    private static final String FLD_TIP = "FLD: the Fréchet distance between classifier features of generated and real images "
            + "(lower is better; not comparable with Inception FID) after every epoch; epoch 0 is the untrained G";
    private static final String ONE_D_TIP = "KS: the largest gap between the generated and the target's cumulative distribution "
            + "(0 to 1); W1: the mean distance a value must move to turn one distribution into the other, in the data's "
            + "units. Both after every epoch, lower is better.";
    private final Tooltip measuresTip = new Tooltip(FLD_TIP);
    private Tab interpolation, sliders, measuresTab;
    private static final String IDLE_HINT = "The fixed-noise samples of every epoch appear here: press Train, or open a run.";
    private final Label placeholder = new Label(IDLE_HINT);
    private final Label oneDNote = new Label("Interpolation and latent sliders are for image models.");

    private ExperimentConfig config;
    private DataSpec spec;
    private FixedNoise fixed;
    private float[] za, zb;
    private float[] sliderBase;
    private long sliderLabel;
    private int shown = -1;
    private boolean updating;
    private OneDView live;
    private long gridRequest;
    private final List<SliderTiming> sliderTimings = new ArrayList<>();
    private long sliderRenders;
    private BufferedImage lastStrip;
    private List<float[]> lastPath = List.of();

    interface Exports {
        /** Where to write an export named {@code name} (a dialog, or the export folder), or null when cancelled. */
        Path target(String name, String extension);

        /** Runs {@code job} in the background and reports the outcome in the status bar. */
        void run(String what, ExportJob job);
    }

    @FunctionalInterface
    interface ExportJob { Path write() throws Exception; }

    LatentPanel(StudioModel model, LatentRenderer renderer, Exports exports) {
        this.model = model;
        this.renderer = renderer;
        this.exports = exports;
        getStyleClass().add("panel");
        setSpacing(5);
        setPadding(new Insets(6));
        Label header = new Label("Latent explorer");
        header.getStyleClass().add("panel-title");
        MenuButton export = new MenuButton("Export");
        export.setId("latentExport");
        MenuItem gridPng = new MenuItem("Grid / histogram PNG (this epoch)…");
        gridPng.setOnAction(e -> exportFramePng());
        MenuItem progression = new MenuItem("Progression GIF (all epochs)…");
        progression.setId("exportProgressionGif");
        progression.setOnAction(e -> exportProgressionGif());
        MenuItem stripPng = new MenuItem("Interpolation strip PNG…");
        stripPng.setOnAction(e -> exportStripPng());
        MenuItem stripGif = new MenuItem("Interpolation GIF…");
        stripGif.setOnAction(e -> exportInterpolationGif());
        MenuItem walkGif = new MenuItem("Slider walk GIF…");
        walkGif.setOnAction(e -> exportSliderWalkGif());
        export.getItems().addAll(gridPng, progression, stripPng, stripGif, walkGif);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, header, spacer, export);
        top.setAlignment(Pos.CENTER_LEFT);

        scrubber.setId("epochScrubber");
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.setBlockIncrement(1);
        scrubber.setDisable(true);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (updating) return;
            int i = (int) Math.round(b.doubleValue()) - 1;
            follow.setSelected(i == frames.size() - 1);
            showFrame(i);
        });
        epochLabel.setId("epochLabel");
        epochLabel.setPrefWidth(100);
        epochLabel.setMinWidth(Region.USE_PREF_SIZE);
        follow.setSelected(true);
        follow.setOnAction(e -> { if (follow.isSelected() && !frames.isEmpty()) showFrame(frames.size() - 1); });
        classSelector.setId("classSelector");
        classSelector.setOnAction(e -> { if (!updating) { showFrame(shown); updateSliderLabel(); } });
        HBox scrub = new HBox(6, new Label("Epoch"), scrubber, epochLabel, follow, classSelector);
        scrub.setAlignment(Pos.CENTER_LEFT);

        grid.setId("sampleGrid");
        grid.setOnSelect(i -> selectSample(originalIndex(i)));
        oneD.setId("oneDView");
        oneD.setVisible(false);
        placeholder.getStyleClass().add("hint");
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.setMaxWidth(260);
        placeholder.setMouseTransparent(true);
        StackPane view = new StackPane(placeholder, grid, oneD);
        view.getStyleClass().add("preview-box");
        view.setMinHeight(140);
        VBox.setVgrow(view, Priority.ALWAYS);
        metrics.setId("metricsLabel");
        metrics.setWrapText(true);
        // two lines, always: a label that grows by a line at an epoch end would shrink the grid above it and make
        // the whole explorer repaint (the full text is in the tooltip)
        metrics.setMinHeight(34);
        metrics.setPrefHeight(34);
        metrics.setMaxHeight(34);
        metrics.setAlignment(Pos.TOP_LEFT);
        metrics.getStyleClass().add("hint");

        measures.setId("measuresChart");
        oneDMeasures.setId("oneDMeasuresChart");
        for (ChartCanvas c : List.of(measures, oneDMeasures)) {
            c.setLogY(true);
            c.setWholeX(true);
            c.setSmoothing(0);
        }
        oneDMeasures.setVisible(false);
        measuresTab = new Tab("Measures", new StackPane(measures, oneDMeasures));
        measuresTab.setId("measuresTab");
        measuresTab.setTooltip(measuresTip);
        interpolation = interpolationTab();
        sliders = slidersTab();
        tools.getTabs().addAll(interpolation, sliders, measuresTab);
        tools.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> { if (slidersShowing()) renderSlider(); });
        tools.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tools.setMinHeight(170);
        tools.setPrefHeight(230);
        oneDNote.getStyleClass().add("hint");
        oneDNote.setVisible(false);
        oneDNote.setManaged(false);
        getChildren().addAll(top, scrub, view, metrics, tools, oneDNote);
    }

    private Tab interpolationTab() {
        ToggleGroup g = new ToggleGroup();
        lerp.setToggleGroup(g);
        slerp.setToggleGroup(g);
        slerp.setSelected(true);
        lerp.setId("lerp");
        slerp.setId("slerp");
        g.selectedToggleProperty().addListener((o, a, b) -> { if (b == null) a.setSelected(true); });
        steps.setId("interpSteps");
        steps.setPrefWidth(70);
        steps.setEditable(true);
        seedA.setPrefColumnCount(4);
        seedB.setPrefColumnCount(4);
        seedA.setId("seedA");
        seedB.setId("seedB");
        seedA.setOnAction(e -> { za = null; aInfo.setText("A: seed " + seedA.getText().trim()); });
        seedB.setOnAction(e -> { zb = null; bInfo.setText("B: seed " + seedB.getText().trim()); });
        Button setA = new Button("A ← selected");
        setA.setId("setA");
        setA.setOnAction(e -> pickEndpoint(true));
        Button setB = new Button("B ← selected");
        setB.setId("setB");
        setB.setOnAction(e -> pickEndpoint(false));
        Button render = new Button("Render");
        render.setId("renderStrip");
        render.setDefaultButton(false);
        render.setOnAction(e -> renderStrip());
        GridPane rows = new GridPane();
        rows.setHgap(6);
        rows.setVgap(4);
        rows.addRow(0, aInfo, new Label("seed"), seedA, setA);
        rows.addRow(1, bInfo, new Label("seed"), seedB, setB);
        truncation.setId("truncation");
        truncation.setPrefColumnCount(4);
        truncation.setPromptText("none");
        Tooltip psi = new Tooltip("truncation trick for seed ends: noise components beyond ±ψ standard deviations are drawn "
                + "again (0.1–5; smaller: more typical, less varied). Blank: none. Ends picked from the grid stay as they are.");
        truncation.setTooltip(psi);
        Label psiLabel = new Label("ψ");
        psiLabel.setTooltip(psi);
        rows.addRow(2, new Label("truncation"), psiLabel, truncation);
        HBox opts = new HBox(6, lerp, slerp, new Label("Steps"), steps, render);
        opts.setAlignment(Pos.CENTER_LEFT);
        strip.setPreserveRatio(true);
        strip.setSmooth(false);
        strip.setId("strip");
        StackPane stripBox = new StackPane(strip);
        stripBox.setMinHeight(40);
        VBox.setVgrow(stripBox, Priority.ALWAYS);
        strip.fitWidthProperty().bind(stripBox.widthProperty().subtract(4));
        strip.fitHeightProperty().bind(stripBox.heightProperty().subtract(4));
        stripInfo.getStyleClass().add("hint");
        stripInfo.setId("stripInfo");
        VBox box = new VBox(4, rows, opts, stripBox, stripInfo);
        box.setPadding(new Insets(4));
        Tab t = new Tab("Interpolation", box);
        t.setId("interpolationTab");
        return t;
    }

    private Tab slidersTab() {
        GridPane rows = new GridPane();
        rows.setHgap(4);
        rows.setVgap(2);
        for (int i = 0; i < SLIDERS; i++) {
            Spinner<Integer> dim = new Spinner<>(0, 1023, i);
            dim.setPrefWidth(64);
            dim.setEditable(true);
            dim.setId("latentDim" + i);
            Slider s = new Slider(-3, 3, 0);
            s.setId("latentSlider" + i);
            GridPane.setHgrow(s, Priority.ALWAYS);
            int k = i;
            // the value as a number too: typed and applied with Enter (a value off the slider's range is set to its end)
            TextField entry = new TextField(sliderText(s.getValue()));
            entry.setId("latentValue" + i);
            entry.setPrefColumnCount(4);
            entry.setOnAction(e -> enterSliderValue(k, entry));
            entry.focusedProperty().addListener((o, a, b) -> { if (!b) entry.setText(sliderText(values.get(k).getValue())); });
            dim.valueProperty().addListener((o, a, b) -> { if (!updating) resetSlider(k); });
            s.valueProperty().addListener((o, a, b) -> {
                entry.setText(sliderText(b.doubleValue()));
                if (!updating) renderSlider(true);
            });
            dims.add(dim);
            values.add(s);
            rows.addRow(i, new Label("z["), dim, new Label("]"), s, entry);
        }
        Button reset = new Button("Reset");
        reset.setOnAction(e -> { for (int i = 0; i < SLIDERS; i++) resetSlider(i); renderSlider(); });
        sliderImage.setPreserveRatio(true);
        sliderImage.setSmooth(false);
        sliderImage.setFitWidth(112);
        sliderImage.setFitHeight(112);
        sliderImage.setId("sliderImage");
        sliderInfo.setId("sliderInfo");
        sliderInfo.getStyleClass().add("hint");
        sliderInfo.setWrapText(true);
        sliderInfo.setMaxWidth(120);
        VBox left = new VBox(4, sliderImage, reset, sliderInfo);
        HBox.setHgrow(rows, Priority.ALWAYS);
        HBox box = new HBox(8, left, rows);
        box.setPadding(new Insets(4));
        Tab t = new Tab("Latent sliders", box);
        t.setId("slidersTab");
        return t;
    }

    /** Shows the latent sliders tab (the bench moves a slider while training). */
    void showSliders() {
        tools.getTabs().stream().filter(t -> "slidersTab".equals(t.getId())).findFirst().ifPresent(t -> tools.getSelectionModel().select(t));
    }

    /** Moves the first slider by one step, as a user would (the bench's slider probe); false until there is a G. */
    boolean nudgeSlider() {
        if (sliderBase == null || renderer.snapshot() == null || !slidersShowing()) return false;
        Slider s = values.get(0);
        s.setValue(s.getValue() >= 2.5 ? -2.5 : s.getValue() + 0.5);
        return true;
    }

    private boolean slidersShowing() {
        Tab t = tools.getSelectionModel().getSelectedItem();
        return t != null && "slidersTab".equals(t.getId());
    }

    // ---- run lifecycle -------------------------------------------------------------------------------------

    /** A new run (or an opened one): forget the frames, set up classes and latent size. */
    void reset(ExperimentConfig c, DataSpec s) {
        config = c;
        spec = s;
        frames.clear();
        measures.clear();
        measures.markDirty();
        oneDMeasures.clear();
        oneDMeasures.markDirty();
        shown = -1;
        live = null;
        fixed = c == null || s == null ? null : FixedNoise.of(c, s);
        za = zb = null;
        sliderBase = null;
        updating = true;
        try {
            scrubber.setMin(1);
            scrubber.setMax(1);
            scrubber.setValue(1);
            scrubber.setDisable(true);
            epochLabel.setText("no epochs yet");
            classSelector.getItems().setAll("all classes");
            if (c != null && c.conditional() && s != null) classSelector.getItems().addAll(s.classNames());
            classSelector.setValue("all classes");
            boolean cond = c != null && c.conditional();
            classSelector.setVisible(cond);
            classSelector.setManaged(cond);
            int dim = c == null ? 1 : c.latent().dim();
            for (int i = 0; i < SLIDERS; i++) {
                ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) dims.get(i).getValueFactory()).setMax(dim - 1);
                dims.get(i).getValueFactory().setValue(Math.min(i, dim - 1));
                double lim = c != null && c.latent().uniform() ? 0 : -3 * (c == null ? 1 : c.latent().scale());
                double hi = c != null && c.latent().uniform() ? c.latent().scale() : 3 * (c == null ? 1 : c.latent().scale());
                values.get(i).setMin(lim);
                values.get(i).setMax(hi);
                values.get(i).setValue((lim + hi) / 2);
            }
        } finally {
            updating = false;
        }
        boolean oneDim = c != null && c.oneDimensional();
        grid.setVisible(!oneDim);
        oneD.setVisible(oneDim);
        // a 1-D run has no images to interpolate or walk: its tools are the Measures tab alone (KS and W1)
        List<Tab> tabs = oneDim ? List.of(measuresTab) : List.of(interpolation, sliders, measuresTab);
        if (!tools.getTabs().equals(tabs)) tools.getTabs().setAll(tabs);
        tools.setPrefHeight(oneDim ? 180 : 230);
        measures.setVisible(!oneDim);
        oneDMeasures.setVisible(oneDim);
        measuresTip.setText(oneDim ? ONE_D_TIP : FLD_TIP);
        oneDNote.setVisible(oneDim);
        oneDNote.setManaged(oneDim);
        grid.show(null, 1, 0, 1, 1, 0);
        grid.select(-1);
        placeholder.setVisible(!oneDim);
        placeholder.setText(IDLE_HINT);
        strip.setImage(null);
        sliderImage.setImage(null);
        metrics.setText("");
        stripInfo.setText("");
        sliderInfo.setText("select a sample in the grid");
        if (oneDim) oneD.show("waiting for the first steps…", List.of(), null, null);
        // the first sample is selected now rather than when the first epoch arrives: that pulse already shows the
        // first grid, and setting the sliders there cost the FX thread 3-6 ms more (bench under Xvfb)
        if (selectable()) selectSample(0);
    }

    /** Whether the explorer has fixed samples to select (an image experiment with its data). */
    private boolean selectable() {
        return config != null && !config.oneDimensional() && spec != null && spec.images() && fixed != null;
    }

    void addEpoch(EpochFrame f) {
        frames.add(f);
        addMeasures(f);
        placeholder.setVisible(false);
        updating = true;
        scrubber.setMax(frames.size());
        scrubber.setDisable(frames.size() < 2);
        if (follow.isSelected()) scrubber.setValue(frames.size());
        updating = false;
        if (follow.isSelected()) showFrame(frames.size() - 1); else updateEpochLabel();
        if (sliderBase == null && selectable()) selectSample(0);
        else if (sliderBase != null) renderSlider();
    }

    /**
     * Adds an epoch's measures to the Measures tab: FLD for an image run (the untrained G's first, as epoch 0), KS and
     * W1 for a 1-D run. Epochs go forward only.
     */
    private void addMeasures(EpochFrame f) {
        if (f.metrics().get("ks") instanceof Number ks && f.metrics().get("w1") instanceof Number w1
                && Double.isFinite(ks.doubleValue()) && Double.isFinite(w1.doubleValue())) {
            if (!after(ksByEpoch, f.epoch())) return;
            ksByEpoch.add(f.epoch(), ks.floatValue());
            w1ByEpoch.add(f.epoch(), w1.floatValue());
            oneDMeasures.markDirty();
            return;
        }
        if (!(f.metrics().get("fld") instanceof Number fld) || !Double.isFinite(fld.doubleValue())) return;
        if (fldByEpoch.size() == 0 && f.metrics().get("fld_untrained") instanceof Number untrained && f.epoch() > 0) {
            fldByEpoch.add(0, untrained.floatValue());
        }
        if (!after(fldByEpoch, f.epoch())) return;
        fldByEpoch.add(f.epoch(), fld.floatValue());
        measures.markDirty();
    }

    /** Whether {@code epoch} comes after every epoch on {@code s} (the Measures charts go forward only). */
    private static boolean after(SeriesData s, int epoch) { return s.size() == 0 || s.x(s.size() - 1) < epoch; }

    /**
     * Redraws the Measures chart when its tab is showing and it has new points. The studio's pulse calls it after an
     * epoch's frame; when it redraws, the training charts wait one frame (one chart per frame).
     *
     * @return whether it redrew
     */
    boolean redrawMeasuresIfShowing() {
        Tab t = tools.getSelectionModel().getSelectedItem();
        ChartCanvas chart = shownMeasures();
        if (t == null || !"measuresTab".equals(t.getId()) || !chart.isDirty()) return false;
        chart.redrawIfDirty();
        return true;
    }

    private boolean oneDimensionalRun() { return config != null && config.oneDimensional(); }

    /** The Measures chart of this run's kind. */
    private ChartCanvas shownMeasures() { return oneDimensionalRun() ? oneDMeasures : measures; }

    /** Epochs on the Measures chart of this run's kind. */
    int measuredEpochs() { return (oneDimensionalRun() ? ksByEpoch : fldByEpoch).size(); }

    long measuresRedraws() { return shownMeasures().redraws(); }

    /** The ids of the explorer's tool tabs, in order. */
    List<String> toolIds() { return tools.getTabs().stream().map(Tab::getId).toList(); }

    /**
     * A run's generator before its first step is there (the renderer has it): the selected sample renders from it, so
     * the sliders and the interpolation strip work from step 0 — and their code is warm before the first epoch's pulse.
     */
    void generatorReady() {
        if (frames.isEmpty()) placeholder.setText("Training: the fixed-noise samples appear here when the first epoch ends.");
        if (sliderBase != null) renderSlider();
    }

    /** A mid-epoch 1-D view while training; shown when the scrubber follows the latest epoch. */
    void showLive(OneDView v) {
        live = v;
        if (follow.isSelected() && config != null && config.oneDimensional()) drawOneD(v, "step " + v.step());
    }

    List<EpochFrame> frames() { return frames; }

    int shownEpochIndex() { return shown; }

    long sliderRenders() { return sliderRenders; }

    /**
     * One re-render of the slider sample, shown: whether a slider move asked for it (else a new epoch, another sample
     * or class, Reset), and where its time went — waiting for the renderer thread, loading a newer G, generating, and
     * the rest (reaching the FX thread) — all ending when the picture was set.
     */
    record SliderTiming(boolean move, long requestedNanos, long totalNanos, long waitNanos, long loadNanos, long renderNanos) {}

    List<SliderTiming> sliderTimings() { return sliderTimings; }

    HistogramView oneDView() { return oneD; }

    Label metricsLabel() { return metrics; }

    ImageGridView grid() { return grid; }

    private void updateEpochLabel() {
        epochLabel.setText(frames.isEmpty() ? "no epochs yet" : "epoch " + (shown < 0 ? "-" : frames.get(shown).epoch()) + " / " + frames.get(frames.size() - 1).epoch());
    }

    private void showFrame(int i) {
        if (i < 0 || i >= frames.size()) return;
        shown = i;
        EpochFrame f = frames.get(i);
        updateEpochLabel();
        metrics.setText(describe(f.metrics()));
        metricsTip.setText(metrics.getText()); // one tooltip, re-used: a new Tooltip per epoch cost ~1 ms of the FX thread
        metrics.setTooltip(metrics.getText().isEmpty() ? null : metricsTip);
        if (f.oneD() != null) {
            drawOneD(f.oneD(), "epoch " + f.epoch());
        } else if (f.samples() != null) {
            // the grid picture is drawn on the worker thread; the FX thread only shows it
            int[] s = spec.sampleShape();
            int[] keep = keptIndices(f);
            int cols = columnsFor(keep.length);
            long token = ++gridRequest;
            int scale = gridScale(Math.min(cols, keep.length), (keep.length + cols - 1) / cols, s[2], s[1]);
            model.worker().execute(() -> {
                float[] vals = subset(f.samples(), keep, spec.sampleSize());
                BufferedImage bi = new SampleGrid(cols, PAD, SampleGrid.DEFAULT_BACKGROUND, scale).render(new ImageBatch(vals, keep.length, s[0], s[1], s[2]));
                Image img = FxImages.of(bi);
                Fx.run(() -> {
                    if (token == gridRequest) grid.show(img, Math.min(cols, keep.length), keep.length, s[2] * scale, s[1] * scale, PAD);
                });
            });
        } else if (f.png() != null) {
            oneD.setVisible(false);
            grid.setVisible(true);
            Image img = new Image(f.png().toUri().toString(), true);
            if (spec != null && spec.images() && fixed != null) {
                // the run's own grid (EpochOutputs): samples.columns columns, 2 px padding, tiles upscaled by samples.scale
                int sc = config.samples().scale(), n = fixed.count();
                int cols = Math.min(config.samples().columns(), n);
                grid.show(img, cols, n, spec.sampleShape()[2] * sc, spec.sampleShape()[1] * sc, 2);
            } else {
                grid.showPicture(img);
            }
        }
    }

    private void drawOneD(OneDView v, String when) {
        oneD.setVisible(true);
        grid.setVisible(false);
        oneD.show(config.name() + " — " + when, List.of(
                new HistogramView.Series("real", v.real(), HistogramView.REAL),
                new HistogramView.Series("generated", v.generated(), HistogramView.GENERATED),
                new HistogramView.Series("input noise", v.noise(), HistogramView.NOISE)), v.curveX(), v.curveY(),
                v.transfer());
    }

    /**
     * The largest whole magnification at which a grid of {@code cols × rows} tiles still fits the grid view. The worker
     * draws the grid at that size, so the view shows it pixel for pixel: under software rendering, scaling a 600-pixel
     * grid on the render thread at every epoch cost 20-30 ms of a frame on a busy machine.
     */
    private int gridScale(int cols, int rows, int tileW, int tileH) {
        double w = grid.getWidth(), h = grid.getHeight();
        int k = 1;
        while (k < SampleGrid.MAX_SCALE && cols * ((k + 1) * tileW + PAD) + PAD <= w && rows * ((k + 1) * tileH + PAD) + PAD <= h) k++;
        return k;
    }

    private int columnsFor(int n) {
        int c = config.samples().columns();
        if (selectedClass() >= 0) c = (int) Math.ceil(Math.sqrt(n));
        return Math.max(1, Math.min(c, n));
    }

    private int selectedClass() {
        int i = classSelector.getSelectionModel().getSelectedIndex();
        return i <= 0 ? -1 : i - 1;
    }

    private int[] keptIndices(EpochFrame f) {
        int k = selectedClass();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) if (k < 0 || f.labels() == null || f.labels()[i] == k) keep.add(i);
        if (keep.isEmpty()) for (int i = 0; i < f.count(); i++) keep.add(i);
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private int originalIndex(int shownIndex) {
        if (shown < 0 || frames.get(shown).samples() == null) return shownIndex;
        int[] keep = keptIndices(frames.get(shown));
        return shownIndex < keep.length ? keep[shownIndex] : shownIndex;
    }

    private static float[] subset(float[] all, int[] keep, int size) {
        if (keep.length * size == all.length) return all;
        float[] out = new float[keep.length * size];
        for (int j = 0; j < keep.length; j++) System.arraycopy(all, keep[j] * size, out, j * size, size);
        return out;
    }

    /** One line of an epoch's metrics: FLD (and its untrained reference), coverage, label accuracy, 1-D moments. */
    static String describe(Map<String, Object> m) {
        if (m == null || m.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (var e : m.entrySet()) {
            String key = switch (e.getKey()) {
                case "ks" -> "KS";
                case "w1" -> "W1";
                case "fld" -> "FLD";
                case "fld_untrained" -> "FLD untrained";
                case "coverage_min" -> "smallest class share";
                case "label_accuracy" -> "label accuracy";
                case "missing_classes" -> "missing classes";
                case "mode_mass" -> "mass per mode";
                case "classifier_accuracy", "coverage", "fld_note" -> null; // classifier detail, per-class map, footnote
                default -> e.getKey().replace('_', ' ');
            };
            if (key == null) continue;
            if (sb.length() > 0) sb.append("   ");
            sb.append(key).append(' ').append(format(e.getValue()));
        }
        return sb.toString();
    }

    private static String format(Object v) {
        if (v instanceof Number n) return String.format(Locale.ROOT, "%.4g", n.doubleValue());
        if (v instanceof java.util.Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : c) sb.append(sb.length() > 1 ? ", " : "").append(o instanceof Number n ? String.format(Locale.ROOT, "%.3g", n.doubleValue()) : o);
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    // ---- latent vectors -----------------------------------------------------------------------------------

    private float[] fixedVector(int i) {
        int dim = config.latent().dim();
        float[] v = new float[dim];
        System.arraycopy(fixed.z(), i * dim, v, 0, dim);
        return v;
    }

    private long fixedLabel(int i) {
        return fixed.labels() == null ? 0 : fixed.labels()[i];
    }

    private float[] seeded(String text) {
        long seed;
        try {
            seed = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, got '" + text.trim() + "'");
        }
        return LatentSampler.sample(config.latent(), new Random(seed), 1, truncationValue());
    }

    /** The ψ field as a number (NaN when blank); {@link LatentSampler} says why a number cannot be used. */
    private double truncationValue() {
        String t = truncation.getText() == null ? "" : truncation.getText().trim();
        if (t.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("truncation ψ must be a number (or blank for none), got '" + t + "'");
        }
    }

    private void selectSample(int i) {
        if (fixed == null || config.oneDimensional() || i < 0 || i >= fixed.count()) return;
        grid.select(Math.max(0, indexInShown(i)));
        sliderBase = fixedVector(i);
        sliderLabel = selectedClass() >= 0 ? selectedClass() : fixedLabel(i);
        updating = true;
        try {
            for (int k = 0; k < SLIDERS; k++) values.get(k).setValue(sliderBase[Math.min(dims.get(k).getValue(), sliderBase.length - 1)]);
        } finally {
            updating = false;
        }
        renderSlider();
    }

    private int indexInShown(int original) {
        if (shown < 0 || frames.get(shown).samples() == null) return original;
        int[] keep = keptIndices(frames.get(shown));
        for (int j = 0; j < keep.length; j++) if (keep[j] == original) return j;
        return -1;
    }

    private void updateSliderLabel() {
        if (sliderBase != null && selectedClass() >= 0) { sliderLabel = selectedClass(); renderSlider(); }
    }

    private static String sliderText(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    /** Sets slider {@code k} to the number typed into {@code entry}; anything else is named and changes nothing. */
    private void enterSliderValue(int k, TextField entry) {
        Slider s = values.get(k);
        String text = entry.getText().trim();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            sliderInfo.setText(String.format(Locale.ROOT, "z[%d]: '%s' is not a number; type one from %s to %s",
                    dims.get(k).getValue(), text, sliderText(s.getMin()), sliderText(s.getMax())));
            entry.setText(sliderText(s.getValue()));
            return;
        }
        double clamped = Math.max(s.getMin(), Math.min(s.getMax(), v));
        if (clamped == s.getValue()) entry.setText(sliderText(clamped));
        else s.setValue(clamped); // its listener shows the value and re-renders
    }

    private void resetSlider(int k) {
        if (sliderBase == null) return;
        updating = true;
        values.get(k).setValue(sliderBase[Math.min(dims.get(k).getValue(), sliderBase.length - 1)]);
        updating = false;
    }

    private float[] sliderVector() {
        float[] z = sliderBase.clone();
        for (int k = 0; k < SLIDERS; k++) {
            int d = dims.get(k).getValue();
            if (d >= 0 && d < z.length) z[d] = (float) values.get(k).getValue();
        }
        return z;
    }

    /**
     * Re-renders the selected sample with the sliders' values: on the renderer thread, newest request wins. Only while
     * the sliders tab is showing, so an epoch ending does not also load a new G on another core behind the user's back.
     */
    void renderSlider() { renderSlider(false); }

    private void renderSlider(boolean move) {
        if (sliderBase == null || config == null || renderer.snapshot() == null || !slidersShowing()) return;
        float[] z = sliderVector();
        long[] label = config.conditional() ? new long[] {sliderLabel} : null;
        long requested = System.nanoTime();
        int[] s = spec.sampleShape();
        renderer.submit("slider", g -> {
            float[] out = g.generate(z, label, 1);
            BufferedImage bi = new SampleGrid(1, 0, SampleGrid.DEFAULT_BACKGROUND, 1).render(new ImageBatch(out, 1, s[0], s[1], s[2]));
            return FxImages.of(bi);
        }, r -> Fx.run(() -> {
            sliderImage.setImage(r.value());
            long total = System.nanoTime() - requested;
            sliderTimings.add(new SliderTiming(move, requested, total, r.waitNanos(), r.loadNanos(), r.nanos()));
            sliderRenders++;
            sliderInfo.setText(String.format(Locale.ROOT, "G of epoch %d · rendered in %.1f ms (%.1f ms end to end)",
                    r.epoch(), r.nanos() / 1e6, total / 1e6));
        }), m -> Fx.run(() -> sliderInfo.setText(m)));
    }

    private void pickEndpoint(boolean a) {
        if (fixed == null || config.oneDimensional()) return;
        int i = grid.selected() < 0 ? -1 : originalIndex(grid.selected());
        if (i < 0) { model.showError("select a sample in the grid first"); return; }
        if (a) { za = fixedVector(i); aInfo.setText("A: sample " + (i + 1)); }
        else { zb = fixedVector(i); bInfo.setText("B: sample " + (i + 1)); }
    }

    /** A rendered strip: the picture (exported as PNG) and the same pixels ready to show. */
    private record StripPicture(BufferedImage picture, Image shown) {}

    void renderStrip() {
        if (config == null || config.oneDimensional()) return;
        if (renderer.snapshot() == null) { stripInfo.setText("no generator yet: train at least one epoch, or open a run"); return; }
        float[] a, b;
        try {
            a = za != null ? za : seeded(seedA.getText());
            b = zb != null ? zb : seeded(seedB.getText());
        } catch (IllegalArgumentException e) {
            stripInfo.setText(e.getMessage());
            return;
        }
        int n = steps.getValue();
        boolean spherical = slerp.isSelected();
        String psiNote = (za == null || zb == null) && !truncation.getText().isBlank() ? ", ψ " + truncation.getText().trim() : "";
        float[][] path = LatentMath.path(a, b, n, spherical);
        lastPath = List.of(path);
        long label = selectedClass() >= 0 ? selectedClass() : (grid.selected() >= 0 ? fixedLabel(originalIndex(grid.selected())) : 0);
        int[] s = spec.sampleShape();
        renderer.submit("strip", g -> {
            BufferedImage bi = stripImage(g, path, label, s);
            return new StripPicture(bi, FxImages.of(bi));
        }, r -> Fx.run(() -> {
            lastStrip = r.value().picture();
            strip.setImage(r.value().shown());
            stripInfo.setText(String.format(Locale.ROOT, "%d steps, %s%s, G of epoch %d, %.1f ms", n, spherical ? "slerp" : "lerp",
                    psiNote, r.epoch(), r.nanos() / 1e6));
        }), m -> Fx.run(() -> stripInfo.setText(m)));
    }

    private float[] generate(TrainedGenerator g, float[][] zs, long label) {
        int dim = zs[0].length;
        float[] z = new float[zs.length * dim];
        for (int i = 0; i < zs.length; i++) System.arraycopy(zs[i], 0, z, i * dim, dim);
        long[] labels = null;
        if (config.conditional()) { labels = new long[zs.length]; java.util.Arrays.fill(labels, label); }
        return g.generate(z, labels, zs.length);
    }

    private BufferedImage stripImage(TrainedGenerator g, float[][] path, long label, int[] s) {
        float[] out = generate(g, path, label);
        return new SampleGrid(path.length, PAD, SampleGrid.DEFAULT_BACKGROUND, s[1] <= 32 ? 2 : 1).renderStrip(new ImageBatch(out, path.length, s[0], s[1], s[2]));
    }

    // ---- exports -------------------------------------------------------------------------------------------

    private BufferedImage frameImage(EpochFrame f) throws IOException {
        if (f.oneD() != null) {
            OneDView v = f.oneD();
            return HistogramChart.render(config.name() + " — epoch " + f.epoch(), HistogramChart.standardSeries(
                    OneDView.toDouble(v.real()), OneDView.toDouble(v.generated()), OneDView.toDouble(v.noise())), 60, v.curveX(), v.curveY(), 800, 420,
                    v.transfer());
        }
        if (f.samples() != null) {
            int[] s = spec.sampleShape();
            return new SampleGrid(config.samples().columns(), PAD, SampleGrid.DEFAULT_BACKGROUND, config.samples().scale())
                    .render(new ImageBatch(f.samples(), f.count(), s[0], s[1], s[2]));
        }
        BufferedImage img = ImageIO.read(f.png().toFile());
        if (img == null) throw new IOException(f.png() + " is not a readable image");
        return img;
    }

    void exportFramePng() {
        if (shown < 0) { model.showError("nothing to export yet: train at least one epoch"); return; }
        EpochFrame f = frames.get(shown);
        Path out = exports.target(String.format("%s-epoch-%04d", config.name(), f.epoch()), "png");
        if (out == null) return;
        exports.run("grid PNG", () -> { PngExport.write(frameImage(f), out); return out; });
    }

    /** GIF of every epoch's grid (or histogram), in order. */
    void exportProgressionGif() {
        exportProgressionGif(null);
    }

    void exportProgressionGif(BiConsumer<Path, Integer> done) {
        if (frames.isEmpty()) { model.showError("nothing to export yet: train at least one epoch"); return; }
        List<EpochFrame> copy = List.copyOf(frames);
        Path out = exports.target(config.name() + "-progression", "gif");
        if (out == null) return;
        exports.run("progression GIF (" + copy.size() + " frames)", () -> {
            List<BufferedImage> imgs = new ArrayList<>();
            for (EpochFrame f : copy) imgs.add(frameImage(f));
            GifExport.write(GifExport.onCommonCanvas(imgs), out, 400, true);
            if (done != null) done.accept(out, copy.size());
            return out;
        });
    }

    void exportStripPng() {
        if (lastStrip == null) { model.showError("render an interpolation strip first"); return; }
        BufferedImage img = lastStrip;
        Path out = exports.target(config.name() + "-interpolation", "png");
        if (out == null) return;
        exports.run("strip PNG", () -> { PngExport.write(img, out); return out; });
    }

    void exportInterpolationGif() {
        if (lastPath.isEmpty()) { model.showError("render an interpolation strip first"); return; }
        float[][] path = lastPath.toArray(new float[0][]);
        long label = selectedClass() >= 0 ? selectedClass() : 0;
        Path out = exports.target(config.name() + "-interpolation", "gif");
        if (out == null) return;
        walkGif(path, label, out, "interpolation GIF");
    }

    void exportSliderWalkGif() {
        if (sliderBase == null) { model.showError("select a sample in the grid first"); return; }
        int d = dims.get(0).getValue();
        Slider s0 = values.get(0);
        int n = 24;
        float[][] path = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] z = sliderVector();
            z[d] = (float) (s0.getMin() + (s0.getMax() - s0.getMin()) * i / (n - 1));
            path[i] = z;
        }
        Path out = exports.target(config.name() + "-walk-z" + d, "gif");
        if (out == null) return;
        walkGif(path, sliderLabel, out, "slider walk GIF");
    }

    private void walkGif(float[][] path, long label, Path out, String what) {
        int[] s = spec.sampleShape();
        renderer.submit("export", g -> {
            float[] vals = generate(g, path, label);
            int size = spec.sampleSize();
            List<BufferedImage> imgs = new ArrayList<>();
            int scale = Math.max(1, 128 / Math.max(s[1], s[2]));
            for (int i = 0; i < path.length; i++) {
                float[] one = new float[size];
                System.arraycopy(vals, i * size, one, 0, size);
                imgs.add(new SampleGrid(1, 0, SampleGrid.DEFAULT_BACKGROUND, scale).render(new ImageBatch(one, 1, s[0], s[1], s[2])));
            }
            GifExport.write(imgs, out, 120, true);
            return out;
        }, r -> Fx.run(() -> model.setStatus("Exported " + what + " to " + r.value())),
                m -> Fx.run(() -> model.showError("Export failed: " + m)));
    }
}
