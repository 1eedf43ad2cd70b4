package dev.ganstudio.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the binary version of CIFAR-10: {@code data_batch_1.bin} .. {@code data_batch_5.bin}, then
 * {@code test_batch.bin}, whichever are present. Each record is 1 label byte and 3072 pixel bytes
 * (1024 red, 1024 green, 1024 blue, each plane row-major 32x32), which is already the dataset's CHW
 * layout. Class names come from {@code batches.meta.txt} (one per line) when present, else the
 * standard CIFAR-10 names. A folder that holds the extracted {@code cifar-10-batches-bin} folder
 * is accepted too.
 */
public final class CifarLoader {

    public static final int SIDE = 32;
    public static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    static final String EXTRACTED_FOLDER = "cifar-10-batches-bin";
    static final String META_FILE = "batches.meta.txt";
    private static final Pattern TRAIN_BATCH = Pattern.compile("data_batch_(\\d{1,9})\\.bin");
    private static final String TEST_BATCH = "test_batch.bin";

    private CifarLoader() {}

    /** The folder that holds the batch files: the given one, or its {@code cifar-10-batches-bin}. */
    public static Path batchFolder(Path folder) {
        Path extracted = folder.resolve(EXTRACTED_FOLDER);
        if (findBatchFiles(folder).isEmpty() && Files.isDirectory(extracted)) {
            return extracted;
        }
        return folder;
    }

    /** The batch files of a folder in load order (training batches by number, then the test batch). */
    public static List<Path> findBatchFiles(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> train = new ArrayList<>();
        Path test = null;
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (TRAIN_BATCH.matcher(name).matches()) train.add(file);
                else if (name.equals(TEST_BATCH)) test = file;
            }
        } catch (IOException e) {
            return List.of();
        }
        train.sort(Comparator.comparingLong(CifarLoader::batchNumber));
        if (test != null) train.add(test);
        return train;
    }

    /** Loads all batches as 3-channel 32x32 images. */
    public static ImageDataset load(Path folder) throws DatasetException {
        return load(folder, 3);
    }

    /**
     * Loads all batches.
     *
     * @param channels 3 keeps the colour images as stored; 1 converts them to gray (Rec. 601 luma)
     */
    public static ImageDataset load(Path folder, int channels) throws DatasetException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        Path batches = batchFolder(folder);
        List<Path> files = findBatchFiles(batches);
        if (files.isEmpty()) {
            throw new DatasetException(folder + ": no CIFAR-10 binary batches found (expected data_batch_1.bin .. "
                    + "data_batch_5.bin and/or test_batch.bin)");
        }
        List<String> classNames = readClassNames(batches);

        long totalRecords = 0;
        for (Path file : files) {
            totalRecords += recordCount(file);
        }
        int imageBytes = channels * SIDE * SIDE;
        if (totalRecords * imageBytes > Integer.MAX_VALUE - 16) {
            throw new DatasetException(folder + ": " + totalRecords + " records are too many to hold in memory");
        }
        byte[] pixels = new byte[(int) (totalRecords * imageBytes)];
        int[] labels = new int[(int) totalRecords];
        int next = 0;
        for (Path file : files) {
            byte[] content = readAll(file);
            int records = content.length / RECORD_BYTES;
            if (next + records > totalRecords) {
                throw new DatasetException(file.getFileName() + ": file grew while it was being read");
            }
            for (int r = 0; r < records; r++) {
                int offset = r * RECORD_BYTES;
                int label = content[offset] & 0xff;
                if (label >= classNames.size()) {
                    throw new DatasetException(file.getFileName() + ": label " + label + " of record " + r
                            + " is outside 0.." + (classNames.size() - 1) + " (" + classNames.size()
                            + " class names)");
                }
                labels[next] = label;
                if (channels == 3) {
                    System.arraycopy(content, offset + 1, pixels, next * imageBytes, IMAGE_BYTES);
                } else {
                    byte[] rgb = new byte[IMAGE_BYTES];
                    System.arraycopy(content, offset + 1, rgb, 0, IMAGE_BYTES);
                    System.arraycopy(ImagePixels.rgbToGray(rgb, SIDE, SIDE), 0, pixels, next * imageBytes,
                            imageBytes);
                }
                next++;
            }
        }
        if (next == 0) {
            throw new DatasetException(folder + ": the CIFAR-10 batches hold no records");
        }
        return new ImageDataset(folder.toString(), pixels, labels, classNames, channels, SIDE, SIDE, List.of());
    }

    /** Number of records in a batch file, after checking that its length is a whole number of records. */
    static long recordCount(Path file) throws DatasetException {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(file.getFileName() + ": cannot read (" + e + ")", e);
        }
        checkLength(file, length);
        return length / RECORD_BYTES;
    }

    private static void checkLength(Path file, long length) throws DatasetException {
        if (length % RECORD_BYTES != 0) {
            String hint = length % (RECORD_BYTES + 1) == 0
                    ? "; it looks like CIFAR-100 (2 label bytes per record), which is not supported" : "";
            throw new DatasetException(file.getFileName() + ": length " + length + " bytes is not a multiple of "
                    + RECORD_BYTES + " (1 label byte + 3072 pixel bytes per record)" + hint);
        }
    }

    /** Names from batches.meta.txt (non-blank lines), or the standard CIFAR-10 names when it is absent. */
    static List<String> readClassNames(Path batchFolder) throws DatasetException {
        Path meta = batchFolder.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return StandardClassNames.CIFAR_10;
        }
        try {
            List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new DatasetException(META_FILE + ": holds no class names");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(META_FILE + ": cannot read (" + e + ")", e);
        }
    }

    private static byte[] readAll(Path file) throws DatasetException {
        try {
            byte[] content = Files.readAllBytes(file);
            checkLength(file, content.length);
            return content;
        } catch (IOException e) {
            throw new DatasetException(file.getFileName() + ": cannot read (" + e + ")", e);
        }
    }

    private static long batchNumber(Path file) {
        Matcher matcher = TRAIN_BATCH.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : Long.MAX_VALUE;
    }
}
