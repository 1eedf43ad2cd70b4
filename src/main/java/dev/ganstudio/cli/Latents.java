package dev.ganstudio.cli;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.train.LatentSampler;
import dev.ganstudio.core.train.TrainedGenerator;

import java.util.Random;

/** Latent vectors and labels for the sampling commands, reproducible from a seed. */
record Latents(float[] z, int n, int dim) {

    static Latents random(ExperimentConfig c, int n, long seed) { return random(c, n, seed, null); }

    /** {@code truncation} ψ (null for none): see {@link LatentSampler}. */
    static Latents random(ExperimentConfig c, int n, long seed, Double truncation) {
        try {
            float[] z = LatentSampler.sample(c.latent(), new Random(seed), n, truncation == null ? Double.NaN : truncation);
            return new Latents(z, n, c.latent().dim());
        } catch (IllegalArgumentException e) { // only a ψ that cannot be used throws
            throw new IllegalArgumentException("--truncation: " + e.getMessage());
        }
    }

    float[] vector(int i) {
        float[] v = new float[dim];
        System.arraycopy(z, i * dim, v, 0, dim);
        return v;
    }

    /** Labels for conditional models: the given class (index or name) for all, else classes in turn; null otherwise. */
    static long[] labels(TrainedGenerator g, int n, String classLabel) {
        if (!g.config().conditional()) {
            if (classLabel != null) throw new IllegalArgumentException("--class is only for conditional models; this run is unconditional");
            return null;
        }
        int k = g.spec().numClasses();
        long[] labels = new long[n];
        if (classLabel == null) {
            for (int i = 0; i < n; i++) labels[i] = i % k;
            return labels;
        }
        int index = g.spec().classNames().indexOf(classLabel);
        if (index < 0) {
            try {
                index = Integer.parseInt(classLabel);
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        if (index < 0 || index >= k) {
            throw new IllegalArgumentException("--class " + classLabel + " is not a class of this run; classes: " + g.spec().classNames());
        }
        java.util.Arrays.fill(labels, index);
        return labels;
    }
}
