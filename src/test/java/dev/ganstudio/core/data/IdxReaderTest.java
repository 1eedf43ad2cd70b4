package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir Path dir;

    @Test
    void roundTripsGzipAndRawFiles() throws Exception {
        byte[] pixels = IdxTestFiles.patternPixels(3, 4, 5);
        byte[] labels = {2, 0, 9};
        for (boolean gzip : new boolean[] {true, false}) {
            Path images = dir.resolve("set-images-idx3-ubyte" + (gzip ? ".gz" : ""));
            Path labelFile = dir.resolve("set-labels-idx1-ubyte" + (gzip ? ".gz" : ""));
            IdxTestFiles.writeImages(images, pixels, 3, 4, 5, gzip);
            IdxTestFiles.writeLabels(labelFile, labels, gzip);
            assertEquals(gzip, IdxReader.isGzip(images));

            IdxImages read = IdxReader.readImages(images);
            assertEquals(3, read.count());
            assertEquals(4, read.rows());
            assertEquals(5, read.columns());
            assertArrayEquals(pixels, read.pixels());
            assertArrayEquals(labels, IdxReader.readLabels(labelFile));

            ImageDataset dataset = IdxDataset.load(images, labelFile, "tiny");
            assertEquals("tiny", dataset.name());
            assertEquals(1, dataset.channels());
            assertEquals(4, dataset.height());
            assertEquals(5, dataset.width());
            assertArrayEquals(new int[] {2, 0, 9}, dataset.labels());
            assertEquals(StandardClassNames.DIGITS, dataset.classNames());
            assertArrayEquals(pixels, dataset.pixels());
        }
    }

    @Test
    void detectsGzipByContentNotByName() throws Exception {
        byte[] pixels = IdxTestFiles.patternPixels(2, 2, 2);
        Path gzipWithoutSuffix = dir.resolve("a-images-idx3-ubyte");
        Path rawWithGzSuffix = dir.resolve("b-images-idx3-ubyte.gz");
        IdxTestFiles.writeImages(gzipWithoutSuffix, pixels, 2, 2, 2, true);
        IdxTestFiles.writeImages(rawWithGzSuffix, pixels, 2, 2, 2, false);
        assertArrayEquals(pixels, IdxReader.readImages(gzipWithoutSuffix).pixels());
        assertArrayEquals(pixels, IdxReader.readImages(rawWithGzSuffix).pixels());
    }

    @Test
    void shortPixelDataNamesFileAndHeaderFields() throws Exception {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] header = ByteBuffer.allocate(16).putInt(0x803).putInt(60000).putInt(28).putInt(28).array();
        IdxTestFiles.write(images, IdxTestFiles.concat(header, new byte[1234]), true);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(images));
        assertEquals("train-images-idx3-ubyte.gz: header says 60000 images of 28x28 but the file holds "
                + "1234 bytes of pixels (expected 47040000)", e.getMessage());
    }

    @Test
    void corruptMagicNamesFileAndMagic() throws Exception {
        Path images = dir.resolve("broken-images-idx3-ubyte");
        byte[] header = ByteBuffer.allocate(16).putInt(0x12345678).putInt(1).putInt(2).putInt(2).array();
        IdxTestFiles.write(images, IdxTestFiles.concat(header, new byte[4]), false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(images));
        assertTrue(e.getMessage().startsWith("broken-images-idx3-ubyte: magic number 0x12345678"), e.getMessage());
    }

    @Test
    void labelFileGivenAsImagesIsNamedAsSuch() throws Exception {
        Path labels = dir.resolve("x-labels-idx1-ubyte");
        IdxTestFiles.writeLabels(labels, new byte[] {1, 2}, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(labels));
        assertTrue(e.getMessage().contains("x-labels-idx1-ubyte: magic number 0x00000801 marks a label file"),
                e.getMessage());
    }

    @Test
    void nonByteElementTypeIsRejected() throws Exception {
        Path images = dir.resolve("floats-images-idx3-ubyte");
        byte[] header = ByteBuffer.allocate(16).putInt(0x00000D03).putInt(1).putInt(1).putInt(1).array();
        IdxTestFiles.write(images, IdxTestFiles.concat(header, new byte[4]), false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(images));
        assertTrue(e.getMessage().contains("element type 0x0D"), e.getMessage());
    }

    @Test
    void truncatedHeaderAndZeroRowsAndTrailingDataAreErrors() throws Exception {
        Path shortFile = dir.resolve("short-images-idx3-ubyte");
        IdxTestFiles.write(shortFile, new byte[] {0, 0, 8, 3, 0, 0}, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(shortFile));
        assertEquals("short-images-idx3-ubyte: file ends after 6 bytes, inside the 16-byte IDX header", e.getMessage());

        Path zeroRows = dir.resolve("zero-images-idx3-ubyte");
        IdxTestFiles.writeImages(zeroRows, new byte[0], 1, 0, 28, false);
        e = assertThrows(DatasetException.class, () -> IdxReader.readImages(zeroRows));
        assertTrue(e.getMessage().contains("zero-images-idx3-ubyte: header field 'rows' is 0"), e.getMessage());

        Path trailing = dir.resolve("long-labels-idx1-ubyte.gz");
        byte[] header = ByteBuffer.allocate(8).putInt(0x801).putInt(2).array();
        IdxTestFiles.write(trailing, IdxTestFiles.concat(header, new byte[] {1, 2, 3}), true);
        e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(trailing));
        assertEquals("long-labels-idx1-ubyte.gz: header says 2 labels but the file holds more data after them",
                e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsReported() throws Exception {
        Path full = dir.resolve("full-images-idx3-ubyte.gz");
        IdxTestFiles.writeImages(full, IdxTestFiles.patternPixels(50, 28, 28), 50, 28, 28, true);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut-images-idx3-ubyte.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(cut));
        assertTrue(e.getMessage().startsWith("cut-images-idx3-ubyte.gz: "), e.getMessage());
    }

    @Test
    void mismatchedCountsAndOutOfRangeLabelsAreErrors() throws Exception {
        Path images = dir.resolve("m-images-idx3-ubyte");
        Path labels = dir.resolve("m-labels-idx1-ubyte");
        IdxTestFiles.writeImages(images, IdxTestFiles.patternPixels(3, 2, 2), 3, 2, 2, false);
        IdxTestFiles.writeLabels(labels, new byte[] {1, 2}, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxDataset.load(images, labels, "m"));
        assertEquals("m-images-idx3-ubyte holds 3 images but m-labels-idx1-ubyte holds 2 labels", e.getMessage());

        IdxTestFiles.writeLabels(labels, new byte[] {1, 2, 3}, false);
        e = assertThrows(DatasetException.class, () -> IdxDataset.load(images, labels, "m", List.of("a", "b", "c")));
        assertEquals("m-labels-idx1-ubyte: label 3 of record 2 is outside 0..2 (3 class names)", e.getMessage());
        assertFalse(IdxDataset.load(images, labels, "m").classNames().isEmpty());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nothing-images-idx3-ubyte.gz");
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(missing));
        assertTrue(e.getMessage().startsWith("nothing-images-idx3-ubyte.gz: file not found"), e.getMessage());
    }

    static void writePair(Path folder, String prefix, int count, int label, boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        IdxTestFiles.writeImages(folder.resolve(prefix + "-images-idx3-ubyte" + suffix),
                IdxTestFiles.patternPixels(count, 3, 3), count, 3, 3, gzip);
        byte[] labels = new byte[count];
        Arrays.fill(labels, (byte) label);
        IdxTestFiles.writeLabels(folder.resolve(prefix + "-labels-idx1-ubyte" + suffix), labels, gzip);
    }
}
