package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDetectorTest {

    @TempDir Path dir;

    @Test
    void idxFolderIsDetectedAndLoadedAtNativeSize() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        IdxReaderTest.writePair(folder, "t10k", 2, 5, true);
        IdxReaderTest.writePair(folder, "train", 3, 3, true);
        DetectedDataset detected = DatasetDetector.detect(folder);
        DetectedDataset.IdxFiles idx = assertInstanceOf(DetectedDataset.IdxFiles.class, detected);
        assertEquals(List.of("train", "t10k"), idx.pairs().stream().map(IdxPair::prefix).toList());
        assertEquals(StandardClassNames.DIGITS, idx.classNames());
        assertEquals("IDX files: train, t10k (digit class names)", detected.describe());

        ImageDataset dataset = DatasetDetector.load(folder, 3, 1, Set.of());
        assertEquals(5, dataset.size());
        assertEquals(3, dataset.height());
        assertArrayEquals(IdxReader.readImages(folder.resolve("train-images-idx3-ubyte.gz")).pixels(),
                java.util.Arrays.copyOf(dataset.pixels(), 27));

        ImageDataset resized = DatasetDetector.load(folder, 6, 3, Set.of("5"));
        assertEquals(List.of("5"), resized.classNames());
        assertEquals(2, resized.size());
        assertEquals(3, resized.channels());
        assertEquals(6, resized.height());
        assertEquals(6, resized.width());
    }

    @Test
    void droppedIdxFileStandsForItsPairAndFashionFoldersGetFashionNames() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Fashion-data"));
        IdxReaderTest.writePair(folder, "train", 2, 9, false);
        IdxReaderTest.writePair(folder, "t10k", 1, 0, false);
        DetectedDataset detected = DatasetDetector.detect(folder.resolve("t10k-labels-idx1-ubyte"));
        DetectedDataset.IdxFiles idx = assertInstanceOf(DetectedDataset.IdxFiles.class, detected);
        assertEquals(List.of("t10k"), idx.pairs().stream().map(IdxPair::prefix).toList());
        assertEquals(StandardClassNames.FASHION_MNIST, idx.classNames());
        ImageDataset dataset = DatasetDetector.load(folder.resolve("t10k-labels-idx1-ubyte"), 3, 1, Set.of());
        assertEquals(1, dataset.size());
        assertEquals("T-shirt/top", dataset.classNames().get(dataset.labels()[0]));
    }

    @Test
    void cifarFolderIsDetectedAndConvertedOnRequest() throws Exception {
        CifarTestFiles.writeBatch(dir.resolve("cifar/cifar-10-batches-bin/data_batch_1.bin"), 0, 1, 1);
        Path cifar = dir.resolve("cifar");
        DetectedDataset.CifarBinaries detected =
                assertInstanceOf(DetectedDataset.CifarBinaries.class, DatasetDetector.detect(cifar));
        assertEquals(cifar.resolve("cifar-10-batches-bin"), detected.folder());

        ImageDataset native_ = DatasetDetector.load(cifar, 32, 3, Set.of());
        assertArrayEquals(CifarLoader.load(cifar).pixels(), native_.pixels());

        ImageDataset small = DatasetDetector.load(cifar, 16, 1, Set.of("automobile"));
        assertEquals(List.of("automobile"), small.classNames());
        assertEquals(2, small.size());
        assertEquals(1, small.channels());
        assertEquals(16, small.height());

        assertInstanceOf(DetectedDataset.CifarBinaries.class,
                DatasetDetector.detect(cifar.resolve("cifar-10-batches-bin/data_batch_1.bin")));
    }

    @Test
    void imageFolderIsDetectedAndLoaded() throws Exception {
        TestImages.solidPng(dir.resolve("pics/a/1.png"), 6, 6, Color.WHITE);
        TestImages.solidPng(dir.resolve("pics/b/deeper/2.png"), 6, 6, Color.BLACK);
        DetectedDataset.ImageFolder detected =
                assertInstanceOf(DetectedDataset.ImageFolder.class, DatasetDetector.detect(dir.resolve("pics")));
        assertEquals(List.of("a", "b"), detected.classNames());
        ImageDataset dataset = DatasetDetector.load(dir.resolve("pics"), 4, 1, Set.of());
        assertEquals(2, dataset.size());
        assertEquals(255, dataset.pixels()[0] & 0xff);
        assertEquals(0, dataset.pixels()[16] & 0xff);

        DetectedDataset.ImageFolder single =
                assertInstanceOf(DetectedDataset.ImageFolder.class, DatasetDetector.detect(dir.resolve("pics/a")));
        assertEquals(List.of("a"), single.classNames());
    }

    @Test
    void unknownThingsSayWhy() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path text = Files.writeString(dir.resolve("readme.txt"), "hi");
        Path zip = Files.write(dir.resolve("data.zip"), new byte[] {80, 75, 3, 4});
        Path png = TestImages.solidPng(dir.resolve("one/pic.png"), 2, 2, Color.RED);
        Path lonely = Files.createDirectories(dir.resolve("lonely"));
        IdxTestFiles.writeImages(lonely.resolve("train-images-idx3-ubyte"), new byte[4], 1, 2, 2, false);

        assertUnknown(dir.resolve("missing"), "does not exist");
        assertUnknown(empty, "no IDX pairs, CIFAR-10 batches or image files found");
        assertUnknown(text, "not a dataset file");
        assertUnknown(zip, "extract it first");
        assertUnknown(png, "a single image is not a dataset");
        assertUnknown(lonely.resolve("train-images-idx3-ubyte"), "no matching IDX labels file");
        assertUnknown(lonely, "IDX image files without label files");

        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetDetector.load(empty, 28, 1, Set.of()));
        assertTrue(e.getMessage().contains("no IDX pairs"), e.getMessage());
    }

    @Test
    void imagesBesideEmptySubfoldersAreExplained() throws Exception {
        TestImages.solidPng(dir.resolve("mixed/pic.png"), 2, 2, Color.RED);
        Files.createDirectories(dir.resolve("mixed/thumbnails"));
        assertUnknown(dir.resolve("mixed"), "images sit beside subfolders");
    }

    @Test
    void unknownClassInFilterIsAnErrorForIdxToo() throws Exception {
        IdxReaderTest.writePair(dir, "train", 2, 3, false);
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetDetector.load(dir, 3, 1, Set.of("ten")));
        assertTrue(e.getMessage().endsWith("no class named 'ten'; the classes are "
                + "'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'"), e.getMessage());
    }

    @Test
    void debianFashionMnistFolderGetsFashionNames() {
        org.junit.jupiter.api.Assumptions.assumeTrue(BuiltinDatasets.fashionMnistAvailable(),
                "Debian package dataset-fashion-mnist is not installed");
        DetectedDataset.IdxFiles idx = assertInstanceOf(DetectedDataset.IdxFiles.class,
                DatasetDetector.detect(BuiltinDatasets.FASHION_MNIST_FOLDER));
        assertEquals(StandardClassNames.FASHION_MNIST, idx.classNames());
        assertEquals(List.of("train", "t10k"), idx.pairs().stream().map(IdxPair::prefix).toList());
    }

    private static void assertUnknown(Path path, String reasonPart) {
        DetectedDataset.Unknown unknown = assertInstanceOf(DetectedDataset.Unknown.class, DatasetDetector.detect(path));
        assertTrue(unknown.reason().contains(reasonPart), unknown.reason());
    }
}
