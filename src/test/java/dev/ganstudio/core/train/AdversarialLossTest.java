package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ganstudio.core.config.LossKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The losses against their formulas on known logits. */
class AdversarialLossTest {
    private static final float[] REAL = {2f, -1f, 30f};
    private static final float[] FAKE = {-3f, 0.5f, -40f};

    private static double softplus(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }

    private static double mean(float[] v, java.util.function.DoubleUnaryOperator f) {
        double s = 0;
        for (float x : v) s += f.applyAsDouble(x);
        return s / v.length;
    }

    private static float[] eval(LossKind kind, float smoothing) {
        EngineSetup.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray r = m.create(REAL), f = m.create(FAKE);
            AdversarialLoss loss = AdversarialLoss.of(kind);
            return new float[] {loss.discriminator(r, f, 1f - smoothing).getFloat(), loss.generator(f).getFloat()};
        }
    }

    @Test
    void binaryCrossEntropyLossesAreStableAndExact() {
        float[] ns = eval(LossKind.NON_SATURATING, 0f);
        // D: −log σ(r) − log(1 − σ(f)) = softplus(−r) + softplus(f); G: −log σ(f) = softplus(−f)
        assertEquals(mean(REAL, r -> softplus(-r)) + mean(FAKE, AdversarialLossTest::softplus), ns[0], 1e-5);
        assertEquals(mean(FAKE, f -> softplus(-f)), ns[1], 1e-5);
        float[] mm = eval(LossKind.MINIMAX, 0f);
        assertEquals(ns[0], mm[0], 1e-6);
        assertEquals(-mean(FAKE, AdversarialLossTest::softplus), mm[1], 1e-5); // log(1 − σ(f)) = −softplus(f)
        float[] smooth = eval(LossKind.NON_SATURATING, 0.1f);
        // target 0.9: −0.9·log σ(r) − 0.1·log(1 − σ(r))
        assertEquals(mean(REAL, r -> 0.9 * softplus(-r) + 0.1 * softplus(r)) + mean(FAKE, AdversarialLossTest::softplus), smooth[0], 1e-5);
    }

    @Test
    void leastSquaresHingeAndWasserstein() {
        float[] ls = eval(LossKind.LEAST_SQUARES, 0f);
        assertEquals(mean(REAL, r -> (r - 1) * (r - 1)) + mean(FAKE, f -> f * f), ls[0], 1e-3);
        assertEquals(mean(FAKE, f -> (f - 1) * (f - 1)), ls[1], 1e-3);
        float[] hinge = eval(LossKind.HINGE, 0f);
        assertEquals(mean(REAL, r -> Math.max(0, 1 - r)) + mean(FAKE, f -> Math.max(0, 1 + f)), hinge[0], 1e-5);
        assertEquals(-mean(FAKE, f -> f), hinge[1], 1e-5);
        float[] w = eval(LossKind.WASSERSTEIN_CLIP, 0f);
        assertEquals(mean(FAKE, f -> f) - mean(REAL, r -> r), w[0], 1e-5);
    }
}
