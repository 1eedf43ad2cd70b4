package dev.ganstudio.core.export;

/**
 * A batch of images as the generator produces them: {@code count × channels × height × width}
 * floats in NCHW order, nominally in [−1, 1] (tanh output).
 *
 * <p>The array is used as given, not copied (batches can be large); the record's
 * {@code equals} therefore compares it by identity.
 *
 * @param values   count·channels·height·width values, NCHW
 * @param count    number of images, ≥ 1
 * @param channels 1 (gray) or 3 (RGB, planes in R, G, B order)
 * @param height   image height in pixels, ≥ 1
 * @param width    image width in pixels, ≥ 1
 */
public record ImageBatch(float[] values, int count, int channels, int height, int width) {

    public ImageBatch {
        if (values == null) throw new IllegalArgumentException("values must not be null");
        if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (gray) or 3 (RGB), got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("height and width must be >= 1, got " + height + "x" + width);
        }
        long expected = (long) count * channels * height * width;
        if (values.length != expected) {
            throw new IllegalArgumentException("values has " + values.length + " floats, expected count*channels*height*width = "
                    + count + "*" + channels + "*" + height + "*" + width + " = " + expected);
        }
    }

    /** Floats per image: channels·height·width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The value of one pixel channel, indices zero-based. */
    public float value(int image, int channel, int y, int x) {
        return values[((image * channels + channel) * height + y) * width + x];
    }

    /**
     * Map a generator value to an 8-bit intensity: [−1, 1] → [0, 255] linearly with rounding;
     * values outside are clipped and NaN becomes 0.
     */
    public static int toByte(float v) {
        if (!(v > -1f)) return 0; // also NaN
        if (v >= 1f) return 255;
        return Math.round((v + 1f) * 127.5f);
    }
}
