package dev.ganstudio.cli;

import dev.ganstudio.core.data.DigitFolderExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "digits-folder", description = "Write the bundled digits as an image-folder dataset (one subfolder per class), e.g. to try folder-cgan-64.")
final class DigitsFolderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--classes", split = ",", defaultValue = "0,1,2,3,4,5,6,7,8,9", description = "digit classes (default all)")
    List<String> classes;

    @Option(names = "--per-class", defaultValue = "200", description = "images per class (default ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--size", defaultValue = "28", description = "image size in pixels (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--rgb", description = "write RGB PNGs (default gray)")
    boolean rgb;

    @Override
    public Integer call() throws Exception {
        Map<String, Integer> written = DigitFolderExporter.exportBundledDigits(dir, new LinkedHashSet<>(classes), perClass, size, rgb ? 3 : 1);
        System.out.println(dir + ": " + written);
        return 0;
    }
}
