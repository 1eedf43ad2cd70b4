package dev.ganstudio.core.config.layer;

import java.util.List;

/** Element-wise activation: relu, leaky-relu (with slope), tanh or sigmoid. */
public record ActivationLayer(String fn, Double slope) implements LayerSpec {
    public static final List<String> FUNCTIONS = List.of("relu", "leaky-relu", "tanh", "sigmoid");

    public ActivationLayer {
        if (fn == null || !FUNCTIONS.contains(fn)) {
            throw new IllegalArgumentException("activation.fn must be one of " + FUNCTIONS + ", got " + (fn == null ? "nothing" : "'" + fn + "'"));
        }
        slope = slope == null ? (fn.equals("leaky-relu") ? 0.01 : 0.0) : slope;
        if (slope < 0 || slope >= 1) throw new IllegalArgumentException("activation.slope must be in [0, 1), got " + slope);
    }

    public static ActivationLayer of(String fn) { return new ActivationLayer(fn, null); }

    public static ActivationLayer leaky(double slope) { return new ActivationLayer("leaky-relu", slope); }

    @Override public String typeName() { return "activation"; }

    @Override public int[] outputShape(int[] in) { return in.clone(); }

    @Override public long parameterCount(int[] in) { return 0; }
}
