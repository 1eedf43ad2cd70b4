package dev.ganstudio.core.config.layer;

/** Dropout with the given drop rate, active only while training. */
public record DropoutLayer(Double rate) implements LayerSpec {
    public DropoutLayer {
        if (rate == null || rate < 0 || rate >= 1) throw new IllegalArgumentException("dropout.rate must be in [0, 1), got " + rate);
    }

    @Override public String typeName() { return "dropout"; }

    @Override public int[] outputShape(int[] in) { return in.clone(); }

    @Override public long parameterCount(int[] in) { return 0; }
}
