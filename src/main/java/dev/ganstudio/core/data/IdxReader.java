package dev.ganstudio.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files as used by MNIST and Fashion-MNIST: image files (magic 0x00000803: unsigned bytes,
 * three dimensions count, rows, columns) and label files (magic 0x00000801: unsigned bytes, one
 * dimension count). A file is gzip-compressed when it starts with the gzip magic bytes 1f 8b,
 * whatever its name; otherwise it is read raw. Every problem is reported as a
 * {@link DatasetException} whose message starts with the file name and names the offending field.
 */
public final class IdxReader {

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE_TYPE = 0x08;

    private IdxReader() {}

    /** Reads an idx3 unsigned-byte image file. */
    public static IdxImages readImages(Path file) throws DatasetException {
        String name = displayName(file);
        try (InputStream in = open(file)) {
            byte[] header = readHeader(in, IMAGES_MAGIC, 16, name);
            int count = readDimension(header, 4, "image count", name, true);
            int rows = readDimension(header, 8, "rows", name, false);
            int columns = readDimension(header, 12, "columns", name, false);
            long expected = (long) count * rows * columns;
            if (expected > Integer.MAX_VALUE - 16) {
                throw new DatasetException(name + ": header says " + count + " images of " + rows + "x" + columns
                        + ", " + expected + " bytes of pixels, which is too large to load");
            }
            byte[] pixels = readBody(in, (int) expected, name);
            if (pixels.length != expected) {
                throw new DatasetException(name + ": header says " + count + " images of " + rows + "x" + columns
                        + " but the file holds " + pixels.length + " bytes of pixels (expected " + expected + ")");
            }
            checkNoTrailingData(in, name, "header says " + count + " images of " + rows + "x" + columns);
            return new IdxImages(pixels, count, rows, columns);
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /** Reads an idx1 unsigned-byte label file: one byte per record. */
    public static byte[] readLabels(Path file) throws DatasetException {
        String name = displayName(file);
        try (InputStream in = open(file)) {
            byte[] header = readHeader(in, LABELS_MAGIC, 8, name);
            int count = readDimension(header, 4, "label count", name, true);
            byte[] labels = readBody(in, count, name);
            if (labels.length != count) {
                throw new DatasetException(name + ": header says " + count + " labels but the file holds "
                        + labels.length + " bytes of labels");
            }
            checkNoTrailingData(in, name, "header says " + count + " labels");
            return labels;
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /** True when the file starts with the gzip magic bytes 1f 8b. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static InputStream open(Path file) throws IOException {
        boolean gzip = isGzip(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    /** Reads the magic number first, so a wrong kind of file is named as such even when it is short. */
    private static byte[] readHeader(InputStream in, int expectedMagic, int length, String name)
            throws IOException, DatasetException {
        byte[] magic = in.readNBytes(4);
        if (magic.length == 4) {
            checkMagic(readInt(magic, 0), expectedMagic, name);
        }
        byte[] rest = in.readNBytes(length - magic.length);
        byte[] header = Arrays.copyOf(magic, magic.length + rest.length);
        System.arraycopy(rest, 0, header, magic.length, rest.length);
        if (header.length < length) {
            throw new DatasetException(name + ": file ends after " + header.length + " bytes, inside the "
                    + length + "-byte IDX header");
        }
        return header;
    }

    private static byte[] readBody(InputStream in, int length, String name) throws DatasetException, IOException {
        try {
            return in.readNBytes(length);
        } catch (EOFException e) {
            throw new DatasetException(name + ": gzip data is truncated (" + e.getMessage() + ")", e);
        }
    }

    private static void checkNoTrailingData(InputStream in, String name, String what)
            throws DatasetException, IOException {
        int next;
        try {
            next = in.read();
        } catch (EOFException e) {
            throw new DatasetException(name + ": gzip data is truncated (" + e.getMessage() + ")", e);
        }
        if (next != -1) {
            throw new DatasetException(name + ": " + what + " but the file holds more data after them");
        }
    }

    private static void checkMagic(int magic, int expected, String name) throws DatasetException {
        if (magic == expected) return;
        int zeros = magic >>> 16;
        int type = (magic >>> 8) & 0xff;
        int dimensions = magic & 0xff;
        String kind = expected == IMAGES_MAGIC ? "an IDX image file (magic 0x00000803)"
                : "an IDX label file (magic 0x00000801)";
        String found;
        if (zeros != 0) {
            found = "magic number " + hex(magic) + " is not an IDX header";
        } else if (type != UNSIGNED_BYTE_TYPE) {
            found = "magic number " + hex(magic) + " declares element type 0x" + String.format("%02X", type)
                    + ", only unsigned bytes (0x08) are supported";
        } else if (magic == IMAGES_MAGIC) {
            found = "magic number " + hex(magic) + " marks an image file (idx3)";
        } else if (magic == LABELS_MAGIC) {
            found = "magic number " + hex(magic) + " marks a label file (idx1)";
        } else {
            found = "magic number " + hex(magic) + " declares " + dimensions + " dimensions";
        }
        throw new DatasetException(name + ": " + found + ", expected " + kind);
    }

    private static int readDimension(byte[] header, int offset, String field, String name, boolean zeroAllowed)
            throws DatasetException {
        int value = readInt(header, offset);
        if (value < 0 || (value == 0 && !zeroAllowed)) {
            throw new DatasetException(name + ": header field '" + field + "' is " + Integer.toUnsignedString(value)
                    + ", which is not a usable size");
        }
        return value;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static String displayName(Path file) {
        Path fileName = file.getFileName();
        return fileName == null ? file.toString() : fileName.toString();
    }

    private static DatasetException ioFailure(Path file, IOException e) {
        String name = displayName(file);
        if (e instanceof NoSuchFileException) {
            return new DatasetException(name + ": file not found (" + file + ")", e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
        if (e instanceof EOFException) {
            return new DatasetException(name + ": gzip data is truncated (" + e.getMessage() + ")", e);
        }
        return new DatasetException(name + ": cannot read (" + e + ")", e);
    }
}
