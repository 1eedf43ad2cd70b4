package dev.ganstudio.core.config;

/** The per-epoch sample grid: how many fixed-noise samples, in how many columns, upscaled how much. */
public record SampleConfig(Integer count, Integer columns, Integer scale) {
    public SampleConfig {
        count = Check.positive("samples.count", count, 64);
        columns = Check.positive("samples.columns", columns, (int) Math.ceil(Math.sqrt(count)));
        scale = Check.positive("samples.scale", scale, 2);
    }

    public static SampleConfig defaults() { return new SampleConfig(null, null, null); }
}
