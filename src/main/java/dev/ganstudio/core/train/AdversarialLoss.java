package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import dev.ganstudio.core.config.LossKind;

/**
 * An adversarial objective over D's raw outputs (logits for the BCE losses, scores for hinge and Wasserstein,
 * whatever D ends with for least squares). Both methods return a scalar to minimise.
 */
public sealed interface AdversarialLoss permits MinimaxLoss, NonSaturatingLoss, LeastSquaresLoss, HingeLoss, WassersteinLoss {

    /** D's loss on a real and a fake batch; {@code realTarget} is 1 − one-sided label smoothing. */
    NDArray discriminator(NDArray realOut, NDArray fakeOut, float realTarget);

    /** G's loss on D's output for a fake batch. */
    NDArray generator(NDArray fakeOut);

    /** What the UI plots as D(x): the mean probability of "real" (BCE), or the mean raw output otherwise. */
    float meanScore(NDArray out);

    static AdversarialLoss of(LossKind kind) {
        return switch (kind) {
            case MINIMAX -> new MinimaxLoss();
            case NON_SATURATING -> new NonSaturatingLoss();
            case LEAST_SQUARES -> new LeastSquaresLoss();
            case HINGE -> new HingeLoss();
            case WASSERSTEIN_CLIP -> new WassersteinLoss();
        };
    }

    /** Mean binary cross-entropy of logits against a constant target, computed stably. */
    static NDArray bceWithLogits(NDArray logits, float target) {
        // max(l, 0) − l·t + log(1 + e^−|l|)
        NDArray softTail = logits.abs().neg().exp().add(1f).log();
        return logits.maximum(0f).sub(logits.mul(target)).add(softTail).mean();
    }

    static float meanSigmoid(NDArray logits) {
        return logits.getNDArrayInternal().sigmoid().mean().getFloat();
    }
}
