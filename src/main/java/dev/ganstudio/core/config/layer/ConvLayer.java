package dev.ganstudio.core.config.layer;

/** 2-D convolution over a channels×height×width input. */
public record ConvLayer(Integer filters, Integer kernel, Integer stride, Integer padding, Boolean bias) implements LayerSpec {
    public ConvLayer {
        if (filters == null || filters <= 0) throw new IllegalArgumentException("conv.filters must be > 0, got " + filters);
        if (kernel == null || kernel <= 0) throw new IllegalArgumentException("conv.kernel must be > 0, got " + kernel);
        stride = stride == null ? 1 : stride;
        if (stride <= 0) throw new IllegalArgumentException("conv.stride must be > 0, got " + stride);
        padding = padding == null ? 0 : padding;
        if (padding < 0) throw new IllegalArgumentException("conv.padding must be >= 0, got " + padding);
        bias = bias == null || bias;
    }

    public static ConvLayer of(int filters, int kernel, int stride, int padding, boolean bias) {
        return new ConvLayer(filters, kernel, stride, padding, bias);
    }

    @Override public String typeName() { return "conv"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 3) {
            throw new IllegalArgumentException("conv needs a channels×height×width input, got " + LayerSpec.show(in)
                    + " — add a reshape layer first");
        }
        int h = (in[1] + 2 * padding - kernel) / stride + 1;
        int w = (in[2] + 2 * padding - kernel) / stride + 1;
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("conv kernel " + kernel + " is larger than its padded input " + LayerSpec.show(in));
        }
        return new int[] {filters, h, w};
    }

    @Override public long parameterCount(int[] in) {
        return (long) filters * in[0] * kernel * kernel + (bias ? filters : 0);
    }
}
