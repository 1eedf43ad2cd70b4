package dev.ganstudio.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.config.LossKind;
import dev.ganstudio.core.data.Batch;
import dev.ganstudio.core.data.DataSpec;
import dev.ganstudio.core.model.AdamOptimizer;
import dev.ganstudio.core.model.GanNetwork;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Predicate;

/**
 * The two networks, their optimizers and one training iteration. Owned by exactly one thread (the training thread):
 * DJL's gradient collector is process-global and the networks are updated in place.
 *
 * <p>One iteration = k D steps then n G steps (research note §1.3): D learns from real and detached fake samples;
 * during a G step D's parameters are frozen so G's backward pass leaves no gradient in D.
 */
public final class GanSession implements AutoCloseable {
    private static final Predicate<Parameter> NOT_RUNNING_STATS =
            p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;

    private final ExperimentConfig config;
    private final DataSpec spec;
    private final NDManager root;
    private final GanNetwork generator;
    private final GanNetwork discriminator;
    private final ParameterStore generatorStore;
    private final ParameterStore discriminatorStore;
    private final AdamOptimizer generatorOptimizer;
    private final AdamOptimizer discriminatorOptimizer;
    private final AdversarialLoss loss;
    private final GanNetwork averagedGenerator;
    private ByteBuffer realBuffer;
    private volatile int dSteps;
    private volatile int gSteps;

    private GanSession(ExperimentConfig config, DataSpec spec, Device device) {
        this.config = config;
        this.spec = spec;
        this.root = NDManager.newBaseManager(device);
        this.generator = Networks.generator(config, spec);
        this.discriminator = Networks.discriminator(config, spec);
        this.generatorStore = new ParameterStore(root, false);
        this.discriminatorStore = new ParameterStore(root, false);
        var g = config.training().generator();
        var d = config.training().discriminator();
        this.generatorOptimizer = new AdamOptimizer(generator, root, g.lr().floatValue(), g.beta1().floatValue(), g.beta2().floatValue());
        this.discriminatorOptimizer = new AdamOptimizer(discriminator, root, d.lr().floatValue(), d.beta1().floatValue(), d.beta2().floatValue());
        this.loss = AdversarialLoss.of(config.training().loss());
        this.averagedGenerator = config.training().emaBeta() > 0 ? Networks.generator(config, spec) : null;
        this.dSteps = config.training().dSteps();
        this.gSteps = config.training().gSteps();
    }

    /** New networks initialised from the config's seed. Call on the training thread. */
    public static GanSession create(ExperimentConfig config, DataSpec spec) {
        EngineSetup.engine();
        JniUtils.setGradMode(false);
        GanSession s = new GanSession(config, spec, Devices.training());
        Engine.getInstance().setRandomSeed((int) config.seed().longValue());
        s.generator.initialize(s.root, DataType.FLOAT32, Networks.generatorInputShapes(config, spec, 2));
        s.discriminator.initialize(s.root, DataType.FLOAT32, Networks.discriminatorInputShapes(config, spec, 2));
        if (config.generator().init().scheme().equals("pytorch")) s.generator.applyPytorchInit(s.root);
        if (config.discriminator().init().scheme().equals("pytorch")) s.discriminator.applyPytorchInit(s.root);
        if (s.averagedGenerator != null) {
            s.averagedGenerator.initialize(s.root, DataType.FLOAT32, Networks.generatorInputShapes(config, spec, 2));
            s.averagedGenerator.freezeParameters(true);
            s.updateAverage(0f);
        }
        return s;
    }

