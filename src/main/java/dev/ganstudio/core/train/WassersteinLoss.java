package dev.ganstudio.core.train;

import ai.djl.ndarray.NDArray;

/**
 * WGAN critic loss D(G(z)) − D(x); G minimises −D(G(z)). The Lipschitz constraint is enforced by clipping D's
 * weights after each D step (the trainer does it). WGAN-GP is not offered: its gradient penalty needs the gradient
 * of a gradient, and DJL 0.25's PyTorch engine always calls backward with create_graph=false.
 */
public record WassersteinLoss() implements AdversarialLoss {
    @Override public NDArray discriminator(NDArray realOut, NDArray fakeOut, float realTarget) {
        return fakeOut.mean().sub(realOut.mean());
    }

    @Override public NDArray generator(NDArray fakeOut) { return fakeOut.mean().neg(); }

    @Override public float meanScore(NDArray out) { return out.mean().getFloat(); }
}
