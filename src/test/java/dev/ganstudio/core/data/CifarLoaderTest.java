package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarLoaderTest {

    @TempDir Path dir;

    @Test
    void loadsTwoSyntheticRecordsExactlyAsStored() throws Exception {
        CifarTestFiles.writeBatch(dir.resolve("data_batch_1.bin"), 3, 9);
        ImageDataset dataset = CifarLoader.load(dir);
        assertEquals(2, dataset.size());
        assertEquals(3, dataset.channels());
        assertEquals(32, dataset.height());
        assertEquals(32, dataset.width());
        assertEquals(StandardClassNames.CIFAR_10, dataset.classNames());
        assertEquals("cat", dataset.classNames().get(dataset.labels()[0]));
        assertEquals("truck", dataset.classNames().get(dataset.labels()[1]));
        byte[] p = dataset.pixels();
        assertEquals(10, p[0] & 0xff);
        assertEquals(1, p[1] & 0xff);
        assertEquals(100, p[1024] & 0xff);
        assertEquals(200, p[2048] & 0xff);
        assertEquals(11, p[3072] & 0xff);
        assertEquals(201, p[3072 + 2048 + 5] & 0xff);
    }

    @Test
    void batchesLoadInOrderWithTestLastAndMetaNames() throws Exception {
        CifarTestFiles.writeBatch(dir.resolve("test_batch.bin"), 2);
        CifarTestFiles.writeBatch(dir.resolve("data_batch_10.bin"), 1);
        CifarTestFiles.writeBatch(dir.resolve("data_batch_2.bin"), 0);
        Files.writeString(dir.resolve("batches.meta.txt"), "red\ngreen\nblue\n\n\n");
        assertEquals(List.of("data_batch_2.bin", "data_batch_10.bin", "test_batch.bin"),
                CifarLoader.findBatchFiles(dir).stream().map(p -> p.getFileName().toString()).toList());
        ImageDataset dataset = CifarLoader.load(dir);
        assertEquals(List.of("red", "green", "blue"), dataset.classNames());
        assertEquals(List.of(0, 1, 2), java.util.Arrays.stream(dataset.labels()).boxed().toList());
    }

    @Test
    void grayConversionOnRequest() throws Exception {
        CifarTestFiles.writeBatch(dir.resolve("data_batch_1.bin"), 0, 1);
        ImageDataset gray = CifarLoader.load(dir, 1);
        assertEquals(1, gray.channels());
        assertEquals(2 * 1024, gray.pixels().length);
        // 0.299 * 10 + 0.587 * 100 + 0.114 * 200 = 84.49
        assertEquals(84, gray.pixels()[5] & 0xff);
    }

    @Test
    void acceptsTheExtractedSubfolder() throws Exception {
        CifarTestFiles.writeBatch(dir.resolve("cifar-10-batches-bin/data_batch_1.bin"), 4);
        assertEquals(1, CifarLoader.load(dir).size());
    }

    @Test
    void lengthNotAMultipleOfRecordSizeNamesFileAndLength() throws Exception {
        Files.write(dir.resolve("data_batch_1.bin"), new byte[3073 * 2 + 5]);
        DatasetException e = assertThrows(DatasetException.class, () -> CifarLoader.load(dir));
        assertEquals("data_batch_1.bin: length 6151 bytes is not a multiple of 3073 "
                + "(1 label byte + 3072 pixel bytes per record)", e.getMessage());
    }

    @Test
    void labelBeyondClassNamesIsAnError() throws Exception {
        CifarTestFiles.writeBatch(dir.resolve("data_batch_1.bin"), 1, 12);
        DatasetException e = assertThrows(DatasetException.class, () -> CifarLoader.load(dir));
        assertEquals("data_batch_1.bin: label 12 of record 1 is outside 0..9 (10 class names)", e.getMessage());
    }

    @Test
    void folderWithoutBatchesIsAnError() {
        DatasetException e = assertThrows(DatasetException.class, () -> CifarLoader.load(dir));
        assertTrue(e.getMessage().contains("no CIFAR-10 binary batches found"), e.getMessage());
    }
}
