package dev.ganstudio.core.train;

/**
 * What one training iteration measured (means over its D and G steps).
 *
 * @param dReal mean D(x) on the real batch (probability for BCE losses, raw output otherwise)
 * @param dFake mean D(G(z)) on the fake batch, before D's update
 */
public record StepMetrics(long step, int epoch, float dLoss, float gLoss, float dReal, float dFake,
                          float lrG, float lrD, double seconds) {
    public boolean finite() {
        return Float.isFinite(dLoss) && Float.isFinite(gLoss) && Float.isFinite(dReal) && Float.isFinite(dFake);
    }
}
