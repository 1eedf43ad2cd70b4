package dev.ganstudio.app;

import dev.ganstudio.core.config.DataSourceConfig;
import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.data.BuiltinDatasets;
import dev.ganstudio.core.data.Distribution1D;
import dev.ganstudio.core.data.GaussianDistribution;
import dev.ganstudio.core.data.MixtureComponent;
import dev.ganstudio.core.data.MixtureDistribution;
import dev.ganstudio.core.data.UniformDistribution;
import dev.ganstudio.core.data.SkippedFile;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Dataset panel: built-in data (1-D distributions with editable parameters, bundled digits, Fashion-MNIST when
 * installed), folders opened or dropped, a preview of real samples, the class list with checkboxes and counts, and
 * the files the loader skipped with their reasons.
 */
final class DatasetPanel extends VBox {
    static final String GAUSSIAN = "1-D Gaussian", MIXTURE = "1-D Gaussian mixture", UNIFORM = "1-D uniform",
            DIGITS = "MNIST digits (bundled)", FASHION = "Fashion-MNIST";

    private final StudioModel model;
    private final ComboBox<String> source = new ComboBox<>();
    private final GridPane params = new GridPane();
    private final TextField mean = field("4.0"), std = field("1.25"), components = field("1,-2,0.5; 1,2,0.5"),
            low = field("-1"), high = field("1"), length = field("100");
    private final ComboBox<String> size = new ComboBox<>(FXCollections.observableArrayList("native", "28", "32", "64"));
    private final ComboBox<String> channels = new ComboBox<>(FXCollections.observableArrayList("native", "gray", "RGB"));
    private final Label info = new Label();
    private final Label error = new Label();
    private final ImageView preview = new ImageView();
    private final HistogramView histogram = new HistogramView();
    private final ListView<Integer> classes = new ListView<>();
    private final ListView<String> skipped = new ListView<>();
    private final TitledPane skippedPane = new TitledPane("Skipped files", skipped);
    private final HBox imageOptions;
    private VBox classBox;
    private boolean updating;

