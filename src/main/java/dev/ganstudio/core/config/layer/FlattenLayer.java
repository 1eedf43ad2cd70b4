package dev.ganstudio.core.config.layer;

/** Flattens each sample to a vector. */
public record FlattenLayer() implements LayerSpec {
    @Override public String typeName() { return "flatten"; }

    @Override public int[] outputShape(int[] in) { return new int[] {(int) LayerSpec.product(in)}; }

    @Override public long parameterCount(int[] in) { return 0; }
}
