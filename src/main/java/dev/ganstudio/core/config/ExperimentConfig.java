package dev.ganstudio.core.config;

/**
 * One experiment: data, latent noise, the two networks, and how to train them. Loaded from and saved to one JSON
 * file (see {@link ConfigIO}); every field is validated when the record is built.
 */
public record ExperimentConfig(String name, String description, Long seed, DataSourceConfig data, LatentConfig latent,
                               NetworkConfig generator, NetworkConfig discriminator, TrainingConfig training,
                               SampleConfig samples) {
    public ExperimentConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        description = description == null ? "" : description;
        seed = seed == null ? 42L : seed;
        Check.required("data", data);
        latent = latent == null ? new LatentConfig(null, null, null) : latent;
        Check.required("generator", generator);
        Check.required("discriminator", discriminator);
        training = training == null ? new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null, null) : training;
        samples = samples == null ? SampleConfig.defaults() : samples;
        if (generator.conditional() != discriminator.conditional()) {
            throw new IllegalArgumentException("generator.conditioning and discriminator.conditioning must both be set or both be absent");
        }
        if (generator.conditioning() != null && generator.conditioning().asChannel()) {
            throw new IllegalArgumentException("generator.conditioning.mode must be 'flat' (the label embedding is concatenated to z)");
        }
    }

    public boolean conditional() { return generator.conditional(); }

    public boolean oneDimensional() { return data instanceof DistributionSource; }

    public ExperimentConfig withSeed(long newSeed) {
        return new ExperimentConfig(name, description, newSeed, data, latent, generator, discriminator, training, samples);
    }

    public ExperimentConfig withTraining(TrainingConfig t) {
        return new ExperimentConfig(name, description, seed, data, latent, generator, discriminator, t, samples);
    }

    public ExperimentConfig withData(DataSourceConfig d) {
        return new ExperimentConfig(name, description, seed, d, latent, generator, discriminator, training, samples);
    }

    public ExperimentConfig withNetworks(NetworkConfig g, NetworkConfig d) {
        return new ExperimentConfig(name, description, seed, data, latent, g, d, training, samples);
    }
}
