package dev.ganstudio.core.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class PngExportTest {

    @TempDir
    Path dir;

    @Test
    void pngRoundTripsSizeAndPixels() throws IOException {
        BufferedImage grid = SampleGrid.defaults().withScale(2).render(SampleGridTest.digits(64));
        Path out = dir.resolve("samples/epoch-003.png");
        PngExport.write(grid, out);
        assertEquals(0x89, Files.readAllBytes(out)[0] & 0xFF, "PNG signature");
        BufferedImage back = ImageIO.read(out.toFile());
        assertNotNull(back);
        assertEquals(grid.getWidth(), back.getWidth());
        assertEquals(grid.getHeight(), back.getHeight());
        for (int y = 0; y < grid.getHeight(); y++) {
            for (int x = 0; x < grid.getWidth(); x++) {
                assertEquals(grid.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void overwritesAnExistingPng() throws IOException {
        Path out = dir.resolve("grid.png");
        PngExport.write(SampleGrid.defaults().render(SampleGridTest.digits(4)), out);
        PngExport.write(SampleGrid.defaults().render(SampleGridTest.digits(9)), out);
        assertEquals(3 * 30 + 2, ImageIO.read(out.toFile()).getWidth());
    }
}
