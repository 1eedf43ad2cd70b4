package dev.ganstudio.core.config;

/**
 * How a conditional network sees the class label: a trainable embedding of {@code embedding} values.
 * For G the embedding is concatenated to z. For D, mode {@code flat} flattens the image and concatenates the
 * embedding; mode {@code channel} embeds to height×width and adds it as one more image channel.
 */
public record ConditioningConfig(Integer embedding, String mode) {
    public ConditioningConfig {
        mode = mode == null ? "flat" : mode;
        if (!mode.equals("flat") && !mode.equals("channel")) {
            throw new IllegalArgumentException("conditioning.mode must be 'flat' or 'channel', got '" + mode + "'");
        }
        if (mode.equals("flat")) embedding = Check.positive("conditioning.embedding", embedding, 0);
    }

    public boolean asChannel() { return mode.equals("channel"); }
}
