package dev.ganstudio.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxTestFiles {

    private IdxTestFiles() {}

    /** Images with pixel value (image * 31 + index) % 256, so every byte position is recognisable. */
    static byte[] patternPixels(int count, int rows, int columns) {
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i / (rows * columns)) * 31 + i);
        }
        return pixels;
    }

    static void writeImages(Path file, byte[] pixels, int count, int rows, int columns, boolean gzip)
            throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        write(file, concat(header.array(), pixels), gzip);
    }

    static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        write(file, concat(header.array(), labels), gzip);
    }

    static void write(Path file, byte[] content, boolean gzip) throws IOException {
        if (!gzip) {
            Files.write(file, content);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(content);
        }
        Files.write(file, buffer.toByteArray());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
