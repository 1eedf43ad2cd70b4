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
    private final double shift;
    private final double scale;

    /**
     * @param shift network value = (draw − shift) / scale
     */
    public DistributionBatchSource(Distribution1D distribution, int length, int batchSize, int batchesPerEpoch, long seed,
                                   double shift, double scale) {
        this.shift = shift;
        this.scale = scale;
        this.distribution = distribution;
        this.length = length;
        this.batchSize = batchSize;
        this.batchesPerEpoch = batchesPerEpoch;
        this.seed = seed;
        this.spec = new DataSpec(new int[] {length}, List.of());
    }

    public Distribution1D distribution() { return distribution; }

    /** A network value in the data's own units. */
    public double toData(double v) { return v * scale + shift; }

    /** A data value as the networks see it. */
    public double toNetwork(double x) { return (x - shift) / scale; }

    @Override public DataSpec spec() { return spec; }

    @Override public int batchesPerEpoch() { return batchesPerEpoch; }

    @Override public String describe() { return distribution.describe(); }

    @Override
    public Batch batch(int epoch, int index) {
        Random rng = new Random((seed * 1_000_003L + epoch) * 1_000_033L + index);
        float[] values = new float[batchSize * length];
        for (int i = 0; i < values.length; i++) values[i] = (float) ((distribution.sample(rng) - shift) / scale);
        return new Batch(batchSize, values, new long[batchSize]);
    }
}
