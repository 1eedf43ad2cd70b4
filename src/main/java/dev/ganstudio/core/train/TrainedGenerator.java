package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.model.GanNetwork;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A read-only copy of a trained generator for rendering: from a run directory's latest checkpoint (CLI) or from a
 * parameter snapshot published by the training thread (studio). It has its own manager and never touches the
 * training networks, so any thread may render with it (one thread at a time).
 */
public final class TrainedGenerator implements AutoCloseable {
    private final ExperimentConfig config;
    private final DataSpec spec;
    private final NDManager manager;
    private final GanNetwork generator;

    private TrainedGenerator(ExperimentConfig config, DataSpec spec, NDManager manager, GanNetwork generator) {
        this.config = config;
        this.spec = spec;
        this.manager = manager;
        this.generator = generator;
    }

    /** The generator of a run directory's latest checkpoint. */
    public static TrainedGenerator open(Path runDir) throws IOException, ConfigException {
        ExperimentConfig config = ConfigIO.load(runDir.resolve("config.json"));
        DataSpec spec = RunFiles.readDataSpec(runDir);
        Checkpoint c = Checkpoint.latest(runDir.resolve("checkpoints"))
                .orElseThrow(() -> new ConfigException(runDir + ": no complete checkpoint yet"));
        TrainedGenerator[] result = new TrainedGenerator[1];
        // Prefer the weight average when the run kept one: it is what the run's grids and metrics were drawn from.
        Checkpoint.Reader reader = in -> result[0] = load(config, spec, in);
        if (c.hasAveragedGenerator()) c.readAveragedGenerator(reader); else c.readGenerator(reader);
        return result[0];
    }

    /** A generator from parameters saved with {@code GanSession.saveGenerator}. */
    public static TrainedGenerator fromSnapshot(ExperimentConfig config, DataSpec spec, byte[] parameters) throws IOException {
        return load(config, spec, new DataInputStream(new ByteArrayInputStream(parameters)));
    }

    private static TrainedGenerator load(ExperimentConfig config, DataSpec spec, DataInputStream in) throws IOException {
        EngineSetup.engine();
        NDManager manager = NDManager.newBaseManager(Devices.training());
        try {
            GanNetwork g = Networks.generator(config, spec);
            Networks.load(g, manager, in);
            return new TrainedGenerator(config, spec, manager, g);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public ExperimentConfig config() { return config; }

    public DataSpec spec() { return spec; }

    /**
     * {@code n × sampleSize} floats for n latent vectors (images in [-1, 1]; 1-D values in the data's own units) (and labels, for conditional models), in inference mode. */
    public float[] generate(float[] z, long[] labels, int n) {
        JniUtils.setGradMode(false);
        try (NDManager scope = manager.newSubManager()) {
            NDArray zs = scope.create(z, new Shape(n, config.latent().dim()));
            NDList in = config.conditional() ? new NDList(zs, scope.create(labels == null ? new long[n] : labels)) : new NDList(zs);
            float[] out = generator.forward(new ParameterStore(scope, false), in, false).head().toFloatArray();
            if (config.data() instanceof DistributionSource d) {
                for (int i = 0; i < out.length; i++) out[i] = (float) d.toData(out[i]);
            }
            return out;
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    static boolean exists(Path runDir) { return Files.isRegularFile(runDir.resolve("config.json")); }
}
