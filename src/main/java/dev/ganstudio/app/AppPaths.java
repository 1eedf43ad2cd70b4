package dev.ganstudio.app;

import java.nio.file.Path;

/**
 * Where the studio keeps its own files: {@code ~/.ganstudio} (system property {@code ganstudio.home}) with the last
 * experiment, and the runs it trains ({@code ganstudio.runs}, default {@code ~/.ganstudio/runs}).
 */
public final class AppPaths {
    private AppPaths() {}

    public static Path home() {
        String p = System.getProperty("ganstudio.home");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".ganstudio");
    }

    public static Path runsRoot() {
        String p = System.getProperty("ganstudio.runs");
        return p != null && !p.isBlank() ? Path.of(p) : home().resolve("runs");
    }

    public static Path lastExperiment() { return home().resolve("last-experiment.json"); }
}
