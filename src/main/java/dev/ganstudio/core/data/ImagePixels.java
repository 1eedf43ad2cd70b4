package dev.ganstudio.core.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts between {@link BufferedImage} and the dataset layout: unsigned bytes, channel-major
 * (CHW: all of channel 0, then channel 1, ...), 1 channel (gray) or 3 (R, G, B).
 *
 * <p>Gray images are read from their raster as stored, not through {@code getRGB}, which would pass
 * Java's linear gray colour space through an sRGB conversion and brighten them. Transparency is
 * composited over black. RGB to gray uses Rec. 601 luma: 0.299 R + 0.587 G + 0.114 B.
 */
public final class ImagePixels {

    private ImagePixels() {}

    /** The image's pixels as CHW bytes with the requested number of channels (1 or 3). */
    public static byte[] fromImage(BufferedImage image, int channels) {
        checkChannels(channels);
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        byte[] gray = grayFromRaster(image);
        if (gray != null) {
            return channels == 1 ? gray : grayToRgb(gray, height, width);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] rgb = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            int pixel = argb[i];
            int alpha = pixel >>> 24;
            rgb[i] = (byte) overBlack((pixel >> 16) & 0xff, alpha);
            rgb[plane + i] = (byte) overBlack((pixel >> 8) & 0xff, alpha);
            rgb[2 * plane + i] = (byte) overBlack(pixel & 0xff, alpha);
        }
        return channels == 3 ? rgb : rgbToGray(rgb, height, width);
    }

    /**
     * One image of a CHW byte array as a {@link BufferedImage}: {@code TYPE_BYTE_GRAY} for 1 channel
     * (raster values exactly as given), {@code TYPE_INT_RGB} for 3.
     *
     * @param offset index of the image's first byte in {@code pixels}
     */
    public static BufferedImage toImage(byte[] pixels, int offset, int channels, int height, int width) {
        checkChannels(channels);
        int plane = width * height;
        if (channels == 1) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster raster = image.getRaster();
            int[] samples = new int[plane];
            for (int i = 0; i < plane; i++) samples[i] = pixels[offset + i] & 0xff;
            raster.setSamples(0, 0, width, height, 0, samples);
            return image;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (pixels[offset + i] & 0xff) << 16 | (pixels[offset + plane + i] & 0xff) << 8
                    | (pixels[offset + 2 * plane + i] & 0xff);
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /** Converts one CHW image from {@code from} to {@code to} channels (1 or 3 each). */
    public static byte[] convertChannels(byte[] chw, int from, int to, int height, int width) {
        checkChannels(from);
        checkChannels(to);
        if (from == to) return chw.clone();
        return to == 1 ? rgbToGray(chw, height, width) : grayToRgb(chw, height, width);
    }

    /** Rec. 601 luma of a 3-channel CHW image. */
    public static byte[] rgbToGray(byte[] rgb, int height, int width) {
        int plane = width * height;
        byte[] gray = new byte[plane];
        for (int i = 0; i < plane; i++) {
            int r = rgb[i] & 0xff;
            int g = rgb[plane + i] & 0xff;
            int b = rgb[2 * plane + i] & 0xff;
            gray[i] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
        }
        return gray;
    }

    /** A gray plane repeated into three channels. */
    public static byte[] grayToRgb(byte[] gray, int height, int width) {
        int plane = width * height;
        byte[] rgb = new byte[3 * plane];
        for (int c = 0; c < 3; c++) System.arraycopy(gray, 0, rgb, c * plane, plane);
        return rgb;
    }

    /** The gray plane of a gray (optionally gray+alpha) image, or null when the image is not gray. */
    private static byte[] grayFromRaster(BufferedImage image) {
        if (image.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_GRAY) return null;
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean hasAlpha = image.getColorModel().hasAlpha();
        if (bands != (hasAlpha ? 2 : 1)) return null;
        int width = image.getWidth();
        int height = image.getHeight();
        int[] values = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        int[] alphas = hasAlpha ? raster.getSamples(0, 0, width, height, 1, (int[]) null) : null;
        int grayMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int alphaMax = hasAlpha ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
        byte[] gray = new byte[width * height];
        for (int i = 0; i < gray.length; i++) {
            int value = grayMax == 255 ? values[i] : Math.round(values[i] * 255f / grayMax);
            if (alphas != null) {
                int alpha = alphaMax == 255 ? alphas[i] : Math.round(alphas[i] * 255f / alphaMax);
                value = overBlack(value, alpha);
            }
            gray[i] = (byte) value;
        }
        return gray;
    }

    private static int overBlack(int value, int alpha) {
        return alpha == 255 ? value : (value * alpha + 127) / 255;
    }

    private static void checkChannels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
        }
    }
}
