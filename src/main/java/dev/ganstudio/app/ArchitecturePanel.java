package dev.ganstudio.app;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Architecture editor: a template picker, G and D as layer tables with live shapes and parameter counts, the
 * hyper-parameter sheet, and the first shape problem shown inline before Train.
 */
final class ArchitecturePanel extends VBox {
    private final StudioModel model;
    private final ComboBox<Templates> template = new ComboBox<>(FXCollections.observableArrayList(Templates.values()));
    private final Label totals = new Label();
    private final Label problem = new Label();
    private final LayerTable g;
    private final LayerTable d;
    private final TabPane tabs = new TabPane();
    private boolean updating;

    ArchitecturePanel(StudioModel model, Runnable save, Runnable open) {
        this.model = model;
        getStyleClass().add("panel");
        setSpacing(4);
        setPadding(new Insets(6));
        Label header = new Label("Architecture");
        header.getStyleClass().add("panel-title");
        template.setId("template");
        template.setOnAction(e -> { if (!updating) applyTemplate(); });
        Button saveB = new Button("Save experiment…");
        saveB.setOnAction(e -> save.run());
        Button openB = new Button("Open…");
        openB.setTooltip(new javafx.scene.control.Tooltip("open an experiment config (sample-configs format)"));
        openB.setOnAction(e -> open.run());
        totals.setId("architectureTotals");
        totals.getStyleClass().add("total");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        template.setTooltip(new javafx.scene.control.Tooltip("architecture template, fitted to the data's shape"));
        HBox top = new HBox(6, header, template, spacer, openB, saveB);
        top.setAlignment(Pos.CENTER_LEFT);
        header.setMinWidth(Region.USE_PREF_SIZE);
        openB.setMinWidth(Region.USE_PREF_SIZE);
        saveB.setMinWidth(Region.USE_PREF_SIZE);
        problem.setId("architectureError");
        problem.getStyleClass().addAll("banner", "error-banner");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());

        g = new LayerTable(model, true);
        d = new LayerTable(model, false);
        Tab gt = new Tab("Generator", g), dt = new Tab("Discriminator", d), ht = new Tab("Hyper-parameters", new HyperParameterSheet(model));
        gt.setId("generatorTab");
        dt.setId("discriminatorTab");
        ht.setId("hyperTab");
        tabs.getTabs().addAll(gt, dt, ht);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(top, totals, problem, tabs);
        model.reportProperty().addListener((o, a, r) -> {
            if (r == null) return;
            totals.setText("G " + ArchitectureReport.compact(r.generatorParams()) + " · D " + ArchitectureReport.compact(r.discriminatorParams())
                    + " parameters · G input " + r.generatorInput() + " · D input " + r.discriminatorInput());
            problem.setText(r.ok() ? "" : "⚠ " + r.error());
        });
        model.configProperty().addListener((o, a, c) -> {
            if (c == null) return;
            updating = true;
            template.setValue(Templates.guess(c));
            updating = false;
        });
    }

    LayerTable generatorTable() { return g; }

    LayerTable discriminatorTable() { return d; }

    TabPane tabs() { return tabs; }

    private void applyTemplate() {
        Templates t = template.getValue();
        if (t == null || model.config() == null) return;
        if (model.spec() == null) {
            model.showError("load data first: templates are fitted to the data's shape");
            return;
        }
        try {
            model.setConfig(t.apply(model.config(), model.spec(), t.oneDimensional() != model.config().oneDimensional()));
            model.clearError();
            model.setStatus("template " + t.label() + " fitted to " + dev.ganstudio.core.config.layer.LayerSpec.show(model.spec().sampleShape()));
        } catch (Exception e) {
            model.showError("Template: " + Fx.message(e));
            updating = true;
            template.setValue(Templates.guess(model.config()));
            updating = false;
        }
    }
}