    /** Networks and optimizer state read back from a checkpoint. Call on the training thread. */
    public static GanSession restore(ExperimentConfig config, DataSpec spec, Checkpoint files) throws IOException {
        EngineSetup.engine();
        JniUtils.setGradMode(false);
        GanSession s = new GanSession(config, spec, Devices.training());
        try {
            files.readGenerator(in -> Networks.load(s.generator, s.root, in));
            files.readDiscriminator(in -> Networks.load(s.discriminator, s.root, in));
            if (s.averagedGenerator != null) {
                files.readAveragedGenerator(in -> Networks.load(s.averagedGenerator, s.root, in));
                s.averagedGenerator.freezeParameters(true);
            }
            files.readGeneratorOptimizer(s.generatorOptimizer::load);
            files.readDiscriminatorOptimizer(s.discriminatorOptimizer::load);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public ExperimentConfig config() { return config; }

    public DataSpec spec() { return spec; }

    public GanNetwork generator() { return generator; }

    public GanNetwork discriminator() { return discriminator; }

    public AdamOptimizer generatorOptimizer() { return generatorOptimizer; }

    public AdamOptimizer discriminatorOptimizer() { return discriminatorOptimizer; }

    public void setSteps(int k, int n) {
        if (k < 0 || n < 0 || k + n == 0) throw new IllegalArgumentException("k and n must be >= 0 and not both 0, got " + k + ", " + n);
        dSteps = k;
        gSteps = n;
    }

    public int dSteps() { return dSteps; }

    public int gSteps() { return gSteps; }

    /**
     * One iteration on one real batch: k D steps, then n G steps. The RNG is reseeded from the run seed and the global
     * step, so noise and dropout are the same whether or not the run was resumed.
     */
    public StepMetrics iterate(Batch real, long step, int epoch) {
        return iterate(real, step, epoch, dSteps, gSteps);
    }

    /** Like {@link #iterate(Batch, long, int)} with explicit step counts (the studio's "Step D" / "Step G"). */
    public StepMetrics iterate(Batch real, long step, int epoch, int k, int n) {
        long t0 = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) (config.seed() * 7919 + step));
        int b = real.size();
        float dLossSum = 0, gLossSum = 0, dRealSum = 0, dFakeSum = 0;
        try (NDManager scope = root.newSubManager()) {
            NDArray x = realInput(scope, real);
            NDArray y = config.conditional() ? scope.create(real.labels()) : null;
            NDArray keptFake = null, keptLabels = null;
            for (int i = 0; i < k; i++) {
                NDArray z = noise(scope, b);
                NDArray fakeLabels = fakeLabels(scope, b);
                // The last D step's fake keeps its graph through G so the first G step can reuse it; other fakes
                // are made outside the collector, where grad mode is off and no graph is built.
                boolean keep = i == k - 1 && n > 0;
                NDArray fake = keep ? null : generator.forward(generatorStore, inputs(z, fakeLabels), true).head();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    if (keep) fake = generator.forward(generatorStore, inputs(z, fakeLabels), true).head();
                    NDArray realOut = discriminator.forward(discriminatorStore, inputs(x, y), true).head();
                    NDArray fakeOut = discriminator.forward(discriminatorStore, inputs(fake.stopGradient(), fakeLabels), true).head();
                    NDArray lossD = loss.discriminator(realOut, fakeOut, realTarget());
                    gc.backward(lossD);
                    dLossSum += lossD.getFloat();
                    dRealSum += loss.meanScore(realOut);
                    dFakeSum += loss.meanScore(fakeOut);
                    if (keep) { keptFake = fake; keptLabels = fakeLabels; }
                }
                discriminatorOptimizer.step();
                if (config.training().loss() == LossKind.WASSERSTEIN_CLIP) clipDiscriminator(config.training().clipValue().floatValue());
            }
            if (n > 0) {
                discriminator.freezeParameters(true);
                try {
                    for (int j = 0; j < n; j++) {
                        NDArray fakeLabels = keptLabels != null ? keptLabels : fakeLabels(scope, b);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray fake = keptFake != null ? keptFake : generator.forward(generatorStore, inputs(noise(scope, b), fakeLabels), true).head();
                            NDArray fakeOut = discriminator.forward(discriminatorStore, inputs(fake, fakeLabels), true).head();
                            NDArray lossG = loss.generator(fakeOut);
                            gc.backward(lossG);
                            gLossSum += lossG.getFloat();
                            if (k == 0) dFakeSum += loss.meanScore(fakeOut);
                        }
                        generatorOptimizer.step();
                        if (averagedGenerator != null) updateAverage(config.training().emaBeta().floatValue());
                        keptFake = null;
                        keptLabels = null;
                    }
                } finally {
                    discriminator.freezeParameters(false, NOT_RUNNING_STATS);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StepMetrics m = new StepMetrics(step, epoch, k > 0 ? dLossSum / k : Float.NaN, n > 0 ? gLossSum / n : Float.NaN,
                k > 0 ? dRealSum / k : Float.NaN, k > 0 ? dFakeSum / k : (n > 0 ? dFakeSum : Float.NaN),
                generatorOptimizer.learningRate(), discriminatorOptimizer.learningRate(), seconds);
        if ((k > 0 && !Float.isFinite(m.dLoss())) || (n > 0 && !Float.isFinite(m.gLoss()))) {
            throw new NonFiniteLossException("the " + (k > 0 && !Float.isFinite(m.dLoss()) ? "discriminator" : "generator")
                    + " loss became " + (k > 0 && !Float.isFinite(m.dLoss()) ? m.dLoss() : m.gLoss()) + " at step " + step
                    + " (epoch " + (epoch + 1) + "); learning rates G " + m.lrG() + ", D " + m.lrD()
                    + ". Try lower learning rates, label smoothing, or another loss.");
        }
        return m;
    }

    /**
     * Generates samples from given noise (and labels) in inference mode — from the weight average when G's EMA is on;
     * returns {@code n × sampleSize} floats.
     */
    public float[] generate(float[] z, long[] labels, int n) {
        GanNetwork g = averagedGenerator != null ? averagedGenerator : generator;
        try (NDManager scope = root.newSubManager()) {
            NDArray zs = scope.create(z, new Shape(n, config.latent().dim()));
            NDArray ys = labels == null ? null : scope.create(labels);
            return g.forward(new ParameterStore(scope, false), inputs(zs, ys), false).head().toFloatArray();
        }
    }

    /** True when samples come from an exponential moving average of G's weights. */
    public boolean averaging() { return averagedGenerator != null; }

    /** average ← β·average + (1−β)·G for weights; BatchNorm running statistics are copied. */
    private void updateAverage(float beta) {
        var avg = averagedGenerator.getParameters();
        var live = generator.getParameters();
        for (int i = 0; i < live.size(); i++) {
            Parameter p = live.get(i).getValue();
            NDArray a = avg.get(i).getValue().getArray(), w = p.getArray();
            float keep = NOT_RUNNING_STATS.test(p) ? beta : 0f;
            try (NDArray add = w.mul(1f - keep)) {
                a.muli(keep).addi(add);
            }
        }
    }

    /** Writes the averaged generator's parameters (only when G's EMA is on). */
    public void saveAveragedGenerator(DataOutputStream out) throws IOException { averagedGenerator.saveParameters(out); }

    /** D's outputs (as scores, see {@link AdversarialLoss#meanScore}) for given samples, in inference mode. */
    public float[] discriminate(float[] samples, long[] labels, int n) {
        try (NDManager scope = root.newSubManager()) {
            NDArray xs = scope.create(samples, batchShape(n));
            NDArray ys = labels == null ? null : scope.create(labels);
            NDArray out = discriminator.forward(discriminatorStore, inputs(xs, ys), false).head();
            boolean probabilities = config.training().loss() == LossKind.MINIMAX || config.training().loss() == LossKind.NON_SATURATING;
            return (probabilities ? out.getNDArrayInternal().sigmoid() : out).toFloatArray();
        }
    }

    public void saveGenerator(DataOutputStream out) throws IOException { generator.saveParameters(out); }

    /**
     * G's parameter values in its parameter order (the weight average when the run keeps one, as the run's grids use),
     * for {@link TrainedGenerator#fromWeights} and {@link TrainedGenerator#update}. Call on the training thread.
     */
    public float[][] generatorWeights() {
        List<Parameter> params = (averaging() ? averagedGenerator : generator).getParameters().values();
        float[][] weights = new float[params.size()][];
        for (int i = 0; i < weights.length; i++) weights[i] = params.get(i).getArray().toFloatArray();
        return weights;
    }

    public void saveDiscriminator(DataOutputStream out) throws IOException { discriminator.saveParameters(out); }

    /**
     * The real batch as an engine array. On the CPU the array wraps {@link #realBuffer} (one copy of the values, no
     * allocation): {@code NDManager.create(float[])} would allocate a new direct buffer per step that is only freed when
     * the garbage collector gets to it, so native memory would swell and shrink with GC cycles. The array lives in the
     * iteration's scope and is closed before the buffer is refilled.
     */
    private NDArray realInput(NDManager scope, Batch real) {
        float[] values = real.values();
        long bytes = 4L * values.length;
        if (realBuffer == null || realBuffer.capacity() < bytes) {
            realBuffer = ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder());
        }
        realBuffer.clear();
        realBuffer.asFloatBuffer().put(values);
        realBuffer.limit((int) bytes);
        return scope.create(realBuffer, batchShape(real.size()), DataType.FLOAT32);
    }

