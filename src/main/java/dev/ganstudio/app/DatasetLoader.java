package dev.ganstudio.app;

import dev.ganstudio.core.config.DataSourceConfig;
import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.data.BuiltinDatasets;
import dev.ganstudio.core.data.DatasetDetector;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.data.DetectedDataset;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.export.ImageBatch;
import dev.ganstudio.core.export.SampleGrid;
import dev.ganstudio.core.train.DataLoading;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Loads data sources for the dataset panel (off the FX thread) and turns dropped files into a source. */
final class DatasetLoader {
    static final int PREVIEW = 32;

    private DatasetLoader() {}

    static DatasetInfo load(DataSourceConfig source) throws DatasetException {
        if (source instanceof DistributionSource d) {
            Random rng = new Random(1);
            float[] real = new float[20_000];
            for (int i = 0; i < real.length; i++) real[i] = (float) d.distribution().sample(rng);
            return new DatasetInfo(source, d.distribution().describe(), null, null, real, List.of());
        }
        ImageSource s = (ImageSource) source;
        // Load every class so the panel can list them all; the class filter is applied when training.
        ImageDataset all = DataLoading.loadImages(new ImageSource(s.type(), s.path(), s.imageSize(), s.channels(), null));
        List<String> unknown = s.classes().stream().filter(c -> !all.classNames().contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new DatasetException(all.name() + ": no class named " + unknown + "; the classes are " + all.classNames());
        }
        String title = switch (s.type()) {
            case "bundled-digits" -> BuiltinDatasets.BUNDLED_DIGITS_NAME;
            case "fashion-mnist" -> BuiltinDatasets.FASHION_MNIST_NAME;
            default -> {
                Path p = Path.of(s.path()).toAbsolutePath().normalize();
                yield p.getFileName() == null ? p.toString() : p.getFileName().toString();
            }
        };
        return new DatasetInfo(source, title, all, FxImages.of(previewGrid(all)), null, all.skipped());
    }

    /** Up to {@link #PREVIEW} images, taking the classes in turn so every class shows. */
    static java.awt.image.BufferedImage previewGrid(ImageDataset d) {
        int n = Math.min(PREVIEW, d.size());
        int k = Math.max(1, d.numClasses());
        int[] next = new int[k];
        int[] picked = new int[n];
        int got = 0;
        for (int round = 0; got < n && round < d.size(); round++) {
            boolean any = false;
            for (int c = 0; c < k && got < n; c++) {
                while (next[c] < d.size() && d.labels()[next[c]] != c) next[c]++;
                if (next[c] < d.size()) { picked[got++] = next[c]++; any = true; }
            }
            if (!any) break;
        }
        int size = d.imageSize();
        float[] values = new float[got * size];
        for (int i = 0; i < got; i++) {
            for (int j = 0; j < size; j++) values[i * size + j] = (d.pixels()[picked[i] * size + j] & 0xFF) / 127.5f - 1f;
        }
        int scale = d.height() <= 32 ? 2 : 1;
        return new SampleGrid(8, 1, SampleGrid.DEFAULT_BACKGROUND, scale)
                .render(new ImageBatch(values, Math.max(1, got), d.channels(), d.height(), d.width()));
    }

    /** The source for dropped files or a chosen folder, or a {@link DatasetException} saying why it is not a dataset. */
    static ImageSource sourceFor(List<File> files) throws DatasetException {
        if (files == null || files.isEmpty()) throw new DatasetException("nothing was dropped");
        String firstReason = null;
        for (File f : files) {
            Path p = f.toPath();
            DetectedDataset d = DatasetDetector.detect(p);
            if (!(d instanceof DetectedDataset.Unknown u)) {
                Path where = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
                return new ImageSource("auto", where.toString(), null, null, null);
            }
            if (firstReason == null) firstReason = u.reason();
        }
        throw new DatasetException(firstReason);
    }
}
