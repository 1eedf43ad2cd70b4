package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import dev.ganstudio.core.config.ConfigException;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.config.DistributionSource;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.model.GanNetwork;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    private ByteBuffer[] buffers; // update()'s native buffers, one per parameter

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

    /**
     * A generator holding {@code weights} (from {@link GanSession#generatorWeights()} of the same experiment). Built
     * with zeros, not the config's initialisers: the engine's random generator is shared by every thread, and drawing
     * from it here would change the training thread's random numbers.
     */
    public static TrainedGenerator fromWeights(ExperimentConfig config, DataSpec spec, float[][] weights) {
        return filled(build(config, spec), weights);
    }

    /**
     * The experiment's generator with every weight zero, ready for {@link #update}: building the network and its
     * first load are the slow part (together about 70 ms for the MLP GAN on this VM, the first load writing to new
     * memory), so a caller can do both before the real weights exist.
     */
    public static TrainedGenerator zeros(ExperimentConfig config, DataSpec spec) {
        TrainedGenerator t = build(config, spec);
        List<Parameter> params = t.generator.getParameters().values();
        float[][] zeros = new float[params.size()][];
        for (int i = 0; i < zeros.length; i++) zeros[i] = new float[Math.toIntExact(params.get(i).getArray().size())];
        return filled(t, zeros);
    }

    private static TrainedGenerator filled(TrainedGenerator t, float[][] weights) {
        try {
            t.update(weights);
            return t;
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private static TrainedGenerator build(ExperimentConfig config, DataSpec spec) {
        EngineSetup.engine();
        NDManager manager = NDManager.newBaseManager(Devices.training());
        try {
            GanNetwork g = Networks.generator(config, spec);
            g.setInitializer(Initializer.ZEROS, p -> true);
            g.initialize(manager, DataType.FLOAT32, Networks.generatorInputShapes(config, spec, 1));
            g.freezeParameters(true);
            return new TrainedGenerator(config, spec, manager, g);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Overwrites every parameter with {@code weights} (same experiment, G's parameter order) in place. Each parameter
     * keeps one native buffer for this: on the CPU an engine array made from a buffer uses that buffer's memory, and a
     * fresh buffer per load is only freed when the garbage collector gets to it, so every load wrote to new memory
     * (measured: 15–60 ms to load the MLP GAN's 1.5 M weights that way on this VM; this copy takes about 1 ms).
     *
     * @throws IllegalArgumentException when the weights do not fit this network
     */
    public void update(float[][] weights) {
        List<Parameter> params = generator.getParameters().values();
        if (weights.length != params.size()) {
            throw new IllegalArgumentException("weights for " + weights.length + " parameters, this generator has " + params.size());
        }
        for (int i = 0; i < weights.length; i++) {
            long size = params.get(i).getArray().size();
            if (weights[i].length != size) {
                throw new IllegalArgumentException("parameter " + params.get(i).getName() + " holds " + size + " values, got " + weights[i].length);
            }
        }
        if (buffers == null) buffers = new ByteBuffer[params.size()];
        for (int i = 0; i < weights.length; i++) {
            if (buffers[i] == null) buffers[i] = ByteBuffer.allocateDirect(4 * weights[i].length).order(ByteOrder.nativeOrder());
            buffers[i].asFloatBuffer().put(weights[i]);
            params.get(i).getArray().set(buffers[i]);
        }
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