    private Shape batchShape(int n) {
        long[] dims = new long[spec.sampleShape().length + 1];
        dims[0] = n;
        for (int i = 0; i < spec.sampleShape().length; i++) dims[i + 1] = spec.sampleShape()[i];
        return new Shape(dims);
    }

    private NDArray noise(NDManager scope, int n) {
        Shape shape = new Shape(n, config.latent().dim());
        float scale = config.latent().scale().floatValue();
        return config.latent().uniform() ? scope.randomUniform(0f, scale, shape) : scope.randomNormal(0f, scale, shape, DataType.FLOAT32);
    }

    private NDArray fakeLabels(NDManager scope, int n) {
        return config.conditional() ? scope.randomInteger(0, spec.numClasses(), new Shape(n), DataType.INT64) : null;
    }

    private NDList inputs(NDArray x, NDArray labels) {
        return config.conditional() && labels != null ? new NDList(x, labels) : new NDList(x);
    }

    private float realTarget() {
        return (float) (1.0 - config.training().labelSmoothing());
    }

    private void clipDiscriminator(float c) {
        for (Pair<String, Parameter> p : discriminator.getParameters()) {
            if (!NOT_RUNNING_STATS.test(p.getValue())) continue;
            NDArray w = p.getValue().getArray();
            try (NDArray clipped = w.clip(-c, c); NDArray excess = w.sub(clipped)) {
                w.subi(excess);
            }
        }
    }

    @Override
    public void close() {
        generatorOptimizer.close();
        discriminatorOptimizer.close();
        root.close();
    }
}
