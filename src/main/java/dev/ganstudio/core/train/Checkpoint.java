package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.export.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A complete, atomically written training checkpoint: {@code checkpoints/ckpt-NNNNNNNN/} holding G's and D's
 * parameters (BatchNorm running statistics included), both optimizers' state and {@code state.json}. It is written
 * into a temporary folder, every file fsynced, then renamed into place, and only then does {@code LATEST} point at it;
 * a write killed half-way leaves the previous checkpoint as the latest. Older checkpoints beyond {@link #KEEP} are
 * removed.
 */
public record Checkpoint(Path dir, CheckpointState state) {
    public static final int KEEP = 2;
    private static final String LATEST = "LATEST";

    /** Reads one file of a checkpoint. */
    @FunctionalInterface
    public interface Reader { void read(DataInputStream in) throws IOException; }

    /** Writes one file of a checkpoint. */
    @FunctionalInterface
    public interface Writer { void write(DataOutputStream out) throws IOException; }

    public void readGenerator(Reader r) throws IOException { read("generator.params", r); }

    public void readDiscriminator(Reader r) throws IOException { read("discriminator.params", r); }

    public void readAveragedGenerator(Reader r) throws IOException { read("generator-ema.params", r); }

    /** True when this checkpoint holds an exponential moving average of G. */
    public boolean hasAveragedGenerator() { return Files.isRegularFile(dir.resolve("generator-ema.params")); }

    public void readGeneratorOptimizer(Reader r) throws IOException { read("generator.adam", r); }

    public void readDiscriminatorOptimizer(Reader r) throws IOException { read("discriminator.adam", r); }

    private void read(String name, Reader r) throws IOException {
        Path f = dir.resolve(name);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            r.read(in);
        }
    }

    /** Writes a checkpoint of the session under {@code checkpointsDir} and makes it the latest. */
    public static Checkpoint write(Path checkpointsDir, GanSession session, CheckpointState state) throws IOException {
        Files.createDirectories(checkpointsDir);
        String name = String.format("ckpt-%08d", state.step());
        Path tmp = checkpointsDir.resolve(name + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            writeSynced(tmp.resolve("generator.params"), session::saveGenerator);
            writeSynced(tmp.resolve("discriminator.params"), session::saveDiscriminator);
            if (session.averaging()) writeSynced(tmp.resolve("generator-ema.params"), session::saveAveragedGenerator);
            writeSynced(tmp.resolve("generator.adam"), session.generatorOptimizer()::save);
            writeSynced(tmp.resolve("discriminator.adam"), session.discriminatorOptimizer()::save);
            byte[] json = ConfigIO.mapper().writeValueAsBytes(state);
            writeSynced(tmp.resolve("state.json"), out -> out.write(json));
            syncDirectory(tmp);
            Path target = checkpointsDir.resolve(name);
            if (Files.exists(target)) deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(checkpointsDir);
            AtomicFiles.writeStringAtomically(checkpointsDir.resolve(LATEST), name + "\n");
            prune(checkpointsDir, name);
            return new Checkpoint(target, state);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** The latest complete checkpoint, if any: the one LATEST names, else the newest complete folder. */
    public static Optional<Checkpoint> latest(Path checkpointsDir) throws IOException {
        if (!Files.isDirectory(checkpointsDir)) return Optional.empty();
        Path pointer = checkpointsDir.resolve(LATEST);
        if (Files.isRegularFile(pointer)) {
            Path named = checkpointsDir.resolve(Files.readString(pointer).trim());
            Optional<Checkpoint> c = open(named);
            if (c.isPresent()) return c;
        }
        for (Path dir : complete(checkpointsDir)) {
            Optional<Checkpoint> c = open(dir);
            if (c.isPresent()) return c;
        }
        return Optional.empty();
    }

    private static Optional<Checkpoint> open(Path dir) {
        Path state = dir.resolve("state.json");
        if (!Files.isRegularFile(state)) return Optional.empty();
        for (String f : List.of("generator.params", "discriminator.params", "generator.adam", "discriminator.adam")) {
            if (!Files.isRegularFile(dir.resolve(f))) return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(dir, ConfigIO.mapper().readValue(state.toFile(), CheckpointState.class)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Complete checkpoint folders, newest first (temporary folders of interrupted writes are ignored). */
    private static List<Path> complete(Path checkpointsDir) throws IOException {
        try (Stream<Path> s = Files.list(checkpointsDir)) {
            return s.filter(p -> p.getFileName().toString().matches("ckpt-\\d{8}") && Files.isDirectory(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    private static void prune(Path checkpointsDir, String keepName) throws IOException {
        List<Path> all = new ArrayList<>(complete(checkpointsDir));
        int kept = 0;
        for (Path p : all) {
            if (p.getFileName().toString().equals(keepName) || kept < KEEP) {
                kept++;
                continue;
            }
            deleteTree(p);
        }
        try (Stream<Path> s = Files.list(checkpointsDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().contains(".tmp-")).toList()) deleteTree(p);
        }
    }

    private static void writeSynced(Path file, Writer writer) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16))) {
            writer.write(out);
            out.flush();
            ch.force(true);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot fsync a directory; the rename is still atomic.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
