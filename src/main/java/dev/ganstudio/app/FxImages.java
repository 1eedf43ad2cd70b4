package dev.ganstudio.app;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;

/**
 * Turns a picture drawn with Java2D into a JavaFX image whose pixels are already in the render thread's own format
 * (int ARGB, premultiplied), so that showing it is a plain copy. {@code SwingFXUtils.toFXImage} makes byte-BGRA images
 * instead, which software rendering converts pixel by pixel on the render thread when the image first shows — at an
 * epoch's end, with a new grid, strip and slider picture at once, while the UI waits for that frame. Call it on a worker
 * thread; the image may then be shown from the FX thread.
 */
final class FxImages {
    private FxImages() {}

    static WritableImage of(BufferedImage picture) {
        int w = picture.getWidth(), h = picture.getHeight();
        int[] argb;
        if (picture.getType() == BufferedImage.TYPE_INT_RGB) { // opaque: premultiplied is the colour with full alpha
            int[] rgb = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
            argb = new int[w * h];
            for (int i = 0; i < argb.length; i++) argb[i] = 0xff000000 | rgb[i];
        } else {
            BufferedImage pre = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = pre.createGraphics();
            try {
                g.drawImage(picture, 0, 0, null);
            } finally {
                g.dispose();
            }
            argb = ((DataBufferInt) pre.getRaster().getDataBuffer()).getData(); // pre is ours alone: share its pixels
        }
        return new WritableImage(new PixelBuffer<>(w, h, IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance()));
    }
}
