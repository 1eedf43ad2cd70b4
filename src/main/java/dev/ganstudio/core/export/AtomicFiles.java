package dev.ganstudio.core.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replace a file's content all at once: readers see either the old file or the complete new one,
 * never a partial write, and a failed write leaves the old file untouched.
 *
 * <p>Content goes to a hidden temporary sibling {@code .<name>.tmp-<random>} in the same directory,
 * is flushed and forced to disk ({@link FileChannel#force(boolean) force(true)}), and is then renamed
 * over the target with {@link StandardCopyOption#ATOMIC_MOVE}. On any failure the temporary file
 * is deleted and the exception propagates.
 */
public final class AtomicFiles {

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Write {@code target} atomically with the bytes {@code writer} produces. Missing parent
     * directories are created. The stream handed to {@code writer} is buffered; closing it is
     * allowed and only flushes (so writers that close their target, like Jackson's, work).
     *
     * @throws IOException from {@code writer}, or if the file cannot be written, forced or moved
     */
    public static void writeAtomically(Path target, IOConsumer<OutputStream> writer) throws IOException {
        if (target == null) throw new IllegalArgumentException("target path must not be null");
        if (writer == null) throw new IllegalArgumentException("writer must not be null");
        Path absolute = target.toAbsolutePath().normalize();
        Path fileName = absolute.getFileName();
        Path directory = absolute.getParent();
        if (fileName == null || directory == null) {
            throw new IllegalArgumentException("target must name a file, got " + target);
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        Files.createDirectories(directory);
        Path temp = directory.resolve("." + fileName + ".tmp-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                writer.accept(new FlushOnClose(buffered));
                buffered.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException deleteFailure) {
                failure.addSuppressed(deleteFailure);
            }
            throw failure;
        }
        forceDirectory(directory);
    }

    /** {@link #writeAtomically} with {@code content} encoded as UTF-8. */
    public static void writeStringAtomically(Path target, String content) throws IOException {
        if (content == null) throw new IllegalArgumentException("content must not be null");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        writeAtomically(target, out -> out.write(bytes));
    }

    /**
     * Make the rename itself durable by forcing the directory entry. Opening a directory as a
     * channel is not supported everywhere (e.g. Windows); there the rename is still atomic, just
     * not yet guaranteed to survive a power cut, so the failure is deliberately ignored.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort, see javadoc
        }
    }

    /** Passes writes through; close() only flushes so the channel stays open for force(). */
    private static final class FlushOnClose extends FilterOutputStream {

        FlushOnClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
