package dev.ganstudio.app;

/**
 * Entry point of the studio window. It does not extend {@code Application}, so the JavaFX jars may sit on the plain
 * class path (the {@code gan-studio} script, a shaded jar): the JDK launcher only insists on JavaFX modules when the
 * main class itself is an Application.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        String missing = missingDisplay();
        if (missing != null) {
            System.err.println("gan-studio: cannot open the studio: " + missing + ". It needs a desktop session; on a server use "
                    + "the command line (./gan-studio --help, e.g. ./gan-studio train sample-configs/mnist-mlp-gan.json) "
                    + "or run the studio under xvfb-run.");
            System.exit(2);
        }
        StudioApp.launchStudio(args);
        exitQuietly(0);
    }

    /** On Linux without X11/Wayland (and not on the headless Monocle platform): why the window cannot open; else null. */
    static String missingDisplay() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return null;
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return null;
        boolean x11 = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        boolean wayland = System.getenv("WAYLAND_DISPLAY") != null && !System.getenv("WAYLAND_DISPLAY").isBlank();
        return x11 || wayland ? null : "no display (DISPLAY is not set)";
    }

    /**
     * Ends the process once the window has closed and the studio has stopped its threads (run folders are written
     * atomically, logs are flushed here). With both GTK and libtorch loaded, the C library's exit-time destructors can
     * abort with "free(): invalid pointer"; {@code _exit} skips them. Falls back to {@code System.exit}.
     */
    static void exitQuietly(int status) {
        System.out.flush();
        System.err.flush();
        try {
            LibC.load()._exit(status);
        } catch (Throwable e) {
            System.exit(status);
        }
    }
}
