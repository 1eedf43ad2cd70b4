package dev.ganstudio.core.data;

/**
 * One batch of real samples, ready for the engine: values scaled as the networks expect ([-1, 1] for images).
 *
 * @param values {@code size × sampleSize} floats
 * @param labels one label per sample (all 0 for unlabelled data)
 */
public record Batch(int size, float[] values, long[] labels) {}
