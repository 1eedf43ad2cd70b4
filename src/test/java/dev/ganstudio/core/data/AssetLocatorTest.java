package dev.ganstudio.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLocatorTest {

    @TempDir Path dir;

    @Test
    void propertyWinsOverEverythingElse() throws Exception {
        Path configured = Files.createDirectories(dir.resolve("configured"));
        Path working = Files.createDirectories(dir.resolve("work/assets"));
        assertEquals(configured, AssetLocator.locate(configured.toString(), working, null));
    }

    @Test
    void workingDirectoryAssetsComeNext() throws Exception {
        Path working = Files.createDirectories(dir.resolve("work/assets"));
        assertEquals(working, AssetLocator.locate(null, working, null));
    }

    @Test
    void walksUpFromTheCodeLocation() throws Exception {
        Path project = dir.resolve("install");
        Files.createDirectories(project.resolve("assets/mnist"));
        Path jarFolder = Files.createDirectories(project.resolve("lib/deep"));
        assertEquals(project.resolve("assets"),
                AssetLocator.locate(null, dir.resolve("elsewhere/assets"), jarFolder.resolve("app.jar")));
    }

    @Test
    void notFoundNamesWhereItLooked() {
        Path working = dir.resolve("elsewhere/assets");
        DatasetException e = assertThrows(DatasetException.class,
                () -> AssetLocator.locate(null, working, dir.resolve("lib/app.jar")));
        assertTrue(e.getMessage().contains(working.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("assets/mnist"), e.getMessage());
    }

    @Test
    void theRealProjectAssetsAreFound() throws Exception {
        assertTrue(Files.isDirectory(AssetLocator.locate().resolve("mnist")));
    }
}
