package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;

/** LSGAN: mean squared error of D's output against 1 (real) and 0 (fake); G pulls its fakes' output to 1. */
public record LeastSquaresLoss() implements AdversarialLoss {
    @Override public NDArray discriminator(NDArray realOut, NDArray fakeOut, float realTarget) {
        return realOut.sub(realTarget).square().mean().add(fakeOut.square().mean());
    }

    @Override public NDArray generator(NDArray fakeOut) {
        return fakeOut.sub(1f).square().mean();
    }

    @Override public float meanScore(NDArray out) { return out.mean().getFloat(); }
}
