package dev.ganstudio.core.model;

import dev.ganstudio.core.config.layer.LayerSpec;

/** One row of a network's shape table: the layer, the shape it produces and its trainable parameter count. */
public record LayerShape(int index, LayerSpec layer, int[] input, int[] output, long parameters) {
    public String outputText() { return LayerSpec.show(output); }
}
