package dev.ganstudio.core.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Loads a folder of image files as a labelled dataset.
 *
 * <p>Layout: one subfolder per class, classes ordered by folder name (class index = position);
 * images may sit anywhere below their class folder. A folder holding image files and no subfolders
 * is a single class named after the folder. Files directly in a root that has class folders are
 * skipped ("not inside a class folder").
 *
 * <p>PNG, JPEG, BMP and GIF files are decoded with javax.imageio, centre-cropped to a square,
 * resized to size x size ({@link ImageResizer}) and converted to gray (luma) or RGB
 * ({@link ImagePixels}). Decoding runs in parallel; the order is deterministic: classes by name,
 * files by relative path.
 *
 * <p>Every file that cannot be used is reported as a {@link SkippedFile}: "zero-byte file",
 * "not an image (extension .txt)", "corrupt PNG: &lt;decoder message&gt;", ... A class folder left
 * with no usable image is reported as "class 'x' has no usable images" and dropped from the class
 * list. Hidden entries, whose name starts with a dot (.DS_Store, ._photo.jpg, .git, ...), are
 * ignored silently: they are file-system or tool metadata, never part of a dataset.
 */
public final class ImageFolderLoader {

    private static final Map<String, String> FORMATS = Map.of(
            "png", "PNG", "jpg", "JPEG", "jpeg", "JPEG", "bmp", "BMP", "gif", "GIF");

    private ImageFolderLoader() {}

