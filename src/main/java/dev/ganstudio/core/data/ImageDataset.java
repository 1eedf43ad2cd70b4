package dev.ganstudio.core.data;

import java.util.List;

/**
 * A labelled image dataset held in memory as unsigned bytes, NCHW order per image.
 *
 * @param name      what the user picked (e.g. "bundled MNIST digits" or a folder path)
 * @param pixels    images * channels * height * width bytes, each 0..255, NCHW per image
 * @param labels    one class index per image, 0..classNames.size()-1
 * @param classNames class names by index (for IDX/MNIST: "0".."9")
 * @param channels  1 (gray) or 3 (RGB)
 * @param height    image height in pixels
 * @param width     image width in pixels
 * @param skipped   files or records that could not be used, each with its reason
 */
public record ImageDataset(String name, byte[] pixels, int[] labels, List<String> classNames,
                           int channels, int height, int width, List<SkippedFile> skipped) {

    public ImageDataset {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected " + expected);
        }
        classNames = List.copyOf(classNames);
        skipped = List.copyOf(skipped);
    }

    public int size() { return labels.length; }

    public int imageSize() { return channels * height * width; }

    public int numClasses() { return classNames.size(); }

    /** Number of images per class index. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) counts[label]++;
        return counts;
    }
}
