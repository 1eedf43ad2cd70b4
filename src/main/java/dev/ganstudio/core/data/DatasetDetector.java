package dev.ganstudio.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells what kind of dataset a dropped folder or file is, and loads it.
 *
 * <p>A folder is, in this order of precedence: IDX image/label pairs ({@link IdxFolder}), CIFAR-10
 * binary batches, directly or in an extracted {@code cifar-10-batches-bin} folder ({@link CifarLoader}),
 * or a folder of images ({@link ImageFolderLoader}). A dropped IDX file stands for its pair, a
 * dropped CIFAR batch or {@code batches.meta.txt} for the batches of its folder. IDX files get the
 * Fashion-MNIST class names when their folder is the Debian package's or any folder on their path
 * has "fashion" in its name, and "0".."9" otherwise.
 */
public final class DatasetDetector {

    private DatasetDetector() {}

    /** Looks at names and folder structure only; decodes nothing. */
    public static DetectedDataset detect(Path path) {
        if (!Files.exists(path)) {
            return new DetectedDataset.Unknown(path, path + " does not exist");
        }
        if (Files.isRegularFile(path)) {
            return detectFile(path);
        }
        if (!Files.isDirectory(path)) {
            return new DetectedDataset.Unknown(path, path + " is neither a file nor a folder");
        }
        try {
            IdxFolder.Scan scan = IdxFolder.scan(path);
            if (!scan.pairs().isEmpty()) {
                return new DetectedDataset.IdxFiles(path, path, scan.pairs(), idxClassNames(path));
            }
            Path batchFolder = CifarLoader.batchFolder(path);
            List<Path> batches = CifarLoader.findBatchFiles(batchFolder);
            if (!batches.isEmpty()) {
                return new DetectedDataset.CifarBinaries(path, batchFolder, batches);
            }
            DetectedDataset images = detectImageFolder(path);
            if (images != null) return images;
            if (!scan.unmatched().isEmpty()) {
                return new DetectedDataset.Unknown(path, path + ": IDX image files without label files ("
                        + scan.unmatched().get(0) + ")");
            }
            return new DetectedDataset.Unknown(path, path + ": no IDX pairs, CIFAR-10 batches or image files found");
        } catch (DatasetException | UncheckedIOException e) {
            return new DetectedDataset.Unknown(path, e.getMessage());
        }
    }

    /**
     * Detects and loads. IDX and CIFAR data keep their native size and channels when they already
     * match {@code size} and {@code channels}; otherwise they are centre-cropped, resized and
     * converted ({@link ImageResizer#convert}). An image folder is decoded straight to that size.
     *
     * @param classFilter class names to keep; empty keeps all
     */
    public static ImageDataset load(Path path, int size, int channels, Set<String> classFilter)
            throws DatasetException {
        DetectedDataset detected = detect(path);
        String name = path.toString();
        ImageDataset dataset;
        if (detected instanceof DetectedDataset.IdxFiles idx) {
            List<SkippedFile> skipped = Files.isDirectory(path) ? IdxFolder.scan(idx.folder()).unmatched() : List.of();
            dataset = IdxFolder.loadPairs(idx.pairs(), name, idx.classNames(), skipped);
        } else if (detected instanceof DetectedDataset.CifarBinaries cifar) {
            ImageDataset loaded = CifarLoader.load(cifar.folder(), channels);
            dataset = new ImageDataset(name, loaded.pixels(), loaded.labels(), loaded.classNames(),
                    loaded.channels(), loaded.height(), loaded.width(), loaded.skipped());
        } else if (detected instanceof DetectedDataset.ImageFolder folder) {
            return ImageFolderLoader.load(folder.path(), size, channels, classFilter);
        } else {
            throw new DatasetException(detected.describe());
        }
        return ImageResizer.convert(ClassFilter.apply(dataset, classFilter), size, channels);
    }

    private static DetectedDataset detectFile(Path file) {
        String fileName = file.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        Path folder = file.toAbsolutePath().getParent();
        if (IdxFolder.isIdxFileName(fileName)) {
            try {
                Optional<IdxPair> pair = IdxFolder.scan(folder).pairs().stream()
                        .filter(p -> sameFile(p.images(), file) || sameFile(p.labels(), file)).findFirst();
                if (pair.isPresent()) {
                    return new DetectedDataset.IdxFiles(file, folder, List.of(pair.get()), idxClassNames(folder));
                }
                return new DetectedDataset.Unknown(file, fileName + ": no matching IDX "
                        + (lower.contains("-images") ? "labels" : "images") + " file beside it");
            } catch (DatasetException e) {
                return new DetectedDataset.Unknown(file, e.getMessage());
            }
        }
        if (lower.matches("data_batch_\\d+\\.bin|test_batch\\.bin|batches\\.meta\\.txt")) {
            List<Path> batches = CifarLoader.findBatchFiles(folder);
            if (!batches.isEmpty()) return new DetectedDataset.CifarBinaries(file, folder, batches);
            return new DetectedDataset.Unknown(file, fileName + ": no CIFAR-10 batch files beside it");
        }
        if (ImageFolderLoader.isImageFileName(fileName)) {
            return new DetectedDataset.Unknown(file, fileName
                    + ": a single image is not a dataset; use the folder that holds the images");
        }
        if (lower.endsWith(".zip") || lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")
                || lower.endsWith(".7z") || lower.endsWith(".rar")) {
            return new DetectedDataset.Unknown(file, fileName + ": archives are not unpacked; extract it first");
        }
        return new DetectedDataset.Unknown(file, fileName + ": not a dataset file (expected a folder of images, "
                + "IDX files or CIFAR-10 binary batches)");
    }

    /** An image folder as {@link ImageFolderLoader} would read it, or null when there are no images. */
    private static DetectedDataset detectImageFolder(Path root) throws DatasetException {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(root)) {
            entries = listing.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new DatasetException(root + ": cannot list folder (" + e + ")", e);
        }
        List<Path> folders = entries.stream().filter(Files::isDirectory).toList();
        boolean imagesHere = entries.stream()
                .anyMatch(p -> Files.isRegularFile(p) && ImageFolderLoader.isImageFileName(p.getFileName().toString()));
        if (folders.isEmpty()) {
            if (!imagesHere) return null;
            Path name = root.toAbsolutePath().normalize().getFileName();
            return new DetectedDataset.ImageFolder(root, List.of(name == null ? root.toString() : name.toString()));
        }
        boolean imagesInClasses = false;
        for (Path folder : folders) {
            if (containsImage(folder)) {
                imagesInClasses = true;
                break;
            }
        }
        if (!imagesInClasses) {
            if (!imagesHere) return null;
            return new DetectedDataset.Unknown(root, root + ": the images sit beside subfolders without images; "
                    + "put each class's images in its own subfolder, or remove the subfolders");
        }
        return new DetectedDataset.ImageFolder(root, folders.stream().map(p -> p.getFileName().toString()).toList());
    }

    private static boolean containsImage(Path folder) throws DatasetException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> Files.isRegularFile(p) && !hidden(folder.relativize(p))
                    && ImageFolderLoader.isImageFileName(p.getFileName().toString()));
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException(folder + ": cannot list folder (" + e + ")", e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private static List<String> idxClassNames(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (absolute.equals(BuiltinDatasets.FASHION_MNIST_FOLDER)) return StandardClassNames.FASHION_MNIST;
        for (Path part : absolute) {
            if (part.toString().toLowerCase(Locale.ROOT).contains("fashion")) return StandardClassNames.FASHION_MNIST;
        }
        return StandardClassNames.DIGITS;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
