package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {

    @TempDir Path root;

    @BeforeEach
    void buildFolder() throws Exception {
        TestImages.solidPng(root.resolve("cat/a.png"), 10, 10, Color.RED);
        TestImages.solidPng(root.resolve("cat/b.jpg"), 20, 12, Color.RED);
        TestImages.truncatedPng(root.resolve("cat/broken.png"));
        Files.writeString(root.resolve("cat/notes.txt"), "meow");
        TestImages.solidPng(root.resolve("dog/c.bmp"), 7, 9, Color.BLUE);
        Files.createFile(root.resolve("dog/empty.png"));
        TestImages.solidPng(root.resolve("dog/.hidden.png"), 4, 4, Color.GREEN);
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve(".DS_Store"), "mac metadata");
    }

    @Test
    void loadsGoodImagesAndReportsEachSkipWithItsReason() throws Exception {
        ImageDataset dataset = ImageFolderLoader.load(root, 8, 3, Set.of());
        assertEquals(List.of("cat", "dog"), dataset.classNames());
        assertEquals(3, dataset.size());
        assertEquals(3, dataset.channels());
        assertEquals(8, dataset.height());
        assertEquals(8, dataset.width());
        assertEquals(List.of(0, 0, 1), java.util.Arrays.stream(dataset.labels()).boxed().toList());
        assertEquals(root.toString(), dataset.name());

        Map<String, String> reasons = dataset.skipped().stream().collect(Collectors.toMap(
                s -> root.relativize(Path.of(s.path())).toString(), SkippedFile::reason));
        assertEquals(4, dataset.skipped().size(), dataset.skipped().toString());
        assertTrue(reasons.get("cat/broken.png").startsWith("corrupt PNG: "), reasons.toString());
        assertTrue(reasons.get("cat/broken.png").length() > "corrupt PNG: ".length());
        assertEquals("not an image (extension .txt)", reasons.get("cat/notes.txt"));
        assertEquals("zero-byte file", reasons.get("dog/empty.png"));
        assertEquals("class 'empty' has no usable images", reasons.get("empty"));

        // Solid red (JPEG within rounding) and blue, RGB planes.
        int plane = 64;
        byte[] p = dataset.pixels();
        assertEquals(255, p[0] & 0xff);
        assertEquals(0, p[plane] & 0xff);
        assertTrue(Math.abs((p[dataset.imageSize() + 5] & 0xff) - 254) <= 3, "JPEG red " + (p[dataset.imageSize() + 5] & 0xff));
        assertEquals(255, p[2 * dataset.imageSize() + 2 * plane] & 0xff);
        assertEquals(0, p[2 * dataset.imageSize()] & 0xff);
    }

    @Test
    void grayConversionUsesLuma() throws Exception {
        ImageDataset dataset = ImageFolderLoader.load(root, 4, 1, Set.of("cat"));
        assertEquals(List.of("cat"), dataset.classNames());
        assertEquals(2, dataset.size());
        assertEquals(76, dataset.pixels()[0] & 0xff); // 0.299 * 255
    }

    @Test
    void classFilterKeepsOnlyNamedClasses() throws Exception {
        ImageDataset dataset = ImageFolderLoader.load(root, 8, 3, Set.of("dog"));
        assertEquals(List.of("dog"), dataset.classNames());
        assertEquals(1, dataset.size());
        assertEquals(0, dataset.labels()[0]);
    }

    @Test
    void unknownClassInFilterListsExistingClasses() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> ImageFolderLoader.load(root, 8, 3, Set.of("bird", "dog")));
        assertEquals(root + ": no class named 'bird'; the classes are 'cat', 'dog', 'empty'", e.getMessage());
    }

    @Test
    void noUsableImagesNamesFolderAndSummarisesReasons(@TempDir Path other) throws Exception {
        Path folder = Files.createDirectories(other.resolve("junk"));
        Files.writeString(folder.resolve("a.txt"), "x");
        Files.createFile(folder.resolve("b.png"));
        Files.createFile(folder.resolve("c.png"));
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(folder, 8, 1));
        assertEquals(folder + ": no usable images (4 entries skipped: not an image (extension .txt) x1, "
                + "zero-byte file x2, class 'junk' has no usable images x1)", e.getMessage());
    }

    @Test
    void folderOfImagesIsOneClassNamedAfterIt(@TempDir Path other) throws Exception {
        Path folder = other.resolve("sevens");
        TestImages.grayPng(folder.resolve("1.png"), 5, 5, 128);
        TestImages.grayPng(folder.resolve("2.png"), 5, 5, 200);
        ImageDataset dataset = ImageFolderLoader.load(folder, 5, 1);
        assertEquals(List.of("sevens"), dataset.classNames());
        assertEquals(2, dataset.size());
        // Gray PNG values come through exactly (no colour-space conversion).
        assertEquals(128, dataset.pixels()[0] & 0xff);
        assertEquals(200, dataset.pixels()[25] & 0xff);
        ImageDataset rgb = ImageFolderLoader.load(folder, 5, 3);
        assertEquals(128, rgb.pixels()[2 * 25] & 0xff);
    }

    @Test
    void emptyOrMissingFolderIsAnError(@TempDir Path other) {
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(other, 8, 1));
        assertTrue(e.getMessage().contains("no image files found"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> ImageFolderLoader.load(other.resolve("nope"), 8, 1));
        assertTrue(e.getMessage().endsWith("not a folder"), e.getMessage());
    }

    @Test
    void filesBesideClassFoldersAreSkipped() throws Exception {
        TestImages.solidPng(root.resolve("stray.png"), 4, 4, Color.WHITE);
        ImageDataset dataset = ImageFolderLoader.load(root, 8, 3, Set.of());
        assertTrue(dataset.skipped().contains(new SkippedFile(root.resolve("stray.png").toString(),
                "not inside a class folder")), dataset.skipped().toString());
        assertEquals(3, dataset.size());
    }
}
