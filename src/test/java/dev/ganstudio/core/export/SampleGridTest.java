package dev.ganstudio.core.export;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleGridTest {

    private static final int BG = SampleGrid.DEFAULT_BACKGROUND.getRGB() & 0xFFFFFF;

    /** n gray 28×28 images: all −1, row 5 = +1, pixel (x=10, y=10) = 0. */
    static ImageBatch digits(int n) {
        int size = 28 * 28;
        float[] v = new float[n * size];
        Arrays.fill(v, -1f);
        for (int k = 0; k < n; k++) {
            for (int x = 0; x < 28; x++) v[k * size + 5 * 28 + x] = 1f;
            v[k * size + 10 * 28 + 10] = 0f;
        }
        return new ImageBatch(v, n, 1, 28, 28);
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void gridOf64DigitsHasExpectedSizeAndPixels() {
        BufferedImage grid = SampleGrid.defaults().render(digits(64));
        assertEquals(BufferedImage.TYPE_INT_RGB, grid.getType());
        assertEquals(8 * (28 + 2) + 2, grid.getWidth());
        assertEquals(8 * (28 + 2) + 2, grid.getHeight());
        for (int k = 0; k < 64; k++) {
            int left = 2 + (k % 8) * 30, top = 2 + (k / 8) * 30;
            assertEquals(0x000000, rgb(grid, left, top), "-1 maps to 0 in tile " + k);
            assertEquals(0xFFFFFF, rgb(grid, left + 3, top + 5), "+1 maps to 255 in tile " + k);
            assertEquals(0x808080, rgb(grid, left + 10, top + 10), "0 maps to 128 in tile " + k);
            assertEquals(0x000000, rgb(grid, left + 27, top + 27));
            assertEquals(BG, rgb(grid, left + 28, top), "gap right of tile " + k);
            assertEquals(BG, rgb(grid, left, top + 29), "gap below tile " + k);
        }
        assertEquals(BG, rgb(grid, 0, 0));
        assertEquals(BG, rgb(grid, 241, 241));
    }

    @Test
    void scaleUpsamplesWithNearestNeighbour() {
        BufferedImage grid = SampleGrid.defaults().withScale(2).render(digits(64));
        assertEquals(8 * (56 + 2) + 2, grid.getWidth());
        int left = 2 + 58, top = 2; // tile 1
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                assertEquals(0xFFFFFF, rgb(grid, left + 6 + dx, top + 10 + dy));
                assertEquals(0x808080, rgb(grid, left + 20 + dx, top + 20 + dy));
                assertEquals(0x000000, rgb(grid, left + 22 + dx, top + 20 + dy));
            }
        }
        assertEquals(0x000000, rgb(grid, left + 6, top + 12));
        assertEquals(BG, rgb(grid, left + 56, top));
    }

    @Test
    void valuesOutsideMinusOneToOneAreClipped() {
        float[] v = {-7f, -1.0001f, 3f, Float.NaN, 0.999f, Float.POSITIVE_INFINITY};
        BufferedImage image = SampleGrid.defaults().withPadding(0).render(new ImageBatch(v, 1, 1, 1, 6));
        int[] expected = {0, 0, 255, 0, 255, 255};
        for (int x = 0; x < 6; x++) assertEquals(expected[x] * 0x010101, rgb(image, x, 0), "x=" + x);
    }

    @Test
    void rgbImagesUseChannelPlanes() {
        // one 2×1 RGB image: pixel 0 red, pixel 1 cyan-ish (g = 0 → 128)
        float[] v = {1f, -1f, /* G */ -1f, 0f, /* B */ -1f, 1f};
        BufferedImage image = SampleGrid.defaults().withPadding(0).render(new ImageBatch(v, 1, 3, 1, 2));
        assertEquals(0xFF0000, rgb(image, 0, 0));
        assertEquals(0x0080FF, rgb(image, 1, 0));
    }

    @Test
    void incompleteLastRowIsFilledWithBackground() {
        Color bg = new Color(10, 200, 30);
        BufferedImage grid = SampleGrid.defaults().withBackground(bg).withPadding(1).render(digits(10));
        // ceil(sqrt(10)) = 4 columns, 3 rows
        assertEquals(4 * 29 + 1, grid.getWidth());
        assertEquals(3 * 29 + 1, grid.getHeight());
        int left = 1 + 2 * 29, top = 1 + 2 * 29; // third cell of the last row is empty
        assertEquals(bg.getRGB() & 0xFFFFFF, rgb(grid, left + 3, top + 5));
        assertEquals(0xFFFFFF, rgb(grid, 1 + 29 + 3, top + 5)); // second cell holds image 9
    }

    @Test
    void explicitColumnsAndStrip() {
        BufferedImage wide = SampleGrid.defaults().withColumns(16).render(digits(64));
        assertEquals(16 * 30 + 2, wide.getWidth());
        assertEquals(4 * 30 + 2, wide.getHeight());
        BufferedImage strip = SampleGrid.defaults().withScale(3).renderStrip(digits(5));
        assertEquals(5 * (84 + 2) + 2, strip.getWidth());
        assertEquals(84 + 4, strip.getHeight());
        assertEquals(4, SampleGrid.defaults().withColumns(9).columnsFor(4));
        assertEquals(3, SampleGrid.defaults().columnsFor(7));
    }

    @Test
    void invalidArgumentsAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageBatch(new float[10], 2, 1, 2, 2));
        assertEquals("values has 10 floats, expected count*channels*height*width = 2*1*2*2 = 8", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ImageBatch(new float[8], 2, 2, 2, 1));
        assertEquals("channels must be 1 (gray) or 3 (RGB), got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SampleGrid.defaults().withScale(0));
        assertEquals("scale must be between 1 and 64, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SampleGrid.defaults().withPadding(-1));
        assertEquals("padding must be >= 0 pixels, got -1", e.getMessage());
    }
}
