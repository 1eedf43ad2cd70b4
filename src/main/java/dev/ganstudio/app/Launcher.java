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
    }
}
