package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;

/** Hinge loss: D minimises relu(1 − D(x)) + relu(1 + D(G(z))); G minimises −D(G(z)). */
public record HingeLoss() implements AdversarialLoss {
    @Override public NDArray discriminator(NDArray realOut, NDArray fakeOut, float realTarget) {
        return realOut.neg().add(1f).maximum(0f).mean().add(fakeOut.add(1f).maximum(0f).mean());
    }

    @Override public NDArray generator(NDArray fakeOut) { return fakeOut.mean().neg(); }

    @Override public float meanScore(NDArray out) { return out.mean().getFloat(); }
}
