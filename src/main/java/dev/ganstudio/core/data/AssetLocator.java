package dev.ganstudio.core.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Finds the project's {@code assets} folder (the one holding {@code mnist/}), in this order:
 * <ol>
 *   <li>the system property {@code ganstudio.assets}, when set (used as given, even if wrong, so a
 *       misconfiguration is reported rather than silently bypassed);</li>
 *   <li>{@code ./assets} relative to the working directory, when it exists;</li>
 *   <li>walking up from the location of this class's code (e.g. {@code target/classes} or the folder
 *       of the application jar) to the first folder containing {@code assets/mnist}.</li>
 * </ol>
 */
public final class AssetLocator {

    public static final String PROPERTY = "ganstudio.assets";

    private AssetLocator() {}

    /** The assets folder, or a {@link DatasetException} saying where it was looked for. */
    public static Path locate() throws DatasetException {
        return locate(System.getProperty(PROPERTY), Path.of("assets"), codeLocation());
    }

    /**
     * The search itself, with its three inputs explicit.
     *
     * @param configured       value of the system property, or null
     * @param workingAssets    the {@code ./assets} candidate
     * @param codeLocation     where this class was loaded from, or null when unknown
     */
    static Path locate(String configured, Path workingAssets, Path codeLocation) throws DatasetException {
        if (configured != null && !configured.isBlank()) {
            Path folder = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                throw new DatasetException("assets folder " + folder + " (from system property " + PROPERTY
                        + ") does not exist");
            }
            return folder;
        }
        Path workingDirectory = workingAssets.toAbsolutePath().normalize();
        if (Files.isDirectory(workingDirectory)) {
            return workingDirectory;
        }
        for (Path folder = codeLocation; folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("assets");
            if (Files.isDirectory(candidate.resolve("mnist"))) {
                return candidate;
            }
        }
        throw new DatasetException("cannot find the assets folder: system property " + PROPERTY
                + " is not set, " + workingDirectory + " does not exist, and no folder above "
                + (codeLocation == null ? "the application's code location" : codeLocation)
                + " contains assets/mnist");
    }

    private static Path codeLocation() {
        CodeSource source = AssetLocator.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
