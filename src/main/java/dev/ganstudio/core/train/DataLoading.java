package dev.ganstudio.core.train;

import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.ImageSource;
import dev.ganstudio.core.data.BatchSource;
import dev.ganstudio.core.data.BuiltinDatasets;
import dev.ganstudio.core.data.CifarLoader;
import dev.ganstudio.core.data.ClassFilter;
import dev.ganstudio.core.data.DatasetDetector;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.data.DetectedDataset;
import dev.ganstudio.core.data.DistributionBatchSource;
import dev.ganstudio.core.data.IdxFolder;
import dev.ganstudio.core.data.ImageBatchSource;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.data.ImageFolderLoader;
import dev.ganstudio.core.data.ImageResizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Opens the real data an experiment config names, as batches for the training loop. */
public final class DataLoading {
    private DataLoading() {}

    public static BatchSource open(ExperimentConfig c) throws DatasetException {
        int batch = c.training().batchSize();
        if (c.data() instanceof DistributionSource d) {
            boolean n = d.normalize();
            return new DistributionBatchSource(d.distribution(), d.length(), batch, c.training().iterationsPerEpoch(), c.seed(),
                    n ? d.distribution().mean() : 0, n ? d.distribution().std() : 1);
        }
        return new ImageBatchSource(loadImages((ImageSource) c.data()), batch, c.seed());
    }

    /** Loads, filters and resizes the images an image source names. */
    public static ImageDataset loadImages(ImageSource s) throws DatasetException {
        Set<String> classes = new LinkedHashSet<>(s.classes());
        int size = s.imageSize() == null ? 0 : s.imageSize();
        int channels = s.channels() == null ? 0 : s.channels();
        ImageDataset ds = switch (s.type()) {
            case "bundled-digits" -> BuiltinDatasets.bundledDigits();
            case "fashion-mnist" -> BuiltinDatasets.fashionMnist().orElseThrow(() -> new DatasetException(
                    "Fashion-MNIST is not installed: it is read from " + BuiltinDatasets.FASHION_MNIST_FOLDER
                            + " (Debian package dataset-fashion-mnist: sudo apt-get install dataset-fashion-mnist)"));
            case "idx" -> IdxFolder.load(existing(s.path()), s.path());
            case "cifar10" -> CifarLoader.load(existing(s.path()));
            case "image-folder" -> ImageFolderLoader.load(existing(s.path()), size == 0 ? 64 : size, channels == 0 ? 3 : channels, classes);
            case "auto" -> {
                Path p = existing(s.path());
                DetectedDataset detected = DatasetDetector.detect(p);
                if (detected instanceof DetectedDataset.ImageFolder) {
                    yield ImageFolderLoader.load(p, size == 0 ? 64 : size, channels == 0 ? 3 : channels, classes);
                }
                // IDX and CIFAR keep their native size and channels unless the config sets them.
                int nativeSize = detected instanceof DetectedDataset.CifarBinaries ? CifarLoader.SIDE : 28;
                int nativeChannels = detected instanceof DetectedDataset.CifarBinaries ? 3 : 1;
                yield DatasetDetector.load(p, size == 0 ? nativeSize : size, channels == 0 ? nativeChannels : channels, classes);
            }
            default -> throw new DatasetException("unknown data.type '" + s.type() + "'");
        };
        if (!classes.isEmpty() && !s.type().equals("image-folder") && !s.type().equals("auto")) {
            ds = ClassFilter.apply(ds, classes);
        }
        if ((size != 0 && (size != ds.height() || size != ds.width())) || (channels != 0 && channels != ds.channels())) {
            ds = ImageResizer.convert(ds, size == 0 ? ds.height() : size, channels == 0 ? ds.channels() : channels);
        }
        if (ds.size() == 0) throw new DatasetException(ds.name() + ": no usable images");
        return ds;
    }

    private static Path existing(String path) throws DatasetException {
        Path p = Path.of(path);
        if (!Files.exists(p)) throw new DatasetException(path + ": no such file or folder");
        return p;
    }
}
