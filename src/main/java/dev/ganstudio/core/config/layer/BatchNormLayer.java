package dev.ganstudio.core.config.layer;

/** Batch normalisation over axis 1 (features or channels); momentum in PyTorch's convention (0.1). */
public record BatchNormLayer(Double momentum) implements LayerSpec {
    public BatchNormLayer {
        momentum = momentum == null ? 0.1 : momentum;
        if (!(momentum > 0 && momentum < 1)) throw new IllegalArgumentException("batchnorm.momentum must be in (0, 1), got " + momentum);
    }

    public static BatchNormLayer standard() { return new BatchNormLayer(null); }

    @Override public String typeName() { return "batchnorm"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length == 2) throw new IllegalArgumentException("batchnorm over a length×features input is not supported; flatten first");
        return in.clone();
    }

    @Override public long parameterCount(int[] in) { return 2L * in[0]; }
}
