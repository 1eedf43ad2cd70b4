package dev.ganstudio.core.metrics;

/**
 * Mean and covariance of a set of feature vectors — the Gaussian that the Fréchet distance compares.
 *
 * @param mean       d means
 * @param covariance d×d sample covariance (divides by n − 1, as numpy's {@code cov} does for FID)
 * @param count      how many vectors were summarised
 */
public record GaussianStats(double[] mean, double[][] covariance, int count) {
    public GaussianStats {
        if (mean == null || mean.length == 0) throw new IllegalArgumentException("mean must have at least one entry");
        if (covariance == null || covariance.length != mean.length) {
            throw new IllegalArgumentException("covariance must be " + mean.length + "×" + mean.length);
        }
        mean = mean.clone();
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            if (covariance[i] == null || covariance[i].length != mean.length) {
                throw new IllegalArgumentException("covariance must be " + mean.length + "×" + mean.length + "; row " + i + " differs");
            }
            c[i] = covariance[i].clone();
        }
        covariance = c;
    }

    public int dimension() { return mean.length; }

    /**
     * Fits mean and covariance to {@code n} vectors of {@code d} values stored row after row in {@code features}.
     * Needs n ≥ 2 and finite values.
     */
    public static GaussianStats of(float[] features, int n, int d) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 feature vectors to estimate a covariance, got " + n);
        if (d < 1) throw new IllegalArgumentException("feature size must be at least 1, got " + d);
        if (features.length != (long) n * d) {
            throw new IllegalArgumentException("features has " + features.length + " values, expected " + n + "×" + d);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                float f = features[i * d + k];
                if (!Float.isFinite(f)) throw new IllegalArgumentException("feature " + k + " of vector " + i + " is " + f);
                mean[k] += f;
            }
        }
        for (int k = 0; k < d; k++) mean[k] /= n;
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) centred[k] = features[i * d + k] - mean[k];
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                if (ca == 0) continue;
                double[] row = cov[a];
                for (int b = a; b < d; b++) row[b] += ca * centred[b];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new GaussianStats(mean, cov, n);
    }
}
