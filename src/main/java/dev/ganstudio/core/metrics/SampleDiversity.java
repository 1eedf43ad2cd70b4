package dev.ganstudio.core.metrics;

/**
 * Mean pairwise Euclidean distance within a set of samples: near 0 when a generator gives (almost) the same output
 * for every noise vector; compared with the same number of real samples it gives a scale-free diversity score
 * (≈ 1 for data-like variety, near 0 for collapse).
 */
public final class SampleDiversity {
    private SampleDiversity() {}

    /** Mean L2 distance over all pairs of the first {@code n} samples of {@code size} values each; needs n ≥ 2. */
    public static double meanPairwiseDistance(float[] samples, int n, int size) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 samples for a pairwise distance, got " + n);
        if (size < 1) throw new IllegalArgumentException("sample size must be at least 1, got " + size);
        if (samples.length < (long) n * size) {
            throw new IllegalArgumentException("samples has " + samples.length + " values, fewer than " + n + "×" + size);
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int a = i * size;
            for (int j = i + 1; j < n; j++) {
                int b = j * size;
                double sq = 0;
                for (int k = 0; k < size; k++) {
                    double diff = samples[a + k] - samples[b + k];
                    sq += diff * diff;
                }
                total += Math.sqrt(sq);
            }
        }
        double mean = total / ((double) n * (n - 1) / 2);
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("samples contain non-finite values");
        return mean;
    }
}
