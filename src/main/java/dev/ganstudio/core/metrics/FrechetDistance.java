package dev.ganstudio.core.metrics;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians, as used by FID:
 * d² = ‖μ₁ − μ₂‖² + tr(C₁ + C₂ − 2 (C₁^½ C₂ C₁^½)^½).
 * Both square roots come from symmetric eigen-decompositions ({@link SymmetricEigen}), so no complex arithmetic
 * and no new dependency is needed; the result is clamped at 0 against rounding.
 *
 * <p>GAN Studio applies it to the penultimate-layer features of its own small digit classifier ("FLD"), which makes
 * the numbers comparable between runs on the same dataset but <em>not</em> with Inception-based FID scores.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /** Squared Fréchet distance between two fitted Gaussians of the same dimension. */
    public static double between(GaussianStats a, GaussianStats b) {
        int d = a.dimension();
        if (b.dimension() != d) {
            throw new IllegalArgumentException("cannot compare Gaussians of dimension " + d + " and " + b.dimension());
        }
        double[] ma = a.mean(), mb = b.mean();
        double meanTerm = 0;
        for (int k = 0; k < d; k++) meanTerm += (ma[k] - mb[k]) * (ma[k] - mb[k]);
        double[][] ca = a.covariance(), cb = b.covariance();
        double traces = 0;
        for (int k = 0; k < d; k++) traces += ca[k][k] + cb[k][k];
        double[][] s = SymmetricEigen.sqrtPsd(ca);
        double[][] m = multiply(multiply(s, cb), s);
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double avg = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
        double crossTrace = 0;
        for (double lambda : SymmetricEigen.eigenvalues(m)) crossTrace += Math.sqrt(Math.max(0, lambda));
        return Math.max(0, meanTerm + traces - 2 * crossTrace);
    }

    /** Squared Fréchet distance between Gaussians fitted to two sets of d-dimensional feature vectors. */
    public static double between(float[] a, int na, float[] b, int nb, int d) {
        return between(GaussianStats.of(a, na, d), GaussianStats.of(b, nb, d));
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length, inner = y.length, m = y[0].length;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ri = r[i];
            for (int k = 0; k < inner; k++) {
                double xik = x[i][k];
                if (xik == 0) continue;
                double[] yk = y[k];
                for (int j = 0; j < m; j++) ri[j] += xik * yk[j];
            }
        }
        return r;
    }
}
