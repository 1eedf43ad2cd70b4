package dev.ganstudio.app;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.NetworkConfig;
import dev.ganstudio.core.config.layer.LayerSpec;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One network (G or D) as an editable table: type, units/filters, kernel, stride, padding and setting (activation,
 * dropout rate, …) per layer, with the output shape and parameter count of every row; add, remove and reorder.
 */
final class LayerTable extends VBox {
    private final StudioModel model;
    private final boolean generator;
    private final TableView<ArchitectureReport.Row> table = new TableView<>();
    private final Label input = new Label();
    private final Label total = new Label();
    private final ComboBox<String> addType = new ComboBox<>(FXCollections.observableArrayList(LayerEdits.TYPES));

    LayerTable(StudioModel model, boolean generator) {
        this.model = model;
        this.generator = generator;
        String who = generator ? "generator" : "discriminator";
        setSpacing(4);
        setPadding(new Insets(4));
        table.setId(who + "Table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no layers"));

        TableColumn<ArchitectureReport.Row, Number> idx = new TableColumn<>("#");
        idx.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index()));
        idx.setPrefWidth(28);
        idx.setMaxWidth(34);
        idx.setEditable(false);

        TableColumn<ArchitectureReport.Row, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().layer().typeName()));
        type.setCellFactory(ComboBoxTableCell.forTableColumn(FXCollections.observableArrayList(LayerEdits.TYPES)));
        type.setOnEditCommit(e -> replace(e.getRowValue().index() - 1, l -> l.typeName().equals(e.getNewValue()) ? l : LayerEdits.defaultFor(e.getNewValue())));
        type.setPrefWidth(92);

        TableColumn<ArchitectureReport.Row, String> size = textColumn("Units", "size-cell", 70,
                r -> LayerEdits.size(r.layer()), LayerEdits::hasSize, LayerEdits::withSize);
        TableColumn<ArchitectureReport.Row, String> kernel = textColumn("K", "kernel-cell", 30,
                r -> LayerEdits.kernel(r.layer()), l -> !LayerEdits.kernel(l).isEmpty(), (l, t) -> LayerEdits.withConv(l, "kernel", t));
        TableColumn<ArchitectureReport.Row, String> stride = textColumn("S", "stride-cell", 30,
                r -> LayerEdits.stride(r.layer()), l -> !LayerEdits.stride(l).isEmpty(), (l, t) -> LayerEdits.withConv(l, "stride", t));
        TableColumn<ArchitectureReport.Row, String> pad = textColumn("P", "pad-cell", 30,
                r -> LayerEdits.padding(r.layer()), l -> !LayerEdits.padding(l).isEmpty(), (l, t) -> LayerEdits.withConv(l, "padding", t));
        TableColumn<ArchitectureReport.Row, String> setting = textColumn("Setting", "setting-cell", 100,
                r -> LayerEdits.setting(r.layer()), LayerEdits::hasSetting, LayerEdits::withSetting);

        TableColumn<ArchitectureReport.Row, ArchitectureReport.Row> out = new TableColumn<>("Output");
        out.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        out.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(ArchitectureReport.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("shape-error");
                if (empty || r == null) { setText(null); setTooltip(null); return; }
                setText(r.problem() == null ? r.output() : "✖ " + r.problem());
                setTooltip(r.problem() == null ? null : new Tooltip(r.problem()));
                if (r.problem() != null) getStyleClass().add("shape-error");
            }
        });
        out.setPrefWidth(80);
        out.setEditable(false);

        TableColumn<ArchitectureReport.Row, String> params = new TableColumn<>("Params");
        params.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format("%,d", c.getValue().params())));
        params.setCellFactory(c -> {
            TableCell<ArchitectureReport.Row, String> cell = new TableCell<>() {
                @Override protected void updateItem(String s, boolean empty) {
                    super.updateItem(s, empty);
                    setText(empty ? null : s);
                }
            };
            cell.setAlignment(Pos.CENTER_RIGHT);
            cell.getStyleClass().add("params-cell");
            return cell;
        });
        params.setPrefWidth(72);
        params.setEditable(false);

        table.getColumns().addAll(List.of(idx, type, size, kernel, stride, pad, setting, out, params));
        for (TableColumn<?, ?> c : table.getColumns()) c.setSortable(false);

        addType.setValue("dense");
        addType.setId(who + "AddType");
        Button add = new Button("Add");
        add.setId(who + "Add");
        add.setOnAction(e -> insert(LayerEdits.defaultFor(addType.getValue())));
        Button remove = new Button("Remove");
        remove.setId(who + "Remove");
        remove.setOnAction(e -> removeSelected());
        Button up = new Button("▲");
        up.setTooltip(new Tooltip("move the selected layer up"));
        up.setOnAction(e -> move(-1));
        Button down = new Button("▼");
        down.setTooltip(new Tooltip("move the selected layer down"));
        down.setOnAction(e -> move(1));
        total.setId(who + "Total");
        total.getStyleClass().add("total");
        for (Button b : List.of(add, remove, up, down)) b.setMinWidth(Region.USE_PREF_SIZE); // never "A…"
        addType.setMinWidth(90);
        total.setMinWidth(0);
        HBox buttons = new HBox(4, addType, add, remove, up, down, new Label("  "), total);
        buttons.setAlignment(Pos.CENTER_LEFT);
        input.getStyleClass().add("hint");
        VBox.setVgrow(table, Priority.ALWAYS);
        Label legend = new Label("K kernel · S stride · P padding — double-click a cell to edit, Enter to apply");
        legend.getStyleClass().add("hint");
        getChildren().addAll(table, buttons, legend);
        model.reportProperty().addListener((o, a, b) -> show(b));
    }

    TableView<ArchitectureReport.Row> table() { return table; }

    private TableColumn<ArchitectureReport.Row, String> textColumn(String title, String style, double width,
            Function<ArchitectureReport.Row, String> value, Predicate<LayerSpec> editable,
            BiFunction<LayerSpec, String, LayerSpec> edit) {
        TableColumn<ArchitectureReport.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setCellFactory(col -> {
            TextFieldTableCell<ArchitectureReport.Row, String> cell = new TextFieldTableCell<>(new javafx.util.converter.DefaultStringConverter()) {
                @Override public void startEdit() {
                    ArchitectureReport.Row r = getTableRow() == null ? null : getTableRow().getItem();
                    if (r != null && editable.test(r.layer())) super.startEdit();
                }
            };
            cell.getStyleClass().add(style);
            return cell;
        });
        c.setOnEditCommit(e -> replace(e.getRowValue().index() - 1, l -> edit.apply(l, e.getNewValue())));
        c.setPrefWidth(width);
        return c;
    }

    private NetworkConfig network() {
        ExperimentConfig c = model.config();
        return generator ? c.generator() : c.discriminator();
    }

    private void setLayers(List<LayerSpec> layers) {
        ExperimentConfig c = model.config();
        NetworkConfig n = network().withLayers(layers);
        model.setConfig(generator ? c.withNetworks(n, c.discriminator()) : c.withNetworks(c.generator(), n));
    }

    /** Replaces layer {@code i} with {@code f(layer)}; a bad value shows its reason and changes nothing. */
    void replace(int i, Function<LayerSpec, LayerSpec> f) {
        try {
            List<LayerSpec> layers = new ArrayList<>(network().layers());
            layers.set(i, f.apply(layers.get(i)));
            model.clearError();
            setLayers(layers);
            table.getSelectionModel().select(i);
        } catch (IllegalArgumentException e) {
            model.showError((generator ? "G" : "D") + " layer " + (i + 1) + ": " + e.getMessage());
            table.refresh();
        }
    }

    private void insert(LayerSpec l) {
        List<LayerSpec> layers = new ArrayList<>(network().layers());
        int at = table.getSelectionModel().getSelectedIndex();
        at = at < 0 ? layers.size() : at + 1;
        layers.add(at, l);
        setLayers(layers);
        table.getSelectionModel().select(at);
    }

    private void removeSelected() {
        int i = table.getSelectionModel().getSelectedIndex();
        List<LayerSpec> layers = new ArrayList<>(network().layers());
        if (i < 0) { model.showError("select a layer to remove"); return; }
        if (layers.size() == 1) { model.showError("a network needs at least one layer"); return; }
        layers.remove(i);
        setLayers(layers);
        table.getSelectionModel().select(Math.min(i, layers.size() - 1));
    }

    private void move(int delta) {
        int i = table.getSelectionModel().getSelectedIndex();
        List<LayerSpec> layers = new ArrayList<>(network().layers());
        int j = i + delta;
        if (i < 0 || j < 0 || j >= layers.size()) return;
        LayerSpec t = layers.get(i);
        layers.set(i, layers.get(j));
        layers.set(j, t);
        setLayers(layers);
        table.getSelectionModel().select(j);
    }

    private void show(ArchitectureReport r) {
        if (r == null) return;
        int sel = table.getSelectionModel().getSelectedIndex();
        table.getItems().setAll(generator ? r.generator() : r.discriminator());
        if (sel >= 0 && sel < table.getItems().size()) table.getSelectionModel().select(sel);
        long p = generator ? r.generatorParams() : r.discriminatorParams();
        total.setText(String.format("total %,d params", p));
        input.setText("input " + (generator ? r.generatorInput() : r.discriminatorInput())
                + (generator ? "  →  must end at the data's shape" : "  →  must end at 1 (a score)"));
    }
}
