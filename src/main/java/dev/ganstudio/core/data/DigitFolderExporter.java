package dev.ganstudio.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Writes images of a labelled dataset (by default the bundled MNIST digits) as PNG files in the
 * class-folder layout {@link ImageFolderLoader} reads: {@code root/<class>/00000.png}, ... For
 * building class-folder datasets from known data, e.g. to test conditional training end to end.
 * PNG is lossless, so loading the folder back at the same size and channels gives the same pixels.
 */
public final class DigitFolderExporter {

    private DigitFolderExporter() {}

    /** Exports the first {@code perClass} bundled digits of each chosen class. */
    public static Map<String, Integer> exportBundledDigits(Path root, Set<String> classes, int perClass, int size,
                                                           int channels) throws DatasetException, IOException {
        return export(BuiltinDatasets.bundledDigits(), root, classes, perClass, size, channels);
    }

    /**
     * Exports the first {@code perClass} images of each chosen class, in dataset order, centre-cropped
     * and resized to {@code size} x {@code size} and converted to {@code channels} (1 gray, 3 RGB).
     *
     * @param classes class names to export; empty exports every class
     * @return images written per class, in class order
     */
    public static Map<String, Integer> export(ImageDataset source, Path root, Set<String> classes, int perClass,
                                              int size, int channels) throws DatasetException, IOException {
        if (perClass <= 0) throw new IllegalArgumentException("perClass must be positive, not " + perClass);
        ImageDataset chosen = ImageResizer.convert(ClassFilter.apply(source, classes), size, channels);
        int[] available = chosen.classCounts();
        for (int c = 0; c < chosen.numClasses(); c++) {
            if (available[c] < perClass) {
                throw new DatasetException(source.name() + ": class '" + chosen.classNames().get(c) + "' has only "
                        + available[c] + " images, " + perClass + " requested");
            }
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        int[] counts = new int[chosen.numClasses()];
        for (int i = 0; i < chosen.size(); i++) {
            int label = chosen.labels()[i];
            if (counts[label] == perClass) continue;
            String className = chosen.classNames().get(label);
            Path folder = Files.createDirectories(root.resolve(safeFolderName(className)));
            Path file = folder.resolve(String.format("%05d.png", counts[label]));
            ImageIO.write(ImagePixels.toImage(chosen.pixels(), i * chosen.imageSize(), channels, size, size),
                    "png", file.toFile());
            counts[label]++;
        }
        for (int c = 0; c < chosen.numClasses(); c++) {
            written.put(chosen.classNames().get(c), counts[c]);
        }
        return written;
    }

    /** Class names such as Fashion-MNIST's "T-shirt/top" cannot be folder names as they are. */
    static String safeFolderName(String className) {
        return className.replaceAll("[/\\\\:*?\"<>|]", "_");
    }
}
