package dev.ganstudio.core.data;

import java.util.stream.IntStream;

/**
 * Resizes CHW byte images. Shrinking averages the exact source area each output pixel covers (box
 * filter, no aliasing); enlarging interpolates bilinearly between pixel centres. Both axes are
 * handled separately, in floating point, and rounded once at the end.
 */
public final class ImageResizer {

    private ImageResizer() {}

    /** Resizes one CHW image to {@code newHeight} x {@code newWidth}, stretching if the aspect differs. */
    public static byte[] resize(byte[] chw, int channels, int height, int width, int newHeight, int newWidth) {
        if (height <= 0 || width <= 0 || newHeight <= 0 || newWidth <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + height + "x" + width + " -> "
                    + newHeight + "x" + newWidth);
        }
        if (chw.length != channels * height * width) {
            throw new IllegalArgumentException("image has " + chw.length + " bytes, expected "
                    + channels * height * width);
        }
        if (height == newHeight && width == newWidth) return chw.clone();
        Taps columns = Taps.of(width, newWidth);
        Taps rows = Taps.of(height, newHeight);
        byte[] out = new byte[channels * newHeight * newWidth];
        float[] horizontal = new float[height * newWidth];
        for (int c = 0; c < channels; c++) {
            int in = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < newWidth; x++) {
                    float sum = 0;
                    for (int t = columns.start[x]; t < columns.start[x + 1]; t++) {
                        sum += columns.weight[t] * (chw[in + y * width + columns.index[t]] & 0xff);
                    }
                    horizontal[y * newWidth + x] = sum;
                }
            }
            int outBase = c * newHeight * newWidth;
            for (int y = 0; y < newHeight; y++) {
                for (int x = 0; x < newWidth; x++) {
                    float sum = 0;
                    for (int t = rows.start[y]; t < rows.start[y + 1]; t++) {
                        sum += rows.weight[t] * horizontal[rows.index[t] * newWidth + x];
                    }
                    out[outBase + y * newWidth + x] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return out;
    }

    /**
     * Crops the central square of one CHW image (side = the shorter side) and resizes it to
     * {@code size} x {@code size}, so proportions are kept.
     */
    public static byte[] resizeCentreCrop(byte[] chw, int channels, int height, int width, int size) {
        int side = Math.min(height, width);
        byte[] square = chw;
        if (height != width) {
            int top = (height - side) / 2;
            int left = (width - side) / 2;
            square = new byte[channels * side * side];
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < side; y++) {
                    System.arraycopy(chw, c * height * width + (top + y) * width + left,
                            square, c * side * side + y * side, side);
                }
            }
        }
        return resize(square, channels, side, side, size, size);
    }

    /**
     * The dataset with every image centre-cropped to a square, resized to {@code size} x {@code size}
     * and converted to {@code channels} (1 or 3); the same dataset when nothing changes.
     */
    public static ImageDataset convert(ImageDataset dataset, int size, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
        if (size <= 0) throw new IllegalArgumentException("size must be positive, not " + size);
        if (dataset.height() == size && dataset.width() == size && dataset.channels() == channels) {
            return dataset;
        }
        int inSize = dataset.imageSize();
        int outSize = channels * size * size;
        byte[] out = new byte[dataset.size() * outSize];
        byte[] in = dataset.pixels();
        IntStream.range(0, dataset.size()).parallel().forEach(i -> {
            byte[] image = new byte[inSize];
            System.arraycopy(in, i * inSize, image, 0, inSize);
            byte[] resized = resizeCentreCrop(image, dataset.channels(), dataset.height(), dataset.width(), size);
            byte[] converted = ImagePixels.convertChannels(resized, dataset.channels(), channels, size, size);
            System.arraycopy(converted, 0, out, i * outSize, outSize);
        });
        return new ImageDataset(dataset.name(), out, dataset.labels(), dataset.classNames(), channels, size, size,
                dataset.skipped());
    }

    /** For each output position, the source positions it reads and their weights (CSR layout). */
    private static final class Taps {
        final int[] start;
        final int[] index;
        final float[] weight;

        private Taps(int[] start, int[] index, float[] weight) {
            this.start = start;
            this.index = index;
            this.weight = weight;
        }

        static Taps of(int source, int target) {
            int[] start = new int[target + 1];
            int maxTaps = target < source ? (int) Math.ceil((double) source / target) + 1 : 2;
            int[] index = new int[target * maxTaps];
            float[] weight = new float[target * maxTaps];
            int n = 0;
            if (target == source) {
                for (int i = 0; i < target; i++) {
                    start[i] = n;
                    index[n] = i;
                    weight[n++] = 1f;
                }
            } else if (target < source) {
                double scale = (double) source / target;
                for (int i = 0; i < target; i++) {
                    start[i] = n;
                    double lo = i * scale;
                    double hi = Math.min(source, (i + 1) * scale);
                    for (int s = (int) Math.floor(lo); s < hi && s < source; s++) {
                        double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                        if (overlap <= 1e-9) continue;
                        index[n] = s;
                        weight[n++] = (float) (overlap / scale);
                    }
                }
            } else {
                double scale = (double) source / target;
                for (int i = 0; i < target; i++) {
                    start[i] = n;
                    double x = Math.min(source - 1, Math.max(0, (i + 0.5) * scale - 0.5));
                    int x0 = (int) Math.floor(x);
                    float f = (float) (x - x0);
                    index[n] = x0;
                    weight[n++] = 1f - f;
                    if (f > 0) {
                        index[n] = x0 + 1;
                        weight[n++] = f;
                    }
                }
            }
            start[target] = n;
            return new Taps(start, index, weight);
        }
    }
}
