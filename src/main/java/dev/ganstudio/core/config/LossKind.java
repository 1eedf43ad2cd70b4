package dev.ganstudio.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The adversarial objective, by its config name. */
public enum LossKind {
    /** Original minimax BCE: G minimises log(1 − D(G(z))). */
    MINIMAX("minimax"),
    /** BCE with the non-saturating G loss −log D(G(z)) (the default). */
    NON_SATURATING("non-saturating"),
    /** Least squares (LSGAN): MSE of D's output against 1 / 0. */
    LEAST_SQUARES("least-squares"),
    /** Hinge loss (SNGAN / BigGAN style). */
    HINGE("hinge"),
    /** Wasserstein loss with weight clipping of D (WGAN). */
    WASSERSTEIN_CLIP("wasserstein-clip");

    private final String configName;

    LossKind(String configName) { this.configName = configName; }

    @JsonValue public String configName() { return configName; }

    @JsonCreator public static LossKind fromConfig(String name) {
        for (LossKind k : values()) if (k.configName.equals(name)) return k;
        throw new IllegalArgumentException("loss must be one of " + allowed() + ", got '" + name + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(LossKind::configName).collect(Collectors.joining(", "));
    }
}
