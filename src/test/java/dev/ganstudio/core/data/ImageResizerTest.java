package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageResizerTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    void halvingAveragesEachBlock() {
        byte[] image = bytes(
                0, 100, 10, 10,
                200, 100, 10, 30,
                255, 255, 0, 0,
                255, 255, 0, 4);
        assertArrayEquals(bytes(100, 15, 255, 1), ImageResizer.resize(image, 1, 4, 4, 2, 2));
    }

    @Test
    void nonIntegerShrinkKeepsConstantImagesConstant() {
        byte[] image = new byte[3 * 28 * 28];
        java.util.Arrays.fill(image, (byte) 173);
        byte[] out = ImageResizer.resize(image, 3, 28, 28, 11, 17);
        for (byte b : out) assertEquals(173, b & 0xff);
        out = ImageResizer.resize(image, 3, 28, 28, 64, 45);
        for (byte b : out) assertEquals(173, b & 0xff);
    }

    @Test
    void enlargingInterpolatesBetweenCentres() {
        byte[] out = ImageResizer.resize(bytes(0, 200), 1, 1, 2, 1, 4);
        assertArrayEquals(bytes(0, 50, 150, 200), out);
    }

    @Test
    void centreCropTakesTheMiddleSquare() {
        byte[] wide = bytes(1, 2, 3, 4,
                            5, 6, 7, 8);
        assertArrayEquals(bytes(2, 3, 6, 7), ImageResizer.resizeCentreCrop(wide, 1, 2, 4, 2));
    }

    @Test
    void convertResizesAndChangesChannels() {
        byte[] pixels = new byte[2 * 4 * 4];
        java.util.Arrays.fill(pixels, 0, 16, (byte) 10);
        java.util.Arrays.fill(pixels, 16, 32, (byte) 90);
        ImageDataset gray = new ImageDataset("g", pixels, new int[] {0, 1}, List.of("a", "b"), 1, 4, 4, List.of());
        assertSame(gray, ImageResizer.convert(gray, 4, 1));
        ImageDataset rgb = ImageResizer.convert(gray, 2, 3);
        assertEquals(3, rgb.channels());
        assertEquals(2, rgb.height());
        assertEquals(2 * 3 * 4, rgb.pixels().length);
        assertEquals(10, rgb.pixels()[11] & 0xff);
        assertEquals(90, rgb.pixels()[12] & 0xff);
        assertArrayEquals(gray.labels(), rgb.labels());
    }

    @Test
    void lumaWeightsMatchRec601() {
        byte[] rgb = bytes(255, 0, 0, 255, 0, 0); // 1x2: red, green... planes R=[255,0] G=[0,255] B=[0,0]
        assertArrayEquals(bytes(76, 150), ImagePixels.rgbToGray(rgb, 1, 2));
    }
}
