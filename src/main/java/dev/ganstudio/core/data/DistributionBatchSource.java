package dev.ganstudio.core.data;

import java.util.List;
import java.util.Random;

/** Endless real data from a 1-D distribution: each sample is {@code length} independent draws. */
public final class DistributionBatchSource implements BatchSource {
    private final Distribution1D distribution;
    private final int length;
    private final int batchSize;
    private final int batchesPerEpoch;
    private final long seed;
    private final DataSpec spec;

    public DistributionBatchSource(Distribution1D distribution, int length, int batchSize, int batchesPerEpoch, long seed) {
        this.distribution = distribution;
        this.length = length;
        this.batchSize = batchSize;
        this.batchesPerEpoch = batchesPerEpoch;
        this.seed = seed;
        this.spec = new DataSpec(new int[] {length}, List.of());
    }

    public Distribution1D distribution() { return distribution; }

    @Override public DataSpec spec() { return spec; }

    @Override public int batchesPerEpoch() { return batchesPerEpoch; }

    @Override public String describe() { return distribution.describe(); }

    @Override
    public Batch batch(int epoch, int index) {
        Random rng = new Random((seed * 1_000_003L + epoch) * 1_000_033L + index);
        float[] values = new float[batchSize * length];
        for (int i = 0; i < values.length; i++) values[i] = (float) distribution.sample(rng);
        return new Batch(batchSize, values, new long[batchSize]);
    }
}
