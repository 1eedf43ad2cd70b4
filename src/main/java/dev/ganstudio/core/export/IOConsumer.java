package dev.ganstudio.core.export;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, e.g. code writing a file's content to a stream. */
@FunctionalInterface
public interface IOConsumer<T> {

    void accept(T value) throws IOException;
}
