package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.BatchSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint write killed with SIGKILL leaves the previous checkpoint loadable. */
class CheckpointKillTest {

    /** Child process: writes checkpoints of a real session in a loop until killed. */
    public static void main(String[] args) throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of(args[0]));
        BatchSource data = DataLoading.open(c);
        try (GanSession s = GanSession.create(c, data.spec())) {
            for (long step = 1; ; step++) {
                s.iterate(data.batch(0, 0), step, 0);
                Checkpoint.write(Path.of(args[1]), s, new CheckpointState(step, 0, 0, c.seed(), 2e-4, 2e-4, 1, 1, 0));
                System.out.println("written " + step);
                System.out.flush();
            }
        }
    }

    @Test
    void killedWriterLeavesALoadableCheckpoint(@TempDir Path tmp) throws Exception {
        ExperimentConfig c = TestConfigs.load("mnist-mlp-gan");
        Path config = tmp.resolve("config.json");
        ConfigIO.save(c, config);
        Path checkpoints = tmp.resolve("checkpoints");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(java, "-Doffline=true", "-cp", System.getProperty("java.class.path"),
                    CheckpointKillTest.class.getName(), config.toString(), checkpoints.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
            // wait until at least two checkpoints exist, then kill at an arbitrary moment (likely mid-write: G+D ~12 MB)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && Files.readString(tmp.resolve("child.log")).split("written").length < 3 + round) {
                Thread.sleep(50);
            }
            Thread.sleep(37L * (round + 1));
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);

            Optional<Checkpoint> latest = Checkpoint.latest(checkpoints);
            assertTrue(latest.isPresent(), "no loadable checkpoint after kill; log: " + Files.readString(tmp.resolve("child.log")));
            BatchSource data = DataLoading.open(c);
            try (GanSession restored = GanSession.restore(c, data.spec(), latest.get())) {
                assertTrue(restored.iterate(data.batch(0, 1), latest.get().state().step() + 1, 0).finite());
            }
            try (var files = Files.list(checkpoints)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertTrue(names.stream().filter(n -> n.matches("ckpt-\\d{8}")).count() <= Checkpoint.KEEP + 1, names.toString());
            }
        }
    }
}
