package dev.ganstudio.core.config;

/**
 * The generator's input noise z: {@code dim} values drawn from N(0, scale²) ("normal") or U[0, scale) ("uniform").
 */
public record LatentConfig(Integer dim, String distribution, Double scale) {
    public LatentConfig {
        dim = Check.positive("latent.dim", dim, 100);
        distribution = distribution == null ? "normal" : distribution;
        if (!distribution.equals("normal") && !distribution.equals("uniform")) {
            throw new IllegalArgumentException("latent.distribution must be 'normal' or 'uniform', got '" + distribution + "'");
        }
        scale = Check.positive("latent.scale", scale, 1.0);
    }

    public boolean uniform() { return distribution.equals("uniform"); }
}
