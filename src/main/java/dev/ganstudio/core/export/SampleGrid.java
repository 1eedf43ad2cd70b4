package dev.ganstudio.core.export;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Lays out a batch of generated images as one picture: a grid of tiles separated by
 * {@code padding} pixels of {@code background} (also around the border), each image upscaled by an
 * integer {@code scale} with nearest-neighbour sampling. Output is always {@link BufferedImage#TYPE_INT_RGB}
 * (gray images get equal R, G and B), which PNG and {@link GifExport} store without loss.
 *
 * <pre>
 * BufferedImage png = SampleGrid.defaults().withScale(2).render(new ImageBatch(values, 64, 1, 28, 28));
 * </pre>
 *
 * @param columns    tiles per row, ≥ 1, or {@link #AUTO_COLUMNS} for ceil(sqrt(count))
 * @param padding    pixels between tiles and around the border, ≥ 0 (not scaled)
 * @param background colour of the padding and of empty cells in the last row
 * @param scale      integer upscaling factor, 1..64
 */
public record SampleGrid(int columns, int padding, Color background, int scale) {

    /** {@code columns} value meaning ceil(sqrt(count)). */
    public static final int AUTO_COLUMNS = 0;
    public static final int DEFAULT_PADDING = 2;
    public static final Color DEFAULT_BACKGROUND = new Color(64, 64, 64);
    public static final int MAX_SCALE = 64;

    public SampleGrid {
        if (columns < 0) {
            throw new IllegalArgumentException("columns must be >= 1, or " + AUTO_COLUMNS + " for automatic, got " + columns);
        }
        if (padding < 0) throw new IllegalArgumentException("padding must be >= 0 pixels, got " + padding);
        if (background == null) throw new IllegalArgumentException("background colour must not be null");
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be between 1 and " + MAX_SCALE + ", got " + scale);
        }
    }

    /** Automatic columns, 2 pixels of dark gray padding, scale 1. */
    public static SampleGrid defaults() {
        return new SampleGrid(AUTO_COLUMNS, DEFAULT_PADDING, DEFAULT_BACKGROUND, 1);
    }

    public SampleGrid withColumns(int newColumns) {
        return new SampleGrid(newColumns, padding, background, scale);
    }

    public SampleGrid withPadding(int newPadding) {
        return new SampleGrid(columns, newPadding, background, scale);
    }

    public SampleGrid withBackground(Color newBackground) {
        return new SampleGrid(columns, padding, newBackground, scale);
    }

    public SampleGrid withScale(int newScale) {
        return new SampleGrid(columns, padding, background, newScale);
    }

    /** Columns used for {@code count} images: {@link #columns} if set, else ceil(sqrt(count)); never more than count. */
    public int columnsFor(int count) {
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        int c = columns != AUTO_COLUMNS ? columns : (int) Math.ceil(Math.sqrt(count));
        return Math.min(c, count);
    }

    /** The grid of all images in {@code batch}, row by row. */
    public BufferedImage render(ImageBatch batch) {
        return render(batch, columnsFor(batch.count()));
    }

    /** All images of {@code batch} in a single row (e.g. one latent interpolation path). */
    public BufferedImage renderStrip(ImageBatch batch) {
        return render(batch, batch.count());
    }

    private BufferedImage render(ImageBatch batch, int cols) {
        int n = batch.count();
        int rows = (n + cols - 1) / cols;
        int tileW = batch.width() * scale;
        int tileH = batch.height() * scale;
        long outW = (long) cols * (tileW + padding) + padding;
        long outH = (long) rows * (tileH + padding) + padding;
        if (outW * outH > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a grid of " + n + " images of " + batch.width() + "x" + batch.height()
                    + " at scale " + scale + " would be " + outW + "x" + outH + " pixels, more than one image can hold");
        }
        BufferedImage image = new BufferedImage((int) outW, (int) outH, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(out, background.getRGB() & 0xFFFFFF);
        int stride = (int) outW;
        int plane = batch.height() * batch.width();
        float[] v = batch.values();
        for (int k = 0; k < n; k++) {
            int left = padding + (k % cols) * (tileW + padding);
            int top = padding + (k / cols) * (tileH + padding);
            int base = k * batch.imageSize();
            for (int y = 0; y < batch.height(); y++) {
                for (int x = 0; x < batch.width(); x++) {
                    int i = base + y * batch.width() + x;
                    int rgb;
                    if (batch.channels() == 1) {
                        int g = ImageBatch.toByte(v[i]);
                        rgb = (g << 16) | (g << 8) | g;
                    } else {
                        rgb = (ImageBatch.toByte(v[i]) << 16)
                                | (ImageBatch.toByte(v[i + plane]) << 8)
                                | ImageBatch.toByte(v[i + 2 * plane]);
                    }
                    int rowStart = (top + y * scale) * stride + left + x * scale;
                    for (int dy = 0; dy < scale; dy++) {
                        int at = rowStart + dy * stride;
                        Arrays.fill(out, at, at + scale, rgb);
                    }
                }
            }
        }
        return image;
    }
}
