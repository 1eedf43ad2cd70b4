package dev.ganstudio.core.config;

import java.util.List;

/**
 * Real images. {@code type}: bundled-digits (the MNIST digits shipped in assets/), fashion-mnist (the Debian
 * package dataset-fashion-mnist), idx (MNIST-style IDX files in {@code path}), image-folder (one subfolder per
 * class in {@code path}), cifar10 (CIFAR-10 binary batches in {@code path}) or auto (detect what {@code path} holds).
 *
 * @param imageSize resize to imageSize×imageSize (null: keep the dataset's size)
 * @param channels  1 (gray) or 3 (RGB) (null: keep the dataset's channels)
 * @param classes   keep only these class names (null or empty: all)
 */
public record ImageSource(String type, String path, Integer imageSize, Integer channels, List<String> classes)
        implements DataSourceConfig {
    public ImageSource {
        Check.required("data.type", type);
        boolean needsPath = !type.equals("bundled-digits") && !type.equals("fashion-mnist");
        if (needsPath && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("data.path is required for data.type '" + type + "'");
        }
        if (imageSize != null && (imageSize < 4 || imageSize > 1024)) {
            throw new IllegalArgumentException("data.imageSize must be in [4, 1024], got " + imageSize);
        }
        if (channels != null && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("data.channels must be 1 or 3, got " + channels);
        }
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    public ImageSource withPath(String newPath) { return new ImageSource(type, newPath, imageSize, channels, classes); }

    public static ImageSource bundledDigits() { return new ImageSource("bundled-digits", null, null, null, null); }

    @Override public String describe() {
        String what = switch (type) {
            case "bundled-digits" -> "bundled MNIST digits";
            case "fashion-mnist" -> "Fashion-MNIST";
            default -> type + " " + path;
        };
        return what + (classes.isEmpty() ? "" : " classes " + classes);
    }
}
