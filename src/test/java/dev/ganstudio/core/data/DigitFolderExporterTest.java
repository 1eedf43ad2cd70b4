package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitFolderExporterTest {

    @TempDir Path root;

    @Test
    void exportedGrayDigitsLoadBackWithIdenticalPixels() throws Exception {
        Map<String, Integer> written = DigitFolderExporter.exportBundledDigits(root, Set.of("7", "1"), 4, 28, 1);
        assertEquals(Map.of("1", 4, "7", 4), written);
        assertTrue(Files.isRegularFile(root.resolve("7/00003.png")));

        ImageDataset loaded = ImageFolderLoader.load(root, 28, 1);
        assertEquals(List.of("1", "7"), loaded.classNames());
        assertEquals(8, loaded.size());
        assertTrue(loaded.skipped().isEmpty());

        ImageDataset ones = ClassFilter.apply(BuiltinDatasets.bundledDigits(), Set.of("1"));
        assertArrayEquals(Arrays.copyOf(ones.pixels(), 4 * 784), Arrays.copyOf(loaded.pixels(), 4 * 784));
    }

    @Test
    void exportsUpscaledRgb() throws Exception {
        DigitFolderExporter.exportBundledDigits(root, Set.of("0"), 2, 64, 3);
        ImageDataset loaded = ImageFolderLoader.load(root, 64, 3);
        assertEquals(List.of("0"), loaded.classNames());
        assertEquals(2, loaded.size());
        assertEquals(3, loaded.channels());
        ImageDataset expected = ImageResizer.convert(
                ClassFilter.apply(BuiltinDatasets.bundledDigits(), Set.of("0")), 64, 3);
        assertArrayEquals(Arrays.copyOf(expected.pixels(), 2 * expected.imageSize()), loaded.pixels());
    }

    @Test
    void askingForMoreThanAClassHoldsIsAnError() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DigitFolderExporter.exportBundledDigits(root, Set.of("5"), 5000, 28, 1));
        assertTrue(e.getMessage().contains("class '5' has only 863 images, 5000 requested"), e.getMessage());
    }

    @Test
    void classNamesWithSlashesBecomeSafeFolderNames() {
        assertEquals("T-shirt_top", DigitFolderExporter.safeFolderName("T-shirt/top"));
    }
}
