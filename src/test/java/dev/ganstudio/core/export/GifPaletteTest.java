package dev.ganstudio.core.export;

import org.junit.jupiter.api.Test;

import java.awt.image.IndexColorModel;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GifPaletteTest {

    /** {@code n} distinct colours spread over the cube, each once. */
    private static int[] colours(int n) {
        int[] pixels = new int[n];
        for (int i = 0; i < n; i++) pixels[i] = (i * 37 % 256) << 16 | (i * 101 % 256) << 8 | i % 256;
        return pixels;
    }

    @Test
    void upTo256ColoursGetOneEntryEach() {
        int[] pixels = colours(256);
        GifPalette palette = GifPalette.of(List.of(pixels, pixels));
        assertTrue(palette.lossless());
        IndexColorModel model = palette.colourModel();
        byte[] indices = new byte[pixels.length];
        palette.index(pixels, indices);
        for (int i = 0; i < pixels.length; i++) assertEquals(pixels[i], model.getRGB(indices[i] & 0xFF) & 0xFFFFFF, "colour " + i);
    }

    @Test
    void colour257IsQuantisedAndTheCommonColoursStayExact() {
        int[] pixels = colours(257);
        int[] common = new int[10_000];
        for (int i = 0; i < common.length; i++) common[i] = i % 2 == 0 ? 0xFFFFFF : 0x1F77B4; // background, line
        GifPalette palette = GifPalette.of(List.of(pixels, common));
        assertFalse(palette.lossless());
        IndexColorModel model = palette.colourModel();
        byte[] indices = new byte[common.length];
        palette.index(common, indices);
        assertEquals(0xFFFFFF, model.getRGB(indices[0] & 0xFF) & 0xFFFFFF);
        assertEquals(0x1F77B4, model.getRGB(indices[1] & 0xFF) & 0xFFFFFF);
        // every colour lands within its 5-bit cell's reach of its entry
        byte[] all = new byte[pixels.length];
        palette.index(pixels, all);
        for (int i = 0; i < pixels.length; i++) {
            int q = model.getRGB(all[i] & 0xFF);
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs(((pixels[i] >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                assertTrue(d <= 40, "colour " + Integer.toHexString(pixels[i]) + " became " + Integer.toHexString(q & 0xFFFFFF));
            }
        }
    }
}
