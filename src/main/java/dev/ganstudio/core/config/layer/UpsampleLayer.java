package dev.ganstudio.core.config.layer;

/**
 * Doubles height and width. {@code zeros} inserts a zero after every pixel (a following stride-1 convolution then
 * computes a fractional-strided, i.e. transposed, convolution); {@code nearest} repeats pixels (resize-convolution).
 */
public record UpsampleLayer(String mode) implements LayerSpec {
    public UpsampleLayer {
        mode = mode == null ? "zeros" : mode;
        if (!mode.equals("zeros") && !mode.equals("nearest")) {
            throw new IllegalArgumentException("upsample.mode must be 'zeros' or 'nearest', got '" + mode + "'");
        }
    }

    public boolean insertsZeros() { return mode.equals("zeros"); }

    @Override public String typeName() { return "upsample"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 3) throw new IllegalArgumentException("upsample needs a channels×height×width input, got " + LayerSpec.show(in));
        return new int[] {in[0], in[1] * 2, in[2] * 2};
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