    /** True when the name has an extension this loader decodes (png, jpg, jpeg, bmp, gif; any case). */
    public static boolean isImageFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && FORMATS.containsKey(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Loads all classes. */
    public static ImageDataset load(Path root, int size, int channels) throws DatasetException {
        return load(root, size, channels, Set.of());
    }

    /**
     * Loads the folder.
     *
     * @param size        output width and height in pixels
     * @param channels    1 (gray) or 3 (RGB)
     * @param classFilter class names to keep; empty keeps all. A name that is not a class is an error.
     */
    public static ImageDataset load(Path root, int size, int channels, Set<String> classFilter)
            throws DatasetException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, not " + size);
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + ": not a folder");
        }
        List<SkippedFile> skipped = new ArrayList<>();
        List<ClassFolder> classes = findClasses(root, skipped);
        if (classes.isEmpty()) {
            throw new DatasetException(root + ": no image files found" + summary(skipped));
        }
        if (!classFilter.isEmpty()) {
            Set<String> existing = new TreeSet<>(classes.stream().map(ClassFolder::name).toList());
            Set<String> unknown = new TreeSet<>(classFilter);
            unknown.removeAll(existing);
            if (!unknown.isEmpty()) {
                throw new DatasetException(root + ": no class named " + quoted(unknown)
                        + "; the classes are " + quoted(existing));
            }
            classes = classes.stream().filter(c -> classFilter.contains(c.name())).toList();
        }

        // Decode every file of every class in one parallel pass; toList() keeps the order.
        List<Path> files = new ArrayList<>();
        List<Integer> classOfFile = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            files.addAll(classes.get(c).files());
            classOfFile.addAll(Collections.nCopies(classes.get(c).files().size(), c));
        }
        List<Decoded> decoded = files.parallelStream().map(file -> decode(file, size, channels)).toList();

        int[] usable = new int[classes.size()];
        for (int i = 0; i < decoded.size(); i++) {
            if (decoded.get(i).pixels() != null) usable[classOfFile.get(i)]++;
            else skipped.add(decoded.get(i).skipped());
        }
        List<String> classNames = new ArrayList<>();
        int[] newLabel = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            if (usable[c] == 0) {
                skipped.add(new SkippedFile(classes.get(c).folder().toString(),
                        "class '" + classes.get(c).name() + "' has no usable images"));
                newLabel[c] = -1;
            } else {
                newLabel[c] = classNames.size();
                classNames.add(classes.get(c).name());
            }
        }
        int count = IntStream.of(usable).sum();
        if (count == 0) {
            throw new DatasetException(root + ": no usable images" + summary(skipped));
        }
        int imageSize = channels * size * size;
        byte[] pixels = new byte[count * imageSize];
        int[] labels = new int[count];
        int next = 0;
        for (int i = 0; i < decoded.size(); i++) {
            byte[] image = decoded.get(i).pixels();
            if (image == null) continue;
            System.arraycopy(image, 0, pixels, next * imageSize, imageSize);
            labels[next++] = newLabel[classOfFile.get(i)];
        }
        return new ImageDataset(root.toString(), pixels, labels, classNames, channels, size, size, skipped);
    }

    /** A class: its name, its folder and the files below it (sorted by relative path). */
    private record ClassFolder(String name, Path folder, List<Path> files) {}

    /** The classes in name order; a class folder without files has an empty file list. */
    private static List<ClassFolder> findClasses(Path root, List<SkippedFile> skipped) throws DatasetException {
        List<Path> entries = listVisible(root);
        List<Path> folders = entries.stream().filter(Files::isDirectory).toList();
        if (folders.isEmpty()) {
            List<Path> files = entries.stream().filter(Files::isRegularFile).toList();
            if (files.isEmpty()) return List.of();
            Path name = root.toAbsolutePath().normalize().getFileName();
            return List.of(new ClassFolder(name == null ? root.toString() : name.toString(), root, files));
        }
        for (Path entry : entries) {
            if (Files.isRegularFile(entry)) {
                skipped.add(new SkippedFile(entry.toString(), "not inside a class folder"));
            }
        }
        List<ClassFolder> classes = new ArrayList<>();
        for (Path folder : folders) {
            classes.add(new ClassFolder(folder.getFileName().toString(), folder, listFilesBelow(folder)));
        }
        return classes;
    }

    private static List<Path> listVisible(Path folder) throws DatasetException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> !isHidden(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(folder + ": cannot list folder (" + e + ")", e);
        }
    }

    private static List<Path> listFilesBelow(Path folder) throws DatasetException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hasHiddenPart(folder.relativize(p)))
                    .sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException(folder + ": cannot list folder (" + e + ")", e);
        }
    }

    private static boolean hasHiddenPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Either pixels or the reason there are none. */
    private record Decoded(byte[] pixels, SkippedFile skipped) {}

    private static Decoded decode(Path file, int size, int channels) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        try {
            if (Files.size(file) == 0) {
                return skip(file, "zero-byte file");
            }
            String format = FORMATS.get(extension);
            if (format == null) {
                return skip(file, extension.isEmpty() ? "not an image (no extension)"
                        : "not an image (extension ." + extension + ")");
            }
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image;
            try {
                // ImageIO.read closes the stream itself; a memory cache avoids temporary files.
                ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
                image = ImageIO.read(in);
            } catch (IOException | RuntimeException e) {
                return skip(file, "corrupt " + format + ": " + describe(e));
            }
            if (image == null) {
                return skip(file, "corrupt " + format + ": no image decoder recognises the data");
            }
            byte[] full = ImagePixels.fromImage(image, channels);
            return new Decoded(ImageResizer.resizeCentreCrop(full, channels, image.getHeight(), image.getWidth(),
                    size), null);
        } catch (IOException e) {
            return skip(file, "cannot read file: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text += " (" + cause.getMessage() + ")";
        }
        return text;
    }

    private static Decoded skip(Path file, String reason) {
        return new Decoded(null, new SkippedFile(file.toString(), reason));
    }

    /** " (N files skipped: reason kind (count), ...)" or "" when nothing was skipped. */
    static String summary(List<SkippedFile> skipped) {
        if (skipped.isEmpty()) return "";
        Map<String, Long> byKind = skipped.stream().collect(Collectors.groupingBy(
                s -> reasonKind(s.reason()), LinkedHashMap::new, Collectors.counting()));
        return " (" + skipped.size() + (skipped.size() == 1 ? " entry" : " entries") + " skipped: "
                + byKind.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                        .collect(Collectors.joining(", ")) + ")";
    }

    private static String reasonKind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    private static String quoted(Set<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
