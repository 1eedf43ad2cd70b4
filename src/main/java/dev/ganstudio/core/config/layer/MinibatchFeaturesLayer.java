package dev.ganstudio.core.config.layer;

/**
 * Seed 002's "decorate": appends (x − mean(x))² to a vector x, where the mean is taken over the sample's values,
 * so D sees the spread of a set of values and not only each value. Doubles the vector length.
 */
public record MinibatchFeaturesLayer() implements LayerSpec {
    @Override public String typeName() { return "minibatch-features"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 1) throw new IllegalArgumentException("minibatch-features needs a vector input, got " + LayerSpec.show(in));
        return new int[] {in[0] * 2};
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
