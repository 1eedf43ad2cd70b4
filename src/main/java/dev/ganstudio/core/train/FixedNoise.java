package dev.ganstudio.core.train;

import dev.ganstudio.core.config.ExperimentConfig;
import dev.ganstudio.core.data.DataSpec;

import java.util.Random;

/**
 * The noise (and labels) behind the per-epoch sample grid: the same vectors every epoch, derived from the seed alone,
 * so grids of different epochs — and of a resumed run — are comparable.
 */
public record FixedNoise(float[] z, long[] labels, int count) {

    public static FixedNoise of(ExperimentConfig c, DataSpec spec) {
        return of(c, spec, c.samples().count(), c.seed() ^ 0x5EED5EEDL);
    }

    public static FixedNoise of(ExperimentConfig c, DataSpec spec, int count, long seed) {
        float[] z = LatentSampler.sample(c.latent(), new Random(seed), count);
        long[] labels = null;
        if (c.conditional()) {
            labels = new long[count];
            int columns = c.samples().columns();
            // One class per column when the grid has as many columns as classes, else cycle through the classes.
            for (int i = 0; i < count; i++) labels[i] = (columns == spec.numClasses() ? i % columns : i) % spec.numClasses();
        }
        return new FixedNoise(z, labels, count);
    }
}
