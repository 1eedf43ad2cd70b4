package dev.ganstudio.core.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Writes small real image files for tests. */
final class TestImages {

    private TestImages() {}

    static Path solidPng(Path file, int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, formatOf(file), file.toFile())) throw new IOException("no writer for " + file);
        return file;
    }

    static Path grayPng(Path file, int width, int height, int value) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = new int[width * height];
        Arrays.fill(samples, value);
        image.getRaster().setSamples(0, 0, width, height, 0, samples);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A PNG whose signature and header are valid but whose image data is cut off. */
    static Path truncatedPng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) image.setRGB(x, y, (x * 7919 + y * 104729) * 31);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] bytes = out.toByteArray();
        Files.createDirectories(file.getParent());
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        return file;
    }

    private static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "jpeg";
        if (name.endsWith(".bmp")) return "bmp";
        if (name.endsWith(".gif")) return "gif";
        return "png";
    }
}
