package dev.ganstudio.core.config.layer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a generator or discriminator, as written in an experiment config. Shapes are per sample
 * (no batch axis): {@code [features]}, {@code [length, features]} or {@code [channels, height, width]}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DenseLayer.class, name = "dense"),
        @JsonSubTypes.Type(value = ConvLayer.class, name = "conv"),
        @JsonSubTypes.Type(value = UpsampleLayer.class, name = "upsample"),
        @JsonSubTypes.Type(value = BatchNormLayer.class, name = "batchnorm"),
        @JsonSubTypes.Type(value = ActivationLayer.class, name = "activation"),
        @JsonSubTypes.Type(value = DropoutLayer.class, name = "dropout"),
        @JsonSubTypes.Type(value = ReshapeLayer.class, name = "reshape"),
        @JsonSubTypes.Type(value = FlattenLayer.class, name = "flatten"),
        @JsonSubTypes.Type(value = MinibatchFeaturesLayer.class, name = "minibatch-features"),
        @JsonSubTypes.Type(value = MeanPoolLayer.class, name = "mean-pool"),
        @JsonSubTypes.Type(value = SortLayer.class, name = "sort")
})
public sealed interface LayerSpec permits DenseLayer, ConvLayer, UpsampleLayer, BatchNormLayer, ActivationLayer,
        DropoutLayer, ReshapeLayer, FlattenLayer, MinibatchFeaturesLayer, MeanPoolLayer, SortLayer {

    /** The config name of this layer type. */
    String typeName();

    /** Output shape for the given input shape, or an {@link IllegalArgumentException} saying why it cannot take it. */
    int[] outputShape(int[] input);

    /** Trainable parameters (weights, biases, BN gamma/beta) for the given input shape. */
    long parameterCount(int[] input);

    static String show(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : "×").append(shape[i]);
        return sb.toString();
    }

    static long product(int[] shape) {
        long p = 1;
        for (int s : shape) p *= s;
        return p;
    }
}
