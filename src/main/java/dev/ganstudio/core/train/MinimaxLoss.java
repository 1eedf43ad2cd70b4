package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;

/** The original GAN game: D maximises log D(x) + log(1 − D(G(z))), G minimises log(1 − D(G(z))). */
public record MinimaxLoss() implements AdversarialLoss {
    @Override public NDArray discriminator(NDArray realOut, NDArray fakeOut, float realTarget) {
        return AdversarialLoss.bceWithLogits(realOut, realTarget).add(AdversarialLoss.bceWithLogits(fakeOut, 0f));
    }

    @Override public NDArray generator(NDArray fakeOut) {
        return AdversarialLoss.bceWithLogits(fakeOut, 0f).neg();
    }

    @Override public float meanScore(NDArray out) { return AdversarialLoss.meanSigmoid(out); }
}
