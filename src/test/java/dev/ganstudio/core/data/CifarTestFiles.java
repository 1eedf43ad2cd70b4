package dev.ganstudio.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes synthetic CIFAR-10 binary batches for tests. */
final class CifarTestFiles {

    private CifarTestFiles() {}

    /**
     * One record per label; record r has red = 10 + r, green = 100 + r, blue = 200 + r everywhere,
     * except pixel (row 0, column 1) of the red plane, which is 1, to pin down the row-major layout.
     */
    static Path writeBatch(Path file, int... labels) throws IOException {
        byte[] content = new byte[labels.length * CifarLoader.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int offset = r * CifarLoader.RECORD_BYTES;
            content[offset] = (byte) labels[r];
            for (int i = 0; i < 1024; i++) {
                content[offset + 1 + i] = (byte) (10 + r);
                content[offset + 1 + 1024 + i] = (byte) (100 + r);
                content[offset + 1 + 2048 + i] = (byte) (200 + r);
            }
            content[offset + 1 + 1] = 1;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }
}
