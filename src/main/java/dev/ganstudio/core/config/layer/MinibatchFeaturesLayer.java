package dev.ganstudio.core.config.layer;

/**
 * Seed 002's "decorate": next to each value x_i of a sample (a set of values) it puts (x_i − mean(x))², so D sees the
 * spread of the whole set and not only each value. Layout {@code concat} (the seed's Keras code) gives a vector
 * [x, (x − mean)²] of twice the length; layout {@code pairs} gives length×2, one (x_i, (x_i − mean)²) row per value,
 * for a discriminator that judges every value with shared dense layers and then averages ({@code mean-pool}).
 */
public record MinibatchFeaturesLayer(String layout) implements LayerSpec {
    public MinibatchFeaturesLayer {
        layout = layout == null ? "concat" : layout;
        if (!layout.equals("concat") && !layout.equals("pairs")) {
            throw new IllegalArgumentException("minibatch-features.layout must be 'concat' or 'pairs', got '" + layout + "'");
        }
    }

    public boolean pairs() { return layout.equals("pairs"); }

    @Override public String typeName() { return "minibatch-features"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 1) throw new IllegalArgumentException("minibatch-features needs a vector input, got " + LayerSpec.show(in));
        return pairs() ? new int[] {in[0], 2} : new int[] {in[0] * 2};
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
