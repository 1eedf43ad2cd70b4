package dev.ganstudio.core.config.layer;

/**
 * Seed 002's "decorate": next to each value x_i of a sample (a set of values) it puts (x_i − mean(x))², so D sees the
 * spread of the whole set and not only each value. Layout {@code concat} (the seed's Keras code) gives a vector
 * [x, (x − mean)²] of twice the length; layout {@code pairs} gives length×2, one (x_i, (x_i − mean)²) row per value,
 * for a discriminator that judges every value with shared dense layers and then averages ({@code mean-pool}).
 * Layout {@code gaps} gives length×3: the values in sorted order, each with (x − mean)² and the distance to its nearest
 * neighbour in the set times the set's size (about 1 for evenly spread values, near 0 where many values pile up — a
 * generator that maps a range of noise to one value is seen at once).
 */
public record MinibatchFeaturesLayer(String layout) implements LayerSpec {
    public MinibatchFeaturesLayer {
        layout = layout == null ? "concat" : layout;
        if (!layout.equals("concat") && !layout.equals("pairs") && !layout.equals("gaps")) {
            throw new IllegalArgumentException("minibatch-features.layout must be 'concat', 'pairs' or 'gaps', got '" + layout + "'");
        }
    }

    public boolean pairs() { return layout.equals("pairs"); }

    public boolean gaps() { return layout.equals("gaps"); }

    @Override public String typeName() { return "minibatch-features"; }

    @Override public int[] outputShape(int[] in) {
        if (in.length != 1) throw new IllegalArgumentException("minibatch-features needs a vector input, got " + LayerSpec.show(in));
        if (gaps() && in[0] < 2) throw new IllegalArgumentException("minibatch-features layout 'gaps' needs at least 2 values per sample, got " + in[0]);
        return pairs() ? new int[] {in[0], 2} : gaps() ? new int[] {in[0], 3} : new int[] {in[0] * 2};
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
