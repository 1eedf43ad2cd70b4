package dev.ganstudio.core.data;

import java.util.Random;

/** Shuffled batches from an in-memory image dataset, pixels scaled from 0..255 to [-1, 1]. */
public final class ImageBatchSource implements BatchSource {
    private final ImageDataset dataset;
    private final int batchSize;
    private final long seed;
    private final DataSpec spec;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    public ImageBatchSource(ImageDataset dataset, int batchSize, long seed) throws DatasetException {
        if (dataset.size() < batchSize) {
            throw new DatasetException(dataset.name() + ": " + dataset.size() + " usable images is fewer than one batch of "
                    + batchSize + "; lower training.batchSize or add images");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.spec = new DataSpec(new int[] {dataset.channels(), dataset.height(), dataset.width()}, dataset.classNames());
    }

    public ImageDataset dataset() { return dataset; }

    @Override public DataSpec spec() { return spec; }

    @Override public int batchesPerEpoch() { return dataset.size() / batchSize; }

    @Override public String describe() { return dataset.name() + " (" + dataset.size() + " images)"; }

    @Override
    public synchronized Batch batch(int epoch, int index) {
        int[] order = order(epoch);
        int sampleSize = dataset.imageSize();
        float[] values = new float[batchSize * sampleSize];
        long[] labels = new long[batchSize];
        byte[] px = dataset.pixels();
        for (int b = 0; b < batchSize; b++) {
            int i = order[index * batchSize + b];
            labels[b] = dataset.labels()[i];
            int src = i * sampleSize, dst = b * sampleSize;
            for (int k = 0; k < sampleSize; k++) values[dst + k] = (px[src + k] & 0xFF) / 127.5f - 1f;
        }
        return new Batch(batchSize, values, labels);
    }

    private int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            int n = dataset.size();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Random rng = new Random(seed * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i]; order[i] = order[j]; order[j] = t;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
