package dev.ganstudio.core.export;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/** Writes images as PNG files, atomically (see {@link AtomicFiles}). */
public final class PngExport {

    private PngExport() {
    }

    /**
     * Encode {@code image} as PNG into {@code out}, replacing any existing file atomically;
     * missing parent directories are created.
     */
    public static void write(BufferedImage image, Path out) throws IOException {
        if (image == null) throw new IllegalArgumentException("image must not be null");
        AtomicFiles.writeAtomically(out, stream -> {
            ImageWriter writer = pngWriter();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(stream)) {
                writer.setOutput(ios);
                writer.write(image);
            } finally {
                writer.dispose();
            }
        });
    }

    private static ImageWriter pngWriter() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer is registered with javax.imageio in this JVM");
        }
        return writers.next();
    }
}
