package dev.ganstudio.app;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.DataSourceConfig;
import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The studio's view-model: the experiment being edited, the loaded data, the architecture report, and the messages
 * the user sees. FX thread only; slow work (loading data, saving) goes to a background worker and comes back with
 * {@code Platform.runLater}.
 */
public final class StudioModel {
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>();
    private final ObjectProperty<DatasetInfo> dataset = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ArchitectureReport> report = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty datasetError = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> loadingData = new SimpleObjectProperty<>(false);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(BackgroundPriority.Level.HELPER);
            r.run();
        }, "studio-worker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong dataRequest = new AtomicLong();

    public StudioModel() {
        config.addListener((o, a, b) -> revalidate());
        dataset.addListener((o, a, b) -> revalidate());
    }

    public ObjectProperty<ExperimentConfig> configProperty() { return config; }

    public ExperimentConfig config() { return config.get(); }

    public ObjectProperty<DatasetInfo> datasetProperty() { return dataset; }

    public DatasetInfo dataset() { return dataset.get(); }

    public ReadOnlyObjectProperty<ArchitectureReport> reportProperty() { return report.getReadOnlyProperty(); }

    public ArchitectureReport report() { return report.get(); }

    public StringProperty statusProperty() { return status; }

    public StringProperty errorProperty() { return error; }

    public StringProperty datasetErrorProperty() { return datasetError; }

    public ObjectProperty<Boolean> loadingDataProperty() { return loadingData; }

    public ExecutorService worker() { return worker; }

    /** The data spec the networks see, when the data matches the config's source. */
    public DataSpec spec() {
        DatasetInfo d = dataset.get();
        return d == null ? null : d.spec();
    }

    public void setStatus(String s) { status.set(s); }

    /** Shows an error where the user looks (status bar and banner); never a stack trace. */
    public void showError(String message) {
        error.set(message);
        status.set(message);
    }

    public void clearError() { error.set(""); }

    public void setConfig(ExperimentConfig c) {
        config.set(c);
        rememberLater(c);
    }

    private void revalidate() {
        ExperimentConfig c = config.get();
        if (c == null) return;
        DatasetInfo d = dataset.get();
        boolean matches = d != null && sameSourceKind(d.source(), c.data());
        report.set(ArchitectureReport.of(c, matches ? d.withSource(c.data()).spec() : null));
    }

    private static boolean sameSourceKind(DataSourceConfig a, DataSourceConfig b) {
        return (a instanceof DistributionSource) == (b instanceof DistributionSource);
    }

    /**
     * Loads {@code source} in the background; on success the config takes it as its data, and when {@code fit} is set
     * and the networks do not fit the new data, the current template is fitted to it.
     */
    public void loadData(DataSourceConfig source, boolean fit) {
        long id = dataRequest.incrementAndGet();
        loadingData.set(true);
        datasetError.set("");
        setStatus("loading " + source.describe() + "…");
        worker.execute(() -> {
            try {
                DatasetInfo info = DatasetLoader.load(source);
                HeapHeadroom.adjustAfterLoad();
                Fx.run(() -> {
                    if (id != dataRequest.get()) return;
                    loadingData.set(false);
                    applyData(info, fit);
                });
            } catch (Throwable e) {
                String m = Fx.message(e);
                Fx.run(() -> {
                    if (id != dataRequest.get()) return;
                    loadingData.set(false);
                    datasetError.set(m);
                    showError("Cannot use this data: " + m);
                });
            }
        });
    }

    private void applyData(DatasetInfo info, boolean fit) {
        ExperimentConfig c = config.get().withData(info.source());
        DataSpec spec = info.spec();
        if (fit) {
            boolean kindChanged = config.get().oneDimensional() != info.oneDimensional();
            if (kindChanged || !ArchitectureReport.of(c, spec).ok()) {
                Templates t = info.oneDimensional() ? Templates.ONE_D
                        : kindChanged ? Templates.MLP : Templates.guess(c);
                try {
                    c = t.apply(c, spec, kindChanged);
                } catch (Exception e) {
                    // keep the networks; the editor shows why they do not fit
                }
            }
        }
        dataset.set(info);
        setConfig(c);
        clearError();
        setStatus("data: " + info.title() + (info.images() != null
                ? " — " + info.images().size() + " images, " + info.images().channels() + "×" + info.images().height() + "×" + info.images().width()
                : ""));
    }

    /** Changes only the class filter / parameters of the current data without reloading images. */
    public void updateSource(DataSourceConfig source) {
        DatasetInfo d = dataset.get();
        if (d != null && d.images() != null) dataset.set(d.withSource(source));
        setConfig(config.get().withData(source));
    }

    private void rememberLater(ExperimentConfig c) {
        worker.execute(() -> {
            try {
                Path f = AppPaths.lastExperiment();
                Files.createDirectories(f.getParent());
                ConfigIO.save(c, f);
            } catch (Exception ignored) {
                // remembering is a convenience; never bother the user with it
            }
        });
    }

    public void shutdown() { worker.shutdownNow(); }
}
