package dev.ganstudio.core.export;

import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Animated GIFs (e.g. one sample grid per epoch) through the JDK's javax.imageio GIF plugin.
 *
 * <p>All frames share one 256-colour {@link GifPalette}: exact when they hold at most 256 colours
 * (which includes every gray frame, e.g. each {@link SampleGrid} of 1-channel images), else quantised. Alpha is ignored (GIF has no partial transparency).
 * {@link BufferedImage#TYPE_BYTE_GRAY} input is taken as sRGB gray levels, as PNG stores it.
 */
public final class GifExport {

    /** GIF stores delays as unsigned 16-bit hundredths of a second. */
    public static final int MAX_DELAY_MILLIS = 65535 * 10;
    public static final int MIN_DELAY_MILLIS = 10;

    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    private GifExport() {
    }

    /**
     * The frames on one canvas the size of the largest, each at the top left on white, so a run whose epoch pictures
     * changed size (e.g. 1-D charts from before G's map was drawn under them, then after) still makes one GIF. Frames
     * already of one size are returned as they are.
     */
    public static List<BufferedImage> onCommonCanvas(List<BufferedImage> frames) {
        int w = 0, h = 0;
        for (BufferedImage f : frames) { w = Math.max(w, f.getWidth()); h = Math.max(h, f.getHeight()); }
        boolean same = true;
        for (BufferedImage f : frames) same &= f.getWidth() == w && f.getHeight() == h;
        if (same) return frames;
        List<BufferedImage> out = new java.util.ArrayList<>(frames.size());
        for (BufferedImage f : frames) {
            if (f.getWidth() == w && f.getHeight() == h) { out.add(f); continue; }
            BufferedImage c = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = c.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(f, 0, 0, null);
            g.dispose();
            out.add(c);
        }
        return out;
    }

    /**
     * Write {@code frames} as an animated GIF to {@code out}, atomically (see {@link AtomicFiles}).
     *
     * @param frames      at least one frame, all the same size
     * @param delayMillis time each frame is shown, {@value #MIN_DELAY_MILLIS}..{@value #MAX_DELAY_MILLIS} ms,
     *                    stored rounded to 1/100 s (many viewers show delays under 20 ms as 100 ms)
     * @param loop        true to loop forever (NETSCAPE2.0 extension, loop count 0), false to play once
     */
    public static void write(List<BufferedImage> frames, Path out, int delayMillis, boolean loop) throws IOException {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames must contain at least one image, got "
                    + (frames == null ? "null" : "an empty list"));
        }
        if (delayMillis < MIN_DELAY_MILLIS || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be between " + MIN_DELAY_MILLIS + " and "
                    + MAX_DELAY_MILLIS + " (GIF stores 1/100 s in 16 bits), got " + delayMillis);
        }
        BufferedImage first = frames.get(0);
        if (first == null) throw new IllegalArgumentException("frames[0] is null");
        for (int i = 1; i < frames.size(); i++) {
            BufferedImage f = frames.get(i);
            if (f == null) throw new IllegalArgumentException("frames[" + i + "] is null");
            if (f.getWidth() != first.getWidth() || f.getHeight() != first.getHeight()) {
                throw new IllegalArgumentException("frames[" + i + "] is " + f.getWidth() + "x" + f.getHeight()
                        + " but frames[0] is " + first.getWidth() + "x" + first.getHeight()
                        + "; all GIF frames must have the same size");
            }
        }
        int delayCentis = Math.round(delayMillis / 10f);
        GifPalette palette = GifPalette.of(() -> frames.stream().map(GifExport::rgbPixels).iterator());
        AtomicFiles.writeAtomically(out, stream -> {
            ImageWriter writer = gifWriter();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(stream)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setProgressiveMode(ImageWriteParam.MODE_DISABLED); // no interlacing
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.size(); i++) {
                    BufferedImage frame = indexed(frames.get(i), palette);
                    IIOMetadata metadata = frameMetadata(writer, frame, param, delayCentis, loop && i == 0);
                    writer.writeToSequence(new IIOImage(frame, null, metadata), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** Number of frames in the GIF at {@code gif}. */
    public static int countFrames(Path gif) throws IOException {
        return withReader(gif, reader -> reader.getNumImages(true));
    }

    /** All frames as decoded by the JDK GIF reader (full frames for files written by {@link #write}). */
    public static List<BufferedImage> readFrames(Path gif) throws IOException {
        return withReader(gif, reader -> {
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>(n);
            for (int i = 0; i < n; i++) frames.add(reader.read(i));
            return frames;
        });
    }

    /** Frame count, size, per-frame delays and looping of the GIF at {@code gif}. */
    public static GifInfo inspect(Path gif) throws IOException {
        return withReader(gif, reader -> {
            int n = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>(n);
            boolean loopsForever = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(IMAGE_FORMAT);
                IIOMetadataNode gce = findChild(root, "GraphicControlExtension");
                delays.add(gce == null ? 0 : Integer.parseInt(gce.getAttribute("delayTime")) * 10);
                IIOMetadataNode extensions = findChild(root, "ApplicationExtensions");
                if (extensions != null) {
                    for (Node e = extensions.getFirstChild(); e != null; e = e.getNextSibling()) {
                        loopsForever |= isEndlessLoop((IIOMetadataNode) e);
                    }
                }
            }
            int width = n > 0 ? reader.getWidth(0) : 0;
            int height = n > 0 ? reader.getHeight(0) : 0;
            IIOMetadata stream = reader.getStreamMetadata();
            if (stream != null) {
                IIOMetadataNode screen = findChild((IIOMetadataNode) stream.getAsTree(stream.getNativeMetadataFormatName()),
                        "LogicalScreenDescriptor");
                if (screen != null) {
                    width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
                    height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
                }
            }
            return new GifInfo(n, width, height, delays, loopsForever);
        });
    }

    private static boolean isEndlessLoop(IIOMetadataNode extension) {
        if (!"NETSCAPE".equals(extension.getAttribute("applicationID"))
                || !"2.0".equals(extension.getAttribute("authenticationCode"))) {
            return false;
        }
        Object data = extension.getUserObject();
        return data instanceof byte[] bytes && bytes.length >= 3 && bytes[0] == 1 && bytes[1] == 0 && bytes[2] == 0;
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, ImageWriteParam param,
                                             int delayCentis, boolean loopExtension) throws IOException {
        // Not ImageTypeSpecifier.createFromRenderedImage: for TYPE_BYTE_INDEXED it returns the stock
        // web-safe palette instead of the frame's own, and the writer would store that palette.
        ImageTypeSpecifier type = new ImageTypeSpecifier(frame.getColorModel(), frame.getSampleModel());
        IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IMAGE_FORMAT);

        IIOMetadataNode gce = childOrNew(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCentis));
        gce.setAttribute("transparentColorIndex", "0");

        if (loopExtension) {
            IIOMetadataNode extensions = childOrNew(root, "ApplicationExtensions");
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[]{1, 0, 0}); // sub-block 1, loop count 0 (little-endian) = forever
            extensions.appendChild(netscape);
        }
        metadata.setFromTree(IMAGE_FORMAT, root);
        return metadata;
    }

    /** {@code source} as indices into {@code palette}. */
    private static BufferedImage indexed(BufferedImage source, GifPalette palette) {
        BufferedImage indexed = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_INDEXED,
                palette.colourModel());
        palette.index(rgbPixels(source), ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData());
        return indexed;
    }

    /**
     * Pixels as 0xRRGGBB. Gray-colour-space images are read from the raster directly, because
     * {@code getRGB} on them applies a linear-to-sRGB conversion that brightens mid-grays.
     */
    private static int[] rgbPixels(BufferedImage source) {
        int w = source.getWidth(), h = source.getHeight();
        if (source.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(source.getColorModel() instanceof IndexColorModel)) {
            Raster raster = source.getRaster();
            int bits = source.getColorModel().getComponentSize(0);
            int max = (1 << bits) - 1;
            int[] out = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = Math.round(raster.getSample(x, y, 0) * 255f / max);
                    out[y * w + x] = (g << 16) | (g << 8) | g;
                }
            }
            return out;
        }
        int[] out = source.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < out.length; i++) out[i] &= 0xFFFFFF;
        return out;
    }

    private static ImageWriter gifWriter() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("no GIF writer is registered with javax.imageio in this JVM");
        return writers.next();
    }

    private interface ReaderTask<T> {
        T run(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path gif, ReaderTask<T> task) throws IOException {
        if (gif == null) throw new IllegalArgumentException("gif path must not be null");
        if (!Files.isRegularFile(gif)) throw new NoSuchFileException(gif.toString(), null, "no such GIF file");
        byte[] header = new byte[6];
        int read;
        try (InputStream in = Files.newInputStream(gif)) {
            read = in.readNBytes(header, 0, 6);
        }
        String magic = new String(header, 0, read, StandardCharsets.US_ASCII);
        if (!magic.equals("GIF87a") && !magic.equals("GIF89a")) {
            throw new IOException(gif + " is not a GIF file (expected header GIF87a or GIF89a)");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
        if (!readers.hasNext()) throw new IOException("no GIF reader is registered with javax.imageio in this JVM");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            if (in == null) throw new IOException("javax.imageio cannot open an input stream for " + gif);
            reader.setInput(in, false, false);
            return task.run(reader);
        } catch (IOException e) {
            throw new IOException("cannot decode GIF " + gif + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static IIOMetadataNode findChild(IIOMetadataNode parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) return (IIOMetadataNode) n;
        }
        return null;
    }

    private static IIOMetadataNode childOrNew(IIOMetadataNode parent, String name) {
        IIOMetadataNode existing = findChild(parent, name);
        if (existing != null) return existing;
        IIOMetadataNode created = new IIOMetadataNode(name);
        parent.appendChild(created);
        return created;
    }
}
