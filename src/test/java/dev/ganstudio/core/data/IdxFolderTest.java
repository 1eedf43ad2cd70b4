package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderTest {

    @TempDir Path dir;

    @Test
    void loadsTrainFirstThenOtherPairs() throws Exception {
        IdxReaderTest.writePair(dir, "t10k", 2, 7, true);
        IdxReaderTest.writePair(dir, "train", 3, 1, false);
        Files.writeString(dir.resolve("README.txt"), "not idx");

        IdxFolder.Scan scan = IdxFolder.scan(dir);
        assertEquals(List.of("train", "t10k"), scan.pairs().stream().map(IdxPair::prefix).toList());
        assertTrue(scan.unmatched().isEmpty());

        ImageDataset dataset = IdxFolder.load(dir, "both");
        assertEquals(5, dataset.size());
        assertEquals(3, dataset.height());
        assertEquals(3, dataset.width());
        assertEquals(List.of(1, 1, 1, 7, 7), java.util.Arrays.stream(dataset.labels()).boxed().toList());
        assertTrue(dataset.skipped().isEmpty());
    }

    @Test
    void findsDotVariantsAndReportsUnmatchedImages() throws Exception {
        IdxTestFiles.writeImages(dir.resolve("train-images.idx3-ubyte"), IdxTestFiles.patternPixels(2, 3, 3),
                2, 3, 3, false);
        IdxTestFiles.writeLabels(dir.resolve("train-labels.idx1-ubyte"), new byte[] {4, 5}, false);
        IdxTestFiles.writeImages(dir.resolve("extra-images-idx3-ubyte.gz"), IdxTestFiles.patternPixels(1, 3, 3),
                1, 3, 3, true);

        ImageDataset dataset = IdxFolder.load(dir, "dots", StandardClassNames.FASHION_MNIST);
        assertEquals(2, dataset.size());
        assertEquals("Coat", dataset.classNames().get(dataset.labels()[0]));
        assertEquals("Sandal", dataset.classNames().get(dataset.labels()[1]));
        assertEquals(1, dataset.skipped().size());
        assertTrue(dataset.skipped().get(0).path().endsWith("extra-images-idx3-ubyte.gz"));
        assertEquals("no matching labels file extra-labels-idx1-ubyte[.gz]", dataset.skipped().get(0).reason());
    }

    @Test
    void prefersRawCopyWhenGzipDuplicateExists() throws Exception {
        IdxReaderTest.writePair(dir, "train", 2, 3, false);
        IdxReaderTest.writePair(dir, "train", 2, 3, true);
        IdxFolder.Scan scan = IdxFolder.scan(dir);
        assertEquals(1, scan.pairs().size());
        assertEquals("train-images-idx3-ubyte", scan.pairs().get(0).images().getFileName().toString());
        assertEquals("train-labels-idx1-ubyte", scan.pairs().get(0).labels().getFileName().toString());
        assertEquals(2, scan.unmatched().size());
    }

    @Test
    void folderWithoutPairsIsAnError() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFolder.load(dir, "none"));
        assertTrue(e.getMessage().contains("no IDX image/label pair found"), e.getMessage());
    }

    @Test
    void pairsOfDifferentSizesCannotBeCombined() throws Exception {
        IdxReaderTest.writePair(dir, "train", 2, 3, false);
        IdxTestFiles.writeImages(dir.resolve("big-images-idx3-ubyte"), IdxTestFiles.patternPixels(1, 4, 4),
                1, 4, 4, false);
        IdxTestFiles.writeLabels(dir.resolve("big-labels-idx1-ubyte"), new byte[] {0}, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxFolder.load(dir, "mixed"));
        assertTrue(e.getMessage().contains("differ in image size"), e.getMessage());
    }
}
