package dev.ganstudio.core.config;

/**
 * Weight initialisation: {@code xavier} (DJL's and Keras' default: Glorot-uniform weights, zero biases),
 * {@code pytorch} (PyTorch's default for nn.Linear / nn.Conv2d: weights and biases uniform in ±1/√fan_in), or
 * {@code normal} — N(0, std) for dense/conv weights and N(1, std) for batch-norm gammas, as in the DCGAN paper
 * (std 0.02).
 */
public record InitConfig(String scheme, Double std) {
    public InitConfig {
        scheme = scheme == null ? "xavier" : scheme;
        if (!scheme.equals("xavier") && !scheme.equals("normal") && !scheme.equals("pytorch")) {
            throw new IllegalArgumentException("init.scheme must be 'xavier', 'pytorch' or 'normal', got '" + scheme + "'");
        }
        std = Check.positive("init.std", std, 0.02);
    }

    public static InitConfig xavier() { return new InitConfig("xavier", null); }

    public static InitConfig normal(double std) { return new InitConfig("normal", std); }
}
