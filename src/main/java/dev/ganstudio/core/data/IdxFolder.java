package dev.ganstudio.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and loads the IDX image/label pairs in one folder, as MNIST-style downloads lay them out:
 * {@code <prefix>-images-idx3-ubyte[.gz]} with {@code <prefix>-labels-idx1-ubyte[.gz]}, also the
 * {@code <prefix>-images.idx3-ubyte} dot variants. Pairs whose prefix contains "train" come first,
 * then the others by name; all pairs found are loaded and concatenated (e.g. train + t10k).
 * Image files without a matching label file are reported as skipped.
 */
public final class IdxFolder {

    private static final Pattern IMAGES = Pattern.compile("(?i)(.+)-images[-.]idx3-ubyte(\\.gz)?");
    private static final Pattern LABELS = Pattern.compile("(?i)(.+)-labels[-.]idx1-ubyte(\\.gz)?");

    /**
     * What a folder holds in IDX files.
     *
     * @param pairs     matched image/label pairs, train first
     * @param unmatched image files with no label file, and duplicate files that were not used
     */
    public record Scan(List<IdxPair> pairs, List<SkippedFile> unmatched) {
        public Scan {
            pairs = List.copyOf(pairs);
            unmatched = List.copyOf(unmatched);
        }
    }

    private IdxFolder() {}

    /** Lists the IDX pairs of a folder without reading them. An unreadable folder is an error. */
    public static Scan scan(Path folder) throws DatasetException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(folder + ": cannot list folder (" + e + ")", e);
        }
        Map<String, Path> images = new LinkedHashMap<>();
        Map<String, Path> labels = new LinkedHashMap<>();
        List<SkippedFile> unmatched = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            Matcher image = IMAGES.matcher(fileName);
            Matcher label = LABELS.matcher(fileName);
            if (image.matches()) {
                keepPreferred(images, image.group(1), file, unmatched);
            } else if (label.matches()) {
                keepPreferred(labels, label.group(1), file, unmatched);
            }
        }
        List<IdxPair> pairs = new ArrayList<>();
        for (Map.Entry<String, Path> entry : images.entrySet()) {
            Path labelFile = labels.get(entry.getKey());
            if (labelFile == null) {
                unmatched.add(new SkippedFile(entry.getValue().toString(),
                        "no matching labels file " + entry.getKey() + "-labels-idx1-ubyte[.gz]"));
            } else {
                pairs.add(new IdxPair(entry.getKey(), entry.getValue(), labelFile));
            }
        }
        pairs.sort(Comparator.comparing((IdxPair p) -> !p.prefix().toLowerCase(Locale.ROOT).contains("train"))
                .thenComparing(IdxPair::prefix));
        return new Scan(pairs, unmatched);
    }

    /** Loads all pairs of the folder with class names "0" .. "9". */
    public static ImageDataset load(Path folder, String name) throws DatasetException {
        return load(folder, name, StandardClassNames.DIGITS);
    }

    /**
     * Loads and concatenates all pairs of the folder, train first.
     *
     * @param classNames names by label value, e.g. {@link StandardClassNames#FASHION_MNIST}
     */
    public static ImageDataset load(Path folder, String name, List<String> classNames) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + ": not a folder");
        }
        Scan scan = scan(folder);
        if (scan.pairs().isEmpty()) {
            StringBuilder message = new StringBuilder(folder + ": no IDX image/label pair found (expected files like "
                    + "train-images-idx3-ubyte.gz with train-labels-idx1-ubyte.gz)");
            for (SkippedFile skipped : scan.unmatched()) {
                message.append("; ").append(skipped);
            }
            throw new DatasetException(message.toString());
        }
        return loadPairs(scan.pairs(), name, classNames, scan.unmatched());
    }

    /**
     * Loads the given pairs in order and concatenates them; they must share one image size.
     *
     * @param skipped entries to report as skipped in the result
     */
    public static ImageDataset loadPairs(List<IdxPair> pairs, String name, List<String> classNames,
                                         List<SkippedFile> skipped) throws DatasetException {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no IDX pairs to load");
        }
        List<ImageDataset> parts = new ArrayList<>();
        for (IdxPair pair : pairs) {
            parts.add(IdxDataset.load(pair.images(), pair.labels(), name, classNames));
        }
        return concatenate(name, parts, classNames, skipped);
    }

    /** True for names like train-images-idx3-ubyte.gz or t10k-labels.idx1-ubyte. */
    public static boolean isIdxFileName(String fileName) {
        return IMAGES.matcher(fileName).matches() || LABELS.matcher(fileName).matches();
    }

    private static void keepPreferred(Map<String, Path> byPrefix, String prefix, Path file,
                                      List<SkippedFile> unused) {
        Path existing = byPrefix.get(prefix);
        if (existing == null) {
            byPrefix.put(prefix, file);
            return;
        }
        // Prefer the uncompressed copy when both are present: same data, faster to read.
        boolean fileIsRaw = !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        Path kept = fileIsRaw ? file : existing;
        Path dropped = fileIsRaw ? existing : file;
        byPrefix.put(prefix, kept);
        unused.add(new SkippedFile(dropped.toString(), "duplicate of " + kept.getFileName() + ", not used"));
    }

    private static ImageDataset concatenate(String name, List<ImageDataset> parts, List<String> classNames,
                                            List<SkippedFile> skipped) throws DatasetException {
        ImageDataset first = parts.get(0);
        if (parts.size() == 1) {
            return new ImageDataset(name, first.pixels(), first.labels(), classNames, 1,
                    first.height(), first.width(), skipped);
        }
        long totalImages = 0;
        for (ImageDataset part : parts) {
            if (part.height() != first.height() || part.width() != first.width()) {
                throw new DatasetException(name + ": IDX pairs differ in image size (" + first.height() + "x"
                        + first.width() + " and " + part.height() + "x" + part.width() + "), cannot combine them");
            }
            totalImages += part.size();
        }
        long totalBytes = totalImages * first.imageSize();
        if (totalBytes > Integer.MAX_VALUE - 16) {
            throw new DatasetException(name + ": " + totalImages + " images are too many to hold in memory");
        }
        byte[] pixels = new byte[(int) totalBytes];
        int[] labels = new int[(int) totalImages];
        int imageOffset = 0;
        for (ImageDataset part : parts) {
            System.arraycopy(part.pixels(), 0, pixels, imageOffset * first.imageSize(), part.pixels().length);
            System.arraycopy(part.labels(), 0, labels, imageOffset, part.size());
            imageOffset += part.size();
        }
        return new ImageDataset(name, pixels, labels, classNames, 1, first.height(), first.width(), skipped);
    }
}
