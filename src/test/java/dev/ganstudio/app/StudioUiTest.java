package dev.ganstudio.app;

import dev.ganstudio.core.export.GifExport;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.ganstudio.app.StudioTestSupport.dropFiles;
import static dev.ganstudio.app.StudioTestSupport.onFx;
import static dev.ganstudio.app.StudioTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real studio window headless (TestFX + Monocle): 1-D training with live charts and histograms, dropping
 * a dataset folder, editing a layer, training the MLP GAN until the grid refreshes, latent sliders, GIF export, and
 * errors a user can cause. Configs are tiny so the suite stays fast on a 2-core machine.
 */
class StudioUiTest extends FxRobot {
    @TempDir static Path tmp;
    private static Stage stage;
    private StudioApp app;
    private StudioView view;

    @BeforeAll
    static void toolkit() throws Exception {
        System.setProperty("ganstudio.home", tmp.resolve("home").toString());
        System.setProperty("ganstudio.runs", tmp.resolve("runs").toString());
        System.setProperty("ganstudio.exportDir", tmp.resolve("exports").toString());
        Files.createDirectories(tmp.resolve("exports"));
        stage = FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        Files.deleteIfExists(AppPaths.lastExperiment());
        app = (StudioApp) FxToolkit.setupApplication(StudioApp::new);
        view = StudioApp.lastView();
        onFx(() -> { stage.toFront(); stage.requestFocus(); return null; });
        waitUntil("the bundled digits are loaded", 120, () -> view.model.dataset() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void opensWithDigitsAndMlpGanReadyToTrain() {
        assertEquals("mnist-mlp-gan", onFx(() -> view.model.config().name()));
        assertTrue(onFx(() -> view.model.report().ok()));
        assertTrue(onFx(() -> stage.getTitle()).startsWith("GAN Studio"));
        assertFalse(onFx(() -> stage.getIcons().isEmpty()), "window icon");
        assertFalse(onFx(() -> view.training.train.isDisabled()));
        assertEquals(10, onFx(() -> view.model.spec().numClasses()));
    }

    @Test
    void oneDimensionalGaussianTrainsWithLiveChartsAndHistograms() {
        ComboBox<String> source = lookup("#datasetSource").queryComboBox();
        interact(() -> source.setValue(DatasetPanel.GAUSSIAN));
        waitUntil("1-D data loaded", 60, () -> view.model.dataset() != null && view.model.dataset().oneDimensional()
                && view.model.config().oneDimensional());
        setField("#iterationsPerEpoch", "20");
        setField("#epochs", "50");
        assertEquals(20, onFx(() -> view.model.config().training().iterationsPerEpoch()));
        clickOn("#train");
        waitUntil("the loss chart gains points", 120, () -> view.training.losses.points() > 5);
        long histogramsBefore = onFx(() -> view.latent.oneDView().updates());
        waitUntil("the histograms update", 120, () -> view.latent.oneDView().updates() > histogramsBefore + 1
                && !view.latent.frames().isEmpty());
        clickOn("#pause");
        waitUntil("paused", 60, () -> view.service.state() == TrainingService.State.PAUSED);
        int points = onFx(() -> view.training.losses.points());
        StudioTestSupport.sleep(1500);
        assertTrue(onFx(() -> view.training.losses.points()) <= points + 1, "no training while paused");
        clickOn("#step");
        waitUntil("one step while paused", 60, () -> view.training.losses.points() > points);
        // the same from the keyboard: F7 steps, F6 resumes and pauses again
        int stepped = onFx(() -> view.training.losses.points());
        push(KeyCode.F7);
        waitUntil("one step from F7", 60, () -> view.training.losses.points() > stepped);
        push(KeyCode.F6);
        waitUntil("resumed from F6", 60, () -> view.service.state() == TrainingService.State.RUNNING);
        push(KeyCode.F6);
        waitUntil("paused from F6", 60, () -> view.service.state() == TrainingService.State.PAUSED);
        assertTrue(onFx(() -> view.latent.metricsLabel().getText()).contains("KS"), "1-D metrics shown");
        // the 1-D template's G maps every noise value alone, so its map from noise to values is drawn below
        assertTrue(onFx(() -> view.latent.oneDView().showsTransfer()), "G's map from noise to values shown");
        // the input noise's tall histogram (uniform on 0..1) stays under the legend, not behind it
        double barTop = onFx(() -> view.latent.oneDView().barTop()), legendBottom = onFx(() -> view.latent.oneDView().legendBottom());
        assertTrue(barTop > legendBottom, "tallest bar at y " + barTop + " clears the legend ending at y " + legendBottom);
        // a 1-D run's only tool is the Measures tab: KS and W1 for every epoch so far
        assertEquals(List.of("measuresTab"), onFx(() -> view.latent.toolIds()));
        int epochs = onFx(() -> view.latent.frames().size());
        waitUntil("KS and W1 by epoch are drawn", 30, () -> view.latent.measuredEpochs() == epochs && view.latent.measuresRedraws() > 0);
        clickOn("#stop");
        waitUntil("stopped", 60, () -> !view.service.busy());
    }

    @Test
    void droppedDigitsFolderThenEditedLayerChangesParameterCount() {
        Path digits = Path.of("assets", "mnist").toAbsolutePath();
        dropFiles(view.root, List.of(digits.toFile()));
        waitUntil("the dropped IDX folder is loaded", 120, () -> view.model.dataset() != null
                && view.model.config().data().type().equals("auto") && view.model.dataset().classNames().size() == 10);
        String before = onFx(() -> lookup("#generatorTotal").queryAs(Label.class).getText());
        assertTrue(before.contains("1,493,520"), before);
        TableCell<?, ?> units = lookup("#generatorTable .size-cell").match(n -> ((TableCell<?, ?>) n).getIndex() == 0).query();
        doubleClickOn(units);
        waitUntil("the cell is editing", 10, () -> units.isEditing());
        eraseText(6).write("300").type(KeyCode.ENTER);
        waitUntil("the parameter count changes", 30, () -> !lookup("#generatorTotal").queryAs(Label.class).getText().equals(before));
        String after = onFx(() -> lookup("#generatorTotal").queryAs(Label.class).getText());
        // 128·300+300 + 300·512+512 instead of 128·256+256 + 256·512+512
        assertTrue(after.contains(String.format(Locale.ROOT, "%,d", 1_493_520 + (128 * 44 + 44) + 44 * 512)), after);
        assertTrue(onFx(() -> view.model.report().ok()));

        // an impossible architecture: G ends at 1×32×32 but the data is 1×28×28
        editCell("#generatorTable", ".size-cell", 6, "1024");
        editCell("#generatorTable", ".size-cell", 8, "1x32x32");
        waitUntil("the shape error shows inline", 30, () -> lookup("#architectureError").queryAs(Label.class).getText()
                .contains("G ends at 1×32×32, data is 1×28×28"));
        clickOn("#train");
        waitUntil("Train refuses with the reason", 10, () -> view.model.errorProperty().get().contains("Cannot train"));
        assertEquals(TrainingService.State.IDLE, onFx(() -> view.service.state()));
    }

    @Test
    void mlpGanTrainsGridRefreshesSlidersRenderAndGifExports() throws Exception {
        // two classes, batch 64, two epochs
        interact(() -> view.model.updateSource(new dev.ganstudio.core.config.ImageSource("bundled-digits", null, null, null, List.of("0", "1"))));
        setField("#batchSize", "64");
        setField("#epochs", "2");
        assertEquals(2, onFx(() -> view.model.spec().numClasses()));
        // Step starts the run paused after one iteration: the explorer already renders the selected sample (the first
        // one) with the run's generator as it was before that step, before any epoch ends
        clickOn("#slidersTab");
        clickOn("#step");
        waitUntil("the run's first G renders the first sample", 120, () -> view.latent.sliderRenders() >= 1);
        assertTrue(onFx(() -> view.latent.frames().isEmpty()));
        assertTrue(lookup("#sliderInfo").queryAs(Label.class).getText().startsWith("G of epoch 0"), lookup("#sliderInfo").queryAs(Label.class).getText());
        assertTrue(onFx(() -> view.latent.grid().selected()) == 0, "the first sample is selected");
        clickOn("#train");
        waitUntil("the first epoch's grid", 300, () -> view.latent.frames().size() >= 1 && view.latent.grid().imageView().getImage() != null);
        Image first = onFx(() -> view.latent.grid().imageView().getImage());
        waitUntil("the second epoch refreshes the grid", 300, () -> view.latent.frames().size() >= 2
                && view.latent.grid().imageView().getImage() != first);
        waitUntil("training finished", 120, () -> !view.service.busy());
        assertEquals(TrainingService.State.FINISHED, onFx(() -> view.service.state()));

        // the Measures tab draws FLD by epoch: the untrained G (epoch 0) and both epochs
        assertTrue(onFx(() -> view.latent.frames().get(0).metrics().containsKey("fld")), "the run measures FLD");
        clickOn("#measuresTab");
        waitUntil("FLD by epoch is drawn", 30, () -> view.latent.measuredEpochs() == 3 && view.latent.measuresRedraws() > 0);

        // a latent slider re-renders the selected sample
        clickOn("#slidersTab");
        waitUntil("the selected sample is rendered", 60, () -> view.latent.sliderRenders() >= 1 && lookup("#sliderImage").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        Image before = onFx(() -> lookup("#sliderImage").queryAs(javafx.scene.image.ImageView.class).getImage());
        long renders = onFx(() -> view.latent.sliderRenders());
        Slider s = lookup("#latentSlider0").queryAs(Slider.class);
        drag(s.lookup(".thumb")).moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil("the slider move re-renders", 30, () -> view.latent.sliderRenders() > renders);
        Image after = onFx(() -> lookup("#sliderImage").queryAs(javafx.scene.image.ImageView.class).getImage());
        assertFalse(java.util.Arrays.equals(pixels(before), pixels(after)), "the image changed");
        // the value can be typed: Enter applies it (re-rendering), text that is not a number is named and ignored
        TextField value = lookup("#latentValue0").queryAs(TextField.class);
        assertEquals(onFx(() -> String.format(Locale.ROOT, "%.2f", s.getValue())), onFx(value::getText), "the field shows the slider's value");
        long typedRenders = onFx(() -> view.latent.sliderRenders());
        interact(() -> { value.setText("-2.5"); value.fireEvent(new javafx.event.ActionEvent()); });
        assertEquals(-2.5, onFx(s::getValue), 1e-9);
        waitUntil("the typed value re-renders", 30, () -> view.latent.sliderRenders() > typedRenders);
        interact(() -> { value.setText("two"); value.fireEvent(new javafx.event.ActionEvent()); });
        assertEquals(-2.5, onFx(s::getValue), 1e-9);
        assertEquals("-2.50", onFx(value::getText));
        waitUntil("the bad value is named", 10, () -> lookup("#sliderInfo").queryAs(Label.class).getText().contains("'two' is not a number"));
        List<LatentPanel.SliderTiming> lat = onFx(() -> List.copyOf(view.latent.sliderTimings()));
        assertTrue(lat.stream().anyMatch(LatentPanel.SliderTiming::move), "the drag's re-render is counted as a slider move: " + lat);
        System.out.printf(Locale.ROOT, "[studio] slider re-render end to end: %s ms%n",
                lat.stream().map(t -> (t.move() ? "move " : "refresh ") + String.format(Locale.ROOT, "%.1f", t.totalNanos() / 1e6)).toList());

        // progression GIF over both epochs
        interact(() -> view.latent.exportProgressionGif());
        Path gif = tmp.resolve("exports").resolve("mnist-mlp-gan-progression.gif");
        waitUntil("the GIF is written", 60, () -> view.model.statusProperty().get().startsWith("Exported progression GIF"));
        assertEquals(2, GifExport.countFrames(gif));

        // an interpolation strip and its GIF
        clickOn("#interpolationTab");
        clickOn("#renderStrip");
        waitUntil("the strip renders", 60, () -> lookup("#strip").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        // the truncation trick on the seed ends: a bad ψ says why, a good one renders and is named under the strip
        javafx.scene.control.Label stripInfo = lookup("#stripInfo").queryAs(javafx.scene.control.Label.class);
        interact(() -> view.latent.truncation.setText("abc"));
        clickOn("#renderStrip");
        waitUntil("a message for a ψ that is not a number", 30, () -> stripInfo.getText().contains("truncation ψ must be a number"));
        var untruncated = lookup("#strip").queryAs(javafx.scene.image.ImageView.class).getImage();
        interact(() -> view.latent.truncation.setText("0.5"));
        clickOn("#renderStrip");
        waitUntil("the truncated strip renders", 60, () -> stripInfo.getText().contains("ψ 0.5")
                && lookup("#strip").queryAs(javafx.scene.image.ImageView.class).getImage() != untruncated);
        interact(() -> view.latent.truncation.setText(""));
        interact(() -> view.latent.exportInterpolationGif());
        waitUntil("the interpolation GIF is written", 60, () -> view.model.statusProperty().get().startsWith("Exported interpolation GIF"));
        assertEquals(8, GifExport.countFrames(tmp.resolve("exports").resolve("mnist-mlp-gan-interpolation.gif")));
    }

    @Test
    void invalidFolderShowsAMessageAndTheAppStaysUsable() throws Exception {
        Path bad = tmp.resolve("not-a-dataset");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("notes.txt"), "hello");
        dropFiles(view.root, List.of(bad.toFile()));
        waitUntil("the dataset error is shown", 30, () -> !lookup("#datasetError").queryAs(Label.class).getText().isEmpty());
        String message = onFx(() -> lookup("#datasetError").queryAs(Label.class).getText());
        assertTrue(message.contains("no IDX pairs, CIFAR-10 batches or image files"), message);
        assertTrue(onFx(() -> view.model.errorProperty().get()).contains("Cannot use the dropped files"));
        // still usable: the digits stay loaded and another dataset can be picked
        assertEquals(10, onFx(() -> view.model.spec().numClasses()));
        ComboBox<String> source = lookup("#datasetSource").queryComboBox();
        interact(() -> source.setValue(DatasetPanel.UNIFORM));
        waitUntil("uniform data loaded", 60, () -> view.model.dataset() != null && view.model.dataset().oneDimensional());
        assertTrue(onFx(() -> lookup("#datasetError").queryAs(Label.class).getText().isEmpty()));

        // a broken experiment file
        Path cfg = tmp.resolve("broken.json");
        Files.writeString(cfg, "{\"name\": \"x\", \"data\": {\"type\": \"bundled-digits\"}, \"generatr\": {}}");
        dropFiles(view.root, List.of(cfg.toFile()));
        waitUntil("the config error is shown", 30, () -> view.model.errorProperty().get().contains("Cannot open experiment"));
        String cfgError = onFx(() -> view.model.errorProperty().get());
        assertTrue(cfgError.contains("broken.json: generator is required"), "says what is wrong: " + cfgError);
    }

    @Test
    void nanLossIsReportedAsAReadableMessage() {
        ComboBox<String> source = lookup("#datasetSource").queryComboBox();
        interact(() -> source.setValue(DatasetPanel.GAUSSIAN));
        waitUntil("1-D data loaded", 60, () -> view.model.config().oneDimensional() && view.model.dataset() != null && view.model.dataset().oneDimensional());
        setField("#iterationsPerEpoch", "20");
        clickOn("#train");
        waitUntil("training", 120, () -> view.training.losses.points() > 2);
        interact(() -> {
            view.training.lrG.setText("1e30");
            view.training.lrD.setText("1e30");
            view.training.lrD.getOnAction().handle(null);
        });
        waitUntil("the NaN is reported", 120, () -> view.model.errorProperty().get().contains("loss became"));
        waitUntil("the run ended", 60, () -> !view.service.busy());
        assertEquals(TrainingService.State.FAILED, onFx(() -> view.service.state()));
        // the view applies the service's state on its next pulse, not at the moment the service stops
        waitUntil("the Train button is enabled", 10, () -> !view.training.train.isDisabled());
        assertFalse(onFx(() -> view.training.train.isDisabled()), "Train is available again");
    }

    private void editCell(String table, String cellClass, int row, String text) {
        interact(() -> lookup(table).queryAs(javafx.scene.control.TableView.class).scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = lookup(table + " " + cellClass).match(n -> ((TableCell<?, ?>) n).getIndex() == row).query();
        doubleClickOn(cell);
        waitUntil("cell " + row + " is editing", 10, cell::isEditing);
        eraseText(12).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void setField(String id, String value) {
        interact(() -> {
            TextField f = lookup(id).queryAs(TextField.class);
            f.setText(value);
            f.getOnAction().handle(null);
        });
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
        return px;
    }

    static File file(Path p) { return p.toFile(); }
}
