package dev.ganstudio.core.metrics;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.ganstudio.core.config.ConfigIO;
import dev.ganstudio.core.data.ImageDataset;
import dev.ganstudio.core.export.AtomicFiles;
import dev.ganstudio.core.model.AdamOptimizer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A small LeNet-style classifier for a labelled image dataset, the yardstick of the image metrics: its predictions
 * give class coverage and label accuracy, its penultimate layer (84 ReLU features) the Fréchet distance "FLD".
 *
 * <p>Layout: conv 6@5×5 (padding 2) → ReLU → max-pool 2 → conv 16@5×5 → ReLU → max-pool 2 → flatten → dense 120 →
 * ReLU → dense 84 → ReLU (features) → dense K. The flatten size follows from the image shape, so any channel count
 * and any size ≥ {@link #MIN_SIDE} works. Inputs are NCHW in [-1, 1], like the GAN's real batches.
 *
 * <p>It is trained once per dataset with a fixed seed on 90 % of the images (Adam, batch 128, learning rate 2e-3
 * decaying linearly to 0, about 90,000 image presentations: 10 epochs of the bundled digits) and tested on the other
 * 10 %, then cached
 * as {@code <cache>/<sha256>.params} + {@code <sha256>.json}, keyed by the dataset's content. Training uses DJL's
 * process-global gradient collector: never train one while a GAN trains on another thread. Not thread-safe; use
 * from one thread at a time.
 */
public final class FeatureClassifier implements AutoCloseable {
    /** Changing the layout or the training recipe must change this tag, so old cache entries are not reused. */
    public static final String ARCHITECTURE = "lenet5-relu-84-v1";
    /** Smallest image side the two conv/pool stages accept. */
    public static final int MIN_SIDE = 12;
    /** Fewest images a dataset needs for a meaningful 90/10 split. */
    public static final int MIN_IMAGES = 100;
    public static final int FEATURES = 84;

    static final long SEED = 0x1E5E7C1A55L;
    private static final int BATCH = 128;
    private static final int EVAL_BATCH = 250;
    private static final float LEARNING_RATE = 2e-3f;
    /** Image presentations per training run (epochs = this ÷ training images, clamped to 2..{@link #MAX_EPOCHS}). */
    private static final int PRESENTATIONS = 90_000;
    private static final int MAX_EPOCHS = 12;

    private final NDManager manager;
    private final SequentialBlock network;
    private final SequentialBlock features;
    private final Block head;
    private final long[] sampleShape;
    private final ClassifierInfo info;
    private final boolean cached;

    private FeatureClassifier(NDManager manager, SequentialBlock network, long[] sampleShape, ClassifierInfo info, boolean cached) {
        this.manager = manager;
        this.network = network;
        this.features = (SequentialBlock) network.getChildren().get(0).getValue();
        this.head = network.getChildren().get(1).getValue();
        this.sampleShape = sampleShape;
        this.info = info;
        this.cached = cached;
    }

    /** Test accuracy, dataset hash and training facts. */
    public ClassifierInfo info() { return info; }

    /** True when the parameters came from the cache rather than from training in this process. */
    public boolean fromCache() { return cached; }

    public int numClasses() { return info.classNames().size(); }

    public int imageSize() { return info.channels() * info.height() * info.width(); }

    /** Why this dataset cannot have a classifier, or null when it can. */
    public static String unsuitable(ImageDataset ds) {
        if (ds.numClasses() < 2) return ds.name() + " has " + ds.numClasses() + " class; class-based metrics need at least 2";
        int[] counts = ds.classCounts();
        int present = 0;
        for (int c : counts) if (c > 0) present++;
        if (present < 2) return ds.name() + " has images of only " + present + " class; class-based metrics need at least 2";
        if (ds.size() < MIN_IMAGES) return ds.name() + " has " + ds.size() + " images; the evaluation classifier needs at least " + MIN_IMAGES;
        if (ds.height() < MIN_SIDE || ds.width() < MIN_SIDE) {
            return ds.name() + " has " + ds.height() + "×" + ds.width() + " images; the evaluation classifier needs at least "
                    + MIN_SIDE + "×" + MIN_SIDE;
        }
        return null;
    }

    /**
     * The dataset's classifier from {@code cacheDir} when a valid entry exists, else trained now and stored there
     * (atomically; a cache that cannot be written is reported through {@code progress} and otherwise ignored).
     */
    public static FeatureClassifier loadOrTrain(ImageDataset ds, Path cacheDir, Device device, Consumer<String> progress)
            throws IOException {
        requireSuitable(ds);
        String hash = contentHash(ds);
        Path params = cacheDir.resolve(hash + ".params"), json = cacheDir.resolve(hash + ".json");
        if (Files.isRegularFile(params) && Files.isRegularFile(json)) {
            try {
                ClassifierInfo info = ConfigIO.mapper().readValue(json.toFile(), ClassifierInfo.class);
                if (info.architecture().equals(ARCHITECTURE) && info.datasetHash().equals(hash)
                        && info.classNames().equals(ds.classNames())) {
                    return load(params, info, device);
                }
                progress.accept("evaluation classifier cache entry " + json + " does not match this dataset; retraining");
            } catch (IOException | RuntimeException e) {
                progress.accept("evaluation classifier cache entry " + json + " is unreadable (" + e.getMessage() + "); retraining");
            }
        }
        FeatureClassifier c = train(ds, hash, device, progress);
        try {
            AtomicFiles.writeAtomically(params, out -> c.network.saveParameters(new DataOutputStream(out)));
            AtomicFiles.writeStringAtomically(json, ConfigIO.mapper().writeValueAsString(c.info) + "\n");
        } catch (IOException e) {
            progress.accept("could not cache the evaluation classifier in " + cacheDir + " (" + e.getMessage()
                    + "); it will be trained again next time");
        }
        return c;
    }

    /** Trains a classifier for the dataset without touching any cache. */
    public static FeatureClassifier train(ImageDataset ds, Device device, Consumer<String> progress) {
        requireSuitable(ds);
        return train(ds, contentHash(ds), device, progress);
    }

    private static void requireSuitable(ImageDataset ds) {
        String why = unsuitable(ds);
        if (why != null) throw new IllegalArgumentException(why);
    }

    private static FeatureClassifier load(Path params, ClassifierInfo info, Device device) throws IOException {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            SequentialBlock net = build(info.classNames().size());
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
                net.loadParameters(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException(params + " does not hold " + ARCHITECTURE + " parameters: " + e.getMessage(), e);
            }
            return new FeatureClassifier(manager, net, new long[] {info.channels(), info.height(), info.width()}, info, true);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static FeatureClassifier train(ImageDataset ds, String hash, Device device, Consumer<String> progress) {
        long t0 = System.nanoTime();
        int n = ds.size(), size = ds.imageSize();
        int[] order = shuffled(n, new Random(SEED));
        int testCount = Math.max(1, n / 10), trainCount = n - testCount;
        int[] test = java.util.Arrays.copyOfRange(order, 0, testCount);
        int[] train = java.util.Arrays.copyOfRange(order, testCount, n);
        int epochs = Math.max(2, Math.min(MAX_EPOCHS, (int) Math.round((double) PRESENTATIONS / trainCount)));
        int batch = Math.min(BATCH, trainCount);

        NDManager manager = NDManager.newBaseManager(device);
        try {
            SequentialBlock net = build(ds.numClasses());
            Engine.getInstance().setRandomSeed((int) SEED);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, ds.channels(), ds.height(), ds.width()));
            Loss loss = Loss.softmaxCrossEntropyLoss();
            ParameterStore store = new ParameterStore(manager, false);
            Random shuffle = new Random(SEED + 1);
            float[] x = new float[batch * size];
            long[] y = new long[batch];
            try (AdamOptimizer adam = new AdamOptimizer(net, manager, LEARNING_RATE, 0.9f, 0.999f)) {
                int stepsPerEpoch = trainCount / batch, totalSteps = epochs * stepsPerEpoch, step = 0;
                for (int epoch = 0; epoch < epochs; epoch++) {
                    shuffleInPlace(train, shuffle);
                    double lossSum = 0;
                    int batches = 0;
                    for (int start = 0; start + batch <= trainCount; start += batch) {
                        for (int b = 0; b < batch; b++) {
                            int i = train[start + b];
                            copyImage(ds, i, x, b * size);
                            y[b] = ds.labels()[i];
                        }
                        // linear decay to 0 over the whole run
                        adam.setLearningRate(LEARNING_RATE * (1f - (float) step++ / totalSteps));
                        try (NDManager scope = manager.newSubManager()) {
                            NDArray xs = scope.create(x, new Shape(batch, ds.channels(), ds.height(), ds.width()));
                            NDArray ys = scope.create(y);
                            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                NDArray logits = net.forward(store, new NDList(xs), true).head();
                                NDArray l = loss.evaluate(new NDList(ys), new NDList(logits));
                                gc.backward(l);
                                lossSum += l.getFloat();
                            }
                            adam.step();
                        }
                        batches++;
                    }
                    progress.accept(String.format(java.util.Locale.ROOT, "evaluation classifier: epoch %d/%d, training loss %.4f",
                            epoch + 1, epochs, batches == 0 ? Double.NaN : lossSum / batches));
                }
            }
            long[] shape = {ds.channels(), ds.height(), ds.width()};
            FeatureClassifier trained = new FeatureClassifier(manager, net, shape, null, false);
            int correct = 0;
            float[] images = new float[testCount * size];
            for (int t = 0; t < testCount; t++) copyImage(ds, test[t], images, t * size);
            int[] predicted = trained.classify(images, testCount).predicted();
            for (int t = 0; t < testCount; t++) if (predicted[t] == ds.labels()[test[t]]) correct++;
            double seconds = (System.nanoTime() - t0) / 1e9;
            ClassifierInfo info = new ClassifierInfo(ARCHITECTURE, hash, ds.name(), ds.channels(), ds.height(), ds.width(),
                    ds.classNames(), (double) correct / testCount, trainCount, testCount, epochs, seconds);
            return new FeatureClassifier(manager, net, shape, info, false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static SequentialBlock build(int classes) {
        SequentialBlock features = new SequentialBlock()
                .add(Conv2d.builder().setFilters(6).setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Conv2d.builder().setFilters(16).setKernelShape(new Shape(5, 5)).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(120).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(FEATURES).build())
                .add(Activation.reluBlock());
        return new SequentialBlock().add(features).add(Linear.builder().setUnits(classes).build());
    }

    /** Penultimate features ({@code n × }{@link #FEATURES}) and predicted classes of classified images. */
    public record Outputs(float[] features, int[] predicted, int count) {}

    /**
     * Classifies {@code n} images ({@code n × imageSize} floats in [-1, 1], NCHW per image) in inference mode,
     * in batches; sets this thread's grad mode off.
     */
    public Outputs classify(float[] images, int n) {
        long[] shape = sampleShape;
        int size = (int) (shape[0] * shape[1] * shape[2]);
        if (images.length != (long) n * size) {
            throw new IllegalArgumentException("classify: got " + images.length + " values, expected " + n + " images of " + size);
        }
        JniUtils.setGradMode(false);
        float[] feats = new float[n * FEATURES];
        int[] predicted = new int[n];
        for (int start = 0; start < n; start += EVAL_BATCH) {
            int m = Math.min(EVAL_BATCH, n - start);
            float[] chunk = java.util.Arrays.copyOfRange(images, start * size, (start + m) * size);
            try (NDManager scope = manager.newSubManager()) {
                ParameterStore ps = new ParameterStore(scope, false);
                NDArray x = scope.create(chunk, new Shape(m, shape[0], shape[1], shape[2]));
                NDArray f = features.forward(ps, new NDList(x), false).head();
                NDArray logits = head.forward(ps, new NDList(f), false).head();
                System.arraycopy(f.toFloatArray(), 0, feats, start * FEATURES, m * FEATURES);
                long[] arg = logits.argMax(1).toLongArray();
                for (int i = 0; i < m; i++) predicted[start + i] = (int) arg[i];
            }
        }
        return new Outputs(feats, predicted, n);
    }

    /** SHA-256 over the architecture tag, image shape, class names, labels and pixels. */
    public static String contentHash(ImageDataset ds) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ARCHITECTURE.getBytes(StandardCharsets.UTF_8));
            md.update(ByteBuffer.allocate(16).putInt(ds.channels()).putInt(ds.height()).putInt(ds.width()).putInt(ds.size()).array());
            for (String name : ds.classNames()) {
                byte[] b = name.getBytes(StandardCharsets.UTF_8);
                md.update(ByteBuffer.allocate(4).putInt(b.length).array());
                md.update(b);
            }
            ByteBuffer labels = ByteBuffer.allocate(4 * ds.size());
            for (int label : ds.labels()) labels.putInt(label);
            md.update(labels.array());
            md.update(ds.pixels());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/gan-studio/classifiers}, or the folder the system property {@code ganstudio.cache} names + {@code /classifiers}. */
    public static Path defaultCacheDir() {
        String override = System.getProperty("ganstudio.cache");
        if (override != null && !override.isBlank()) return Path.of(override).resolve("classifiers");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gan-studio").resolve("classifiers");
    }

    /** Image {@code i} of the dataset as floats in [-1, 1] at {@code dst[offset…]}. */
    public static void copyImage(ImageDataset ds, int i, float[] dst, int offset) {
        int size = ds.imageSize();
        byte[] px = ds.pixels();
        int src = i * size;
        for (int k = 0; k < size; k++) dst[offset + k] = (px[src + k] & 0xFF) / 127.5f - 1f;
    }

    private static int[] shuffled(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        shuffleInPlace(order, rng);
        return order;
    }

    private static void shuffleInPlace(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