    DatasetPanel(StudioModel model, Consumer<List<File>> onFiles) {
        this.model = model;
        getStyleClass().add("panel");
        setSpacing(6);
        setPadding(new Insets(6));
        Label header = new Label("Dataset");
        header.getStyleClass().add("panel-title");

        source.setId("datasetSource");
        source.getItems().addAll(GAUSSIAN, MIXTURE, UNIFORM, DIGITS);
        if (BuiltinDatasets.fashionMnistAvailable()) source.getItems().add(FASHION);
        source.setMaxWidth(Double.MAX_VALUE);
        source.setOnAction(e -> { if (!updating) pickBuiltin(source.getValue()); });
        Button open = new Button("Open folder…");
        open.setId("openFolder");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a dataset folder (image classes, IDX files or CIFAR-10 binaries)");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) onFiles.accept(List.of(dir));
        });
        Label drop = new Label("or drop one on the window");
        drop.getStyleClass().add("hint");
        HBox openRow = new HBox(6, open, drop);
        openRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        params.setHgap(6);
        params.setVgap(4);
        for (int i = 0; i < 4; i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            if (i % 2 == 0) cc.setMinWidth(Region.USE_PREF_SIZE); else cc.setHgrow(Priority.ALWAYS);
            params.getColumnConstraints().add(cc);
        }
        for (TextField f : List.of(mean, std, components, low, high, length)) {
            f.setOnAction(e -> applyParams());
            f.focusedProperty().addListener((o, was, now) -> { if (!now) applyParams(); });
        }
        mean.setId("gaussMean");
        std.setId("gaussStd");
        components.setTooltip(new Tooltip("weight, mean, std of each component, separated by ';'"));

        size.setValue("native");
        channels.setValue("native");
        size.setOnAction(e -> { if (!updating) reloadImageOptions(); });
        channels.setOnAction(e -> { if (!updating) reloadImageOptions(); });
        imageOptions = new HBox(4, new Label("Size"), size, new Label("Ch."), channels);
        size.setPrefWidth(84);
        channels.setPrefWidth(84);
        imageOptions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        info.setId("datasetInfo");
        info.setWrapText(true);
        error.setId("datasetError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.datasetErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());

        preview.setPreserveRatio(true);
        preview.setSmooth(false);
        preview.setId("datasetPreview");
        StackPane previewBox = new StackPane(preview, histogram);
        previewBox.getStyleClass().add("preview-box");
        previewBox.setMinHeight(110);
        previewBox.setPrefHeight(170);
        VBox.setVgrow(previewBox, Priority.SOMETIMES);
        preview.fitWidthProperty().bind(previewBox.widthProperty().subtract(8));
        preview.fitHeightProperty().bind(previewBox.heightProperty().subtract(8));

        classes.setId("classList");
        classes.setCellFactory(v -> new ClassCell());
        classes.setPrefHeight(150);
        classes.setMinHeight(60);
        Button all = new Button("All"), none = new Button("First");
        all.setOnAction(e -> setClasses(List.of()));
        none.setOnAction(e -> {
            DatasetInfo d = model.dataset();
            if (d != null && !d.classNames().isEmpty()) setClasses(List.of(d.classNames().get(0)));
        });
        Label classLabel = new Label("Classes to train on");
        HBox classHeader = new HBox(6, classLabel, all, none);
        classHeader.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        skipped.setId("skippedList");
        skipped.setPrefHeight(90);
        skippedPane.setExpanded(false);
        skippedPane.setId("skippedPane");

        VBox.setVgrow(classes, Priority.ALWAYS);
        classBox = new VBox(4, classHeader, classes);
        VBox.setVgrow(classes, Priority.ALWAYS);
        VBox.setVgrow(classBox, Priority.ALWAYS);
        getChildren().addAll(header, source, openRow, params, imageOptions, info, error, previewBox, classBox, skippedPane);

        model.datasetProperty().addListener((o, a, b) -> showDataset(b));
        model.configProperty().addListener((o, a, b) -> { if (b != null) showSource(b.data()); });
        model.loadingDataProperty().addListener((o, a, b) -> { if (b) info.setText("loading…"); });
    }

    private static TextField field(String text) {
        TextField f = new TextField(text);
        f.setPrefColumnCount(5);
        return f;
    }

    private void pickBuiltin(String name) {
        if (name == null || name.startsWith("Folder: ")) return;
        DataSourceConfig s = switch (name) {
            case GAUSSIAN -> DistributionSource.of(new GaussianDistribution(4.0, 1.25), 100);
            case MIXTURE -> DistributionSource.of(new MixtureDistribution(List.of(new MixtureComponent(1.0, -2.0, 0.5),
                    new MixtureComponent(1.0, 2.0, 0.5))), 100);
            case UNIFORM -> DistributionSource.of(new UniformDistribution(-1.0, 1.0), 100);
            case FASHION -> new ImageSource("fashion-mnist", null, null, null, null);
            default -> ImageSource.bundledDigits();
        };
        model.loadData(s, true);
    }

    /** Applies the edited distribution parameters. */
    private void applyParams() {
        if (updating || !(model.config().data() instanceof DistributionSource cur)) return;
        try {
            Distribution1D cd = cur.distribution();
            Distribution1D d = cd instanceof GaussianDistribution ? new GaussianDistribution(num(mean, "mean"), num(std, "std"))
                    : cd instanceof UniformDistribution ? new UniformDistribution(num(low, "low"), num(high, "high"))
                    : new MixtureDistribution(parseComponents(components.getText()));
            int n = (int) num(length, "values per sample");
            if (n < 2 || n > 10_000) throw new IllegalArgumentException("values per sample must be in [2, 10000], got " + n);
            DistributionSource next = DistributionSource.of(d, n);
            if (next.equals(cur)) return;
            model.loadData(next, true);
        } catch (IllegalArgumentException e) {
            model.datasetErrorProperty().set(e.getMessage());
        }
    }

    private static double num(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + f.getText() + "'");
        }
    }

    static List<MixtureComponent> parseComponents(String text) {
        List<MixtureComponent> out = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            String[] v = part.trim().split("[,\\s]+");
            if (v.length != 3) throw new IllegalArgumentException("each mixture component needs weight, mean, std; got '" + part.trim() + "'");
            try {
                out.add(new MixtureComponent(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mixture component '" + part.trim() + "' must be three numbers");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("a mixture needs at least one component (weight, mean, std)");
        return out;
    }

    private void reloadImageOptions() {
        if (!(model.config().data() instanceof ImageSource s)) return;
        Integer sz = size.getValue() == null || size.getValue().equals("native") ? null : Integer.valueOf(size.getValue());
        Integer ch = switch (channels.getValue() == null ? "native" : channels.getValue()) {
            case "gray" -> 1;
            case "RGB" -> 3;
            default -> null;
        };
        model.loadData(new ImageSource(s.type(), s.path(), sz, ch, s.classes()), true);
    }

    private void setClasses(List<String> keep) {
        if (model.config().data() instanceof ImageSource s) {
            model.updateSource(new ImageSource(s.type(), s.path(), s.imageSize(), s.channels(), keep));
            classes.refresh();
            updateInfo(model.dataset());
        }
    }

    private void toggleClass(String name, boolean on) {
        DatasetInfo d = model.dataset();
        if (d == null || !(model.config().data() instanceof ImageSource s)) return;
        List<String> kept = new ArrayList<>(s.classes().isEmpty() ? d.classNames() : s.classes());
        if (on && !kept.contains(name)) kept.add(name);
        if (!on) kept.remove(name);
        if (kept.isEmpty()) {
            model.datasetErrorProperty().set("keep at least one class");
            classes.refresh();
            return;
        }
        model.datasetErrorProperty().set("");
        List<String> ordered = d.classNames().stream().filter(kept::contains).toList();
        setClasses(ordered.size() == d.classNames().size() ? List.of() : ordered);
    }

    private void showSource(DataSourceConfig s) {
        updating = true;
        try {
            params.getChildren().clear();
            boolean oneD = s instanceof DistributionSource;
            params.setManaged(oneD);
            params.setVisible(oneD);
            imageOptions.setManaged(!oneD);
            imageOptions.setVisible(!oneD);
            classBox.setManaged(!oneD);
            classBox.setVisible(!oneD);
            skippedPane.setManaged(!oneD);
            skippedPane.setVisible(!oneD);
            if (s instanceof DistributionSource d) {
                length.setText(String.valueOf(d.length()));
                Distribution1D dist = d.distribution();
                if (dist instanceof GaussianDistribution g) {
                    source.setValue(GAUSSIAN);
                    mean.setText(fmt(g.mean()));
                    std.setText(fmt(g.std()));
                    params.addRow(0, new Label("Mean"), mean, new Label("Std"), std);
                } else if (dist instanceof UniformDistribution u) {
                    source.setValue(UNIFORM);
                    low.setText(fmt(u.low()));
                    high.setText(fmt(u.high()));
                    params.addRow(0, new Label("Low"), low, new Label("High"), high);
                } else if (dist instanceof MixtureDistribution m) {
                    source.setValue(MIXTURE);
                    components.setText(String.join("; ", m.components().stream()
                            .map(c -> fmt(c.weight()) + "," + fmt(c.mean()) + "," + fmt(c.std())).toList()));
                    params.add(new Label("w,mean,std;…"), 0, 0);
                    params.add(components, 1, 0, 3, 1);
                }
                params.add(new Label("Values per sample"), 0, 1, 2, 1);
                params.add(length, 2, 1, 2, 1);
            } else if (s instanceof ImageSource i) {
                String label = switch (i.type()) {
                    case "bundled-digits" -> DIGITS;
                    case "fashion-mnist" -> FASHION;
                    default -> "Folder: " + new File(i.path()).getName();
                };
                source.getItems().removeIf(x -> x.startsWith("Folder: ") && !x.equals(label));
                if (!source.getItems().contains(label)) source.getItems().add(label);
                source.setValue(label);
                size.setValue(i.imageSize() == null ? "native" : String.valueOf(i.imageSize()));
                channels.setValue(i.channels() == null ? "native" : i.channels() == 1 ? "gray" : "RGB");
            }
        } finally {
            updating = false;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(v);
    }

    private void showDataset(DatasetInfo d) {
        if (d == null) return;
        boolean oneD = d.oneDimensional();
        preview.setVisible(!oneD);
        histogram.setVisible(oneD);
        if (oneD) {
            preview.setImage(null);
            histogram.show("real samples", List.of(new HistogramView.Series("real", d.real(), HistogramView.REAL)), null, null);
        } else {
            preview.setImage(d.preview());
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < d.classNames().size(); i++) idx.add(i);
        classes.getItems().setAll(idx);
        List<String> sk = d.skipped().stream().map(SkippedFile::toString).toList();
        skipped.getItems().setAll(sk.isEmpty() ? List.of("(none)") : sk);
        skippedPane.setText("Skipped files (" + sk.size() + ")");
        updateInfo(d);
    }

    private void updateInfo(DatasetInfo d) {
        if (d == null) return;
        if (d.oneDimensional()) {
            DistributionSource s = (DistributionSource) model.config().data();
            info.setText(s.distribution().describe() + " · " + s.length() + " values per sample · endless");
        } else {
            var im = d.images();
            int kept = model.config().data() instanceof ImageSource ? new DatasetInfo(model.config().data(), d.title(), im, null, null, List.of()).keptImages() : im.size();
            info.setText(String.format(Locale.ROOT, "%s · %,d images (%,d used) · %d×%d · %s · %d classes", d.title(), im.size(), kept,
                    im.width(), im.height(), im.channels() == 1 ? "gray" : "RGB", im.numClasses()));
        }
    }

    private final class ClassCell extends ListCell<Integer> {
        private final CheckBox box = new CheckBox();

        ClassCell() {
            box.getStyleClass().add("class-check");
            box.setOnAction(e -> {
                DatasetInfo d = model.dataset();
                if (getItem() != null && d != null) toggleClass(d.classNames().get(getItem()), box.isSelected());
            });
        }

        @Override protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            DatasetInfo d = model.dataset();
            if (empty || item == null || d == null || item >= d.classNames().size()) {
                setGraphic(null);
                return;
            }
            String name = d.classNames().get(item);
            box.setText(String.format(Locale.ROOT, "%s  (%,d)", name, d.classCounts()[item]));
            List<String> kept = model.config().data() instanceof ImageSource s ? s.classes() : List.of();
            box.setSelected(kept.isEmpty() || kept.contains(name));
            setGraphic(box);
        }
    }
}
