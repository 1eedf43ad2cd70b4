package dev.ganstudio.app;

/**
 * Entry point of the studio window. It does not extend {@code Application}, so the JavaFX jars may sit on the plain
 * class path (the {@code gan-studio} script, a shaded jar): the JDK launcher only insists on JavaFX modules when the
 * main class itself is an Application.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        StudioApp.launchStudio(args);
        exitQuietly(0);
    }

    /** libc's {@code _exit}, reached through JNA (a DJL dependency). */
    public interface CLibrary extends com.sun.jna.Library {
        void _exit(int status);
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
            com.sun.jna.Native.load("c", CLibrary.class)._exit(status);
        } catch (Throwable e) {
            System.exit(status);
        }
    }
}
