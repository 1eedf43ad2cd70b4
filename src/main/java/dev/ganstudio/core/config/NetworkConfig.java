package dev.ganstudio.core.config;

import dev.ganstudio.core.config.layer.LayerSpec;

import java.util.List;

/**
 * A generator or discriminator: its layers in order, their initialisation, and (for conditional GANs) how the
 * label enters. G's layers map the latent vector to one data sample; D's layers map a sample to one score.
 */
public record NetworkConfig(List<LayerSpec> layers, InitConfig init, ConditioningConfig conditioning) {
    public NetworkConfig {
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("layers must list at least one layer");
        layers = List.copyOf(layers);
        init = init == null ? InitConfig.xavier() : init;
    }

    public boolean conditional() { return conditioning != null; }

    public NetworkConfig withLayers(List<LayerSpec> newLayers) { return new NetworkConfig(newLayers, init, conditioning); }
}
