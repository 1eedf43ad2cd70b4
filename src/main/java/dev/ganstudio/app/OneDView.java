package dev.ganstudio.app;

/**
 * Seed 002's view of a 1-D GAN at one moment: real, generated and input-noise values, and D over the range.
 *
 * @param curveX x positions of D(x), ascending (may be empty)
 * @param curveY D(x) at those positions (probability for BCE losses, raw score otherwise)
 * @param transfer G as a map from each noise value to its generated value, when G maps every value alone (else null)
 */
public record OneDView(int epoch, long step, float[] real, float[] generated, float[] noise, double[] curveX, double[] curveY,
                       dev.ganstudio.core.train.TransferMap.Pairs transfer) {

    public static double[] meanStd(float[] v) {
        double mean = 0;
        for (float x : v) mean += x;
        mean /= Math.max(1, v.length);
        double var = 0;
        for (float x : v) var += (x - mean) * (x - mean);
        return new double[] {mean, Math.sqrt(var / Math.max(1, v.length))};
    }

    public static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
