package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.export.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small files of a run directory besides the checkpoints: {@code data.json} and the per-epoch sample images. */
public final class RunFiles {
    private RunFiles() {}

    record DataJson(int[] sampleShape, List<String> classNames) {}

    static void writeDataSpec(Path runDir, DataSpec spec) throws IOException {
        AtomicFiles.writeStringAtomically(runDir.resolve("data.json"),
                ConfigIO.mapper().writeValueAsString(new DataJson(spec.sampleShape(), spec.classNames())) + "\n");
    }

    public static DataSpec readDataSpec(Path runDir) throws ConfigException {
        Path f = runDir.resolve("data.json");
        try {
            DataJson d = ConfigIO.mapper().readValue(f.toFile(), DataJson.class);
            return new DataSpec(d.sampleShape(), d.classNames());
        } catch (IOException e) {
            throw new ConfigException(f + ": cannot read the run's data description (" + e.getMessage() + ")");
        }
    }

    /** {@code samples/epoch-NNNN.png} files in epoch order. */
    public static List<Path> epochSamples(Path runDir) throws IOException {
        Path dir = runDir.resolve("samples");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}\\.png")).sorted().toList();
        }
    }
}
