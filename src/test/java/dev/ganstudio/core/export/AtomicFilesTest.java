package dev.ganstudio.core.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void oldFileSurvivesAWriterThatFailsMidWrite() throws IOException {
        Path target = dir.resolve("config.json");
        AtomicFiles.writeStringAtomically(target, "{\"old\": true}");
        IOException failure = new IOException("disk on fire");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.writeAtomically(target, out -> {
            out.write(new byte[200_000]); // more than the buffer, so bytes reach the temp file
            out.write("{\"new\":".getBytes(StandardCharsets.UTF_8));
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("{\"old\": true}", Files.readString(target));
        assertEquals(List.of(target), listing(), "temporary file must be deleted");
    }

    @Test
    void oldFileSurvivesARuntimeException() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeStringAtomically(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeAtomically(target, out -> {
            out.write(1);
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void replacesExistingContentAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeStringAtomically(target, "first, and longer");
        AtomicFiles.writeStringAtomically(target, "second ✓");
        assertEquals("second ✓", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void writerMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.writeAtomically(target, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write("written through a closing writer");
            }
        });
        assertEquals("written through a closing writer", Files.readString(target));
    }

    @Test
    void largeContentIsWrittenCompletely() throws IOException {
        byte[] data = new byte[3_000_001];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        Path target = dir.resolve("big.bin");
        AtomicFiles.writeAtomically(target, (OutputStream out) -> {
            out.write(data, 0, 1000);
            for (int i = 1000; i < 2000; i++) out.write(data[i]);
            out.write(data, 2000, data.length - 2000);
        });
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path target = dir.resolve("runs/42/samples/epoch-1.txt");
        AtomicFiles.writeStringAtomically(target, "x");
        assertEquals("x", Files.readString(target));
    }

    @Test
    void refusesToReplaceADirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeStringAtomically(sub, "x"));
        assertEquals("cannot write " + sub + ": it is a directory", e.getMessage());
        assertTrue(Files.isDirectory(sub));
    }
}
