package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.LatentConfig;
import dev.ganstudio.core.config.LossKind;
import dev.ganstudio.core.config.OptimizerConfig;
import dev.ganstudio.core.config.SampleConfig;
import dev.ganstudio.core.config.TrainingConfig;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The hyper-parameters as a property sheet; a value the engine would refuse is shown with its reason and not applied. */
final class HyperParameterSheet extends VBox {
    private final StudioModel model;
    private final TextField name = tf("name"), seed = tf("seed"), latentDim = tf("latentDim"), latentScale = tf("latentScale"),
            batch = tf("batchSize"), epochs = tf("epochs"), ipe = tf("iterationsPerEpoch"), k = tf("dSteps"), n = tf("gSteps"),
            lrG = tf("lrG"), b1G = tf("beta1G"), b2G = tf("beta2G"), lrD = tf("lrD"), b1D = tf("beta1D"), b2D = tf("beta2D"),
            smoothing = tf("labelSmoothing"), ema = tf("emaBeta"), sampleCount = tf("sampleCount"), sampleColumns = tf("sampleColumns");
    private final ComboBox<String> latentDist = new ComboBox<>(FXCollections.observableArrayList("normal", "uniform"));
    private final ComboBox<String> loss = new ComboBox<>(FXCollections.observableArrayList(
            Arrays.stream(LossKind.values()).map(LossKind::configName).toList()));
    private final ComboBox<String> decay = new ComboBox<>(FXCollections.observableArrayList("none", "linear"));
    private final Label error = new Label();
    private final List<Control> all = new ArrayList<>();
    private boolean updating;

    HyperParameterSheet(StudioModel model) {
        this.model = model;
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(3);
        g.setPadding(new Insets(4));
        ColumnConstraints l1 = new ColumnConstraints(), f1 = new ColumnConstraints(), l2 = new ColumnConstraints(), f2 = new ColumnConstraints();
        f1.setHgrow(Priority.ALWAYS);
        f2.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(l1, f1, l2, f2);
        latentDist.setId("latentDistribution");
        loss.setId("loss");
        decay.setId("lrDecay");
        int r = 0;
        row(g, r++, "Experiment", name, "Seed", seed);
        row(g, r++, "Latent size", latentDim, "Latent dist.", latentDist);
        row(g, r++, "Latent scale", latentScale, "Loss", loss);
        row(g, r++, "Batch size", batch, "Epochs", epochs);
        row(g, r++, "k D-steps", k, "n G-steps", n);
        row(g, r++, "G learning rate", lrG, "D learning rate", lrD);
        row(g, r++, "G β1", b1G, "D β1", b1D);
        row(g, r++, "G β2", b2G, "D β2", b2D);
        row(g, r++, "Label smoothing", smoothing, "G EMA β", ema);
        row(g, r++, "LR decay", decay, "Iter./epoch (1-D)", ipe);
        row(g, r, "Grid samples", sampleCount, "Grid columns", sampleColumns);
        for (Control c : all) {
            if (c instanceof TextField t) {
                t.setOnAction(e -> apply());
                t.focusedProperty().addListener((o, was, now) -> { if (!now) apply(); });
            } else if (c instanceof ComboBox<?> cb) {
                cb.setOnAction(e -> apply());
            }
        }
        error.setId("hyperError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(scroll, error);
        model.configProperty().addListener((o, a, b) -> show(b));
    }

    private TextField tf(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(6);
        return t;
    }

    private void row(GridPane g, int r, String a, Control ca, String b, Control cb) {
        g.addRow(r, new Label(a), ca, new Label(b), cb);
        ca.setMaxWidth(Double.MAX_VALUE);
        cb.setMaxWidth(Double.MAX_VALUE);
        all.add(ca);
        all.add(cb);
    }

    private void show(ExperimentConfig c) {
        if (c == null) return;
        updating = true;
        try {
            set(name, c.name());
            set(seed, String.valueOf(c.seed()));
            set(latentDim, String.valueOf(c.latent().dim()));
            set(latentScale, num(c.latent().scale()));
            latentDist.setValue(c.latent().distribution());
            TrainingConfig t = c.training();
            loss.setValue(t.loss().configName());
            set(batch, String.valueOf(t.batchSize()));
            set(epochs, String.valueOf(t.epochs()));
            set(ipe, String.valueOf(t.iterationsPerEpoch()));
            set(k, String.valueOf(t.dSteps()));
            set(n, String.valueOf(t.gSteps()));
            set(lrG, num(t.generator().lr()));
            set(b1G, num(t.generator().beta1()));
            set(b2G, num(t.generator().beta2()));
            set(lrD, num(t.discriminator().lr()));
            set(b1D, num(t.discriminator().beta1()));
            set(b2D, num(t.discriminator().beta2()));
            set(smoothing, num(t.labelSmoothing()));
            set(ema, num(t.emaBeta()));
            decay.setValue(t.lrDecay());
            set(sampleCount, String.valueOf(c.samples().count()));
            set(sampleColumns, String.valueOf(c.samples().columns()));
            ipe.setDisable(!c.oneDimensional());
        } finally {
            updating = false;
        }
    }

    private static void set(TextField f, String v) {
        if (!f.isFocused() || f.getText().isEmpty()) f.setText(v);
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s.replaceAll("\\.?0+e", "e");
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", ".0") : s;
    }

    /** Builds a new config from every field; on a bad value shows why and keeps the current config. */
    void apply() {
        if (updating || model.config() == null) return;
        ExperimentConfig c = model.config();
        for (Control x : all) x.getStyleClass().remove("invalid");
        Control at = null;
        try {
            at = latentDim;
            LatentConfig latent = new LatentConfig(i(latentDim, "latent size"), latentDist.getValue(), d(latentScale, "latent scale"));
            at = batch;
            TrainingConfig t0 = c.training();
            at = lrG;
            OptimizerConfig og = new OptimizerConfig(d(lrG, "G learning rate"), d(b1G, "G β1"), d(b2G, "G β2"));
            at = lrD;
            OptimizerConfig od = new OptimizerConfig(d(lrD, "D learning rate"), d(b1D, "D β1"), d(b2D, "D β2"));
            at = batch;
            TrainingConfig t = new TrainingConfig(i(epochs, "epochs"), i(batch, "batch size"), LossKind.fromConfig(loss.getValue()),
                    i(k, "k D-steps"), i(n, "n G-steps"), d(smoothing, "label smoothing"), t0.clipValue(), og, od,
                    i(ipe, "iterations per epoch"), d(ema, "EMA β"), decay.getValue());
            at = sampleCount;
            SampleConfig s = new SampleConfig(i(sampleCount, "grid samples"), i(sampleColumns, "grid columns"), c.samples().scale());
            at = seed;
            long sd;
            try {
                sd = Long.parseLong(seed.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed must be a whole number, got '" + seed.getText() + "'");
            }
            at = name;
            ExperimentConfig next = new ExperimentConfig(name.getText().trim(), c.description(), sd, c.data(), latent,
                    c.generator(), c.discriminator(), t, s);
            error.setText("");
            if (!ConfigsEqual.same(next, c)) model.setConfig(next);
        } catch (IllegalArgumentException e) {
            if (at != null) at.getStyleClass().add("invalid");
            error.setText(e.getMessage());
            model.showError("Hyper-parameter: " + e.getMessage());
        }
    }

    private static int i(TextField f, String what) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + f.getText().trim() + "'");
        }
    }

    private static double d(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + f.getText().trim() + "'");
        }
    }
}
