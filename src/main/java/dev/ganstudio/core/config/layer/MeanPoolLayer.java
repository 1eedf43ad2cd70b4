package dev.ganstudio.core.config.layer;

/** Averages a length×features input over its length: one feature vector for the whole set of values. */
public record MeanPoolLayer() implements LayerSpec {
    @Override public String typeName() { return "mean-pool"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 2) throw new IllegalArgumentException("mean-pool needs a length×features input, got " + LayerSpec.show(in));
        return new int[] {in[1]};
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
