package dev.ganstudio.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Datasets that need no download: the bundled MNIST digits, and Fashion-MNIST when Debian installed it. */
public final class BuiltinDatasets {

    public static final String BUNDLED_DIGITS_NAME = "bundled MNIST digits";
    public static final String FASHION_MNIST_NAME = "Fashion-MNIST";

    /** Where the Debian package {@code dataset-fashion-mnist} puts its four gzipped IDX files. */
    public static final Path FASHION_MNIST_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    static final String DIGIT_IMAGES = "digits-images-idx3-ubyte.gz";
    static final String DIGIT_LABELS = "digits-labels-idx1-ubyte.gz";

    private BuiltinDatasets() {}

    /** The 10,000 MNIST digits shipped in {@code assets/mnist} (28x28 gray, classes "0".."9"). */
    public static ImageDataset bundledDigits() throws DatasetException {
        Path mnist = AssetLocator.locate().resolve("mnist");
        Path images = mnist.resolve(DIGIT_IMAGES);
        Path labels = mnist.resolve(DIGIT_LABELS);
        for (Path file : new Path[] {images, labels}) {
            if (!Files.isRegularFile(file)) {
                throw new DatasetException("bundled digits: " + file + " is missing");
            }
        }
        return IdxDataset.load(images, labels, BUNDLED_DIGITS_NAME, StandardClassNames.DIGITS);
    }

    /** True when the Debian package's Fashion-MNIST files are present. */
    public static boolean fashionMnistAvailable() {
        return fashionMnistAvailable(FASHION_MNIST_FOLDER);
    }

    /**
     * Fashion-MNIST (train then test, 70,000 images of 28x28, Fashion-MNIST class names) when the
     * Debian package {@code dataset-fashion-mnist} is installed, else empty. Files that are present
     * but damaged are an error, not "absent".
     */
    public static Optional<ImageDataset> fashionMnist() throws DatasetException {
        return fashionMnist(FASHION_MNIST_FOLDER);
    }

    static boolean fashionMnistAvailable(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            return !IdxFolder.scan(folder).pairs().isEmpty();
        } catch (DatasetException e) {
            return false;
        }
    }

    static Optional<ImageDataset> fashionMnist(Path folder) throws DatasetException {
        if (!fashionMnistAvailable(folder)) {
            return Optional.empty();
        }
        return Optional.of(IdxFolder.load(folder, FASHION_MNIST_NAME, StandardClassNames.FASHION_MNIST));
    }
}
