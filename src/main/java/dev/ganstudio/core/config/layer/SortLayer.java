package dev.ganstudio.core.config.layer;

/**
 * Sorts the values of each sample (a set of 1-D values) in ascending order, so a discriminator's weights line up with
 * quantiles: position i always holds the i-th smallest value. Gradients flow back to the values through the sort.
 */
public record SortLayer() implements LayerSpec {
    @Override public String typeName() { return "sort"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 1) throw new IllegalArgumentException("sort needs a vector input, got " + LayerSpec.show(in));
        return in.clone();
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
