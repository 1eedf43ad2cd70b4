package dev.ganstudio.app;

import javafx.application.Platform;

/** Small helpers for crossing into the FX thread. */
final class Fx {
    private Fx() {}

    /** Runs on the FX thread: now when already there, else later. */
    static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run(); else Platform.runLater(r);
    }

    /** A message for the user from any throwable: its own message (never a stack trace), with the type when empty. */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        if (t instanceof OutOfMemoryError) m = "out of memory (" + m + "); try a smaller batch, image size or network";
        return m;
    }
}
