package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;

/** BCE for D; G minimises −log D(G(z)), which keeps G's gradient alive when D wins early. */
public record NonSaturatingLoss() implements AdversarialLoss {
    @Override public NDArray discriminator(NDArray realOut, NDArray fakeOut, float realTarget) {
        return AdversarialLoss.bceWithLogits(realOut, realTarget).add(AdversarialLoss.bceWithLogits(fakeOut, 0f));
    }

    @Override public NDArray generator(NDArray fakeOut) {
        return AdversarialLoss.bceWithLogits(fakeOut, 1f);
    }

    @Override public float meanScore(NDArray out) { return AdversarialLoss.meanSigmoid(out); }
}
