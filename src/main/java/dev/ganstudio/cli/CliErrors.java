package dev.ganstudio.cli;

import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.data.DatasetException;
import dev.ganstudio.core.model.ArchitectureException;
import dev.ganstudio.core.train.NonFiniteLossException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Maps failures to one readable line and an exit code. */
final class CliErrors {
    private CliErrors() {}

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file or folder";
        if (e instanceof ConfigException || e instanceof DatasetException || e instanceof ArchitectureException
                || e instanceof NonFiniteLossException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof IOException) return "I/O error: " + e.getMessage();
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static int exitCode(Throwable e) {
        if (e instanceof NonFiniteLossException) return 1;
        if (e instanceof ConfigException || e instanceof DatasetException || e instanceof ArchitectureException
                || e instanceof IllegalArgumentException || e instanceof IOException) return 2;
        return 3;
    }
}
