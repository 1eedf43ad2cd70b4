package dev.ganstudio.core.config.layer;

/** Fully connected layer over the last axis. */
public record DenseLayer(Integer units, Boolean bias) implements LayerSpec {
    public DenseLayer {
        if (units == null || units <= 0) throw new IllegalArgumentException("dense.units must be > 0, got " + units);
        bias = bias == null || bias;
    }

    public static DenseLayer of(int units) { return new DenseLayer(units, true); }

    @Override public String typeName() { return "dense"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length < 1 || in.length > 2) {
            throw new IllegalArgumentException("dense needs a vector (or length×features) input, got " + LayerSpec.show(in)
                    + " — add a flatten layer first");
        }
        int[] out = in.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override public long parameterCount(int[] in) {
        return (long) in[in.length - 1] * units + (bias ? units : 0);
    }
}
