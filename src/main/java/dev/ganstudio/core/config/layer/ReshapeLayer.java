package dev.ganstudio.core.config.layer;

import java.util.List;

/** Reshapes each sample to {@code shape} (same number of values). */
public record ReshapeLayer(List<Integer> shape) implements LayerSpec {
    public ReshapeLayer {
        if (shape == null || shape.isEmpty() || shape.size() > 3) {
            throw new IllegalArgumentException("reshape.shape must list 1 to 3 sizes, got " + shape);
        }
        for (Integer s : shape) if (s == null || s <= 0) throw new IllegalArgumentException("reshape.shape sizes must be > 0, got " + shape);
        shape = List.copyOf(shape);
    }

    public static ReshapeLayer of(int... sizes) {
        return new ReshapeLayer(java.util.Arrays.stream(sizes).boxed().toList());
    }

    public int[] target() { return shape.stream().mapToInt(Integer::intValue).toArray(); }

    @Override public String typeName() { return "reshape"; }

    @Override public int[] outputShape(int[] in) {
        int[] out = target();
        if (LayerSpec.product(out) != LayerSpec.product(in)) {
            throw new IllegalArgumentException("reshape to " + LayerSpec.show(out) + " (" + LayerSpec.product(out)
                    + " values) does not fit input " + LayerSpec.show(in) + " (" + LayerSpec.product(in) + " values)");
        }
        return out;
    }

    @Override public long parameterCount(int[] in) { return 0; }
}
