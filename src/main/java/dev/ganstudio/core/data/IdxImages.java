package dev.ganstudio.core.data;

/**
 * The contents of one IDX image file (idx3, unsigned bytes).
 *
 * @param pixels  count * rows * columns bytes, image after image, each row-major
 * @param count   number of images
 * @param rows    image height
 * @param columns image width
 */
public record IdxImages(byte[] pixels, int count, int rows, int columns) {

    public IdxImages {
        long expected = (long) count * rows * columns;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected " + expected);
        }
    }
}
