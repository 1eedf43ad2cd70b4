package dev.ganstudio.core.metrics;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method: A = V·diag(λ)·Vᵀ with orthonormal V.
 * Accurate to working precision for the small (≤ a few hundred rows) covariance matrices the image metrics use;
 * O(n³) per sweep, typically 6–10 sweeps.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Eigenvalues, in no particular order; {@code values()[k]} belongs to column k of {@link #vectors()}. */
    public double[] values() { return values.clone(); }

    /** Eigenvectors as the columns of an orthonormal matrix. */
    public double[][] vectors() {
        double[][] v = new double[vectors.length][];
        for (int i = 0; i < v.length; i++) v[i] = vectors[i].clone();
        return v;
    }

    /**
     * Decomposes {@code matrix}, which must be square, finite and symmetric (|a_ij − a_ji| ≤ 1e-9·max|a|); the input
     * is not modified.
     */
    public static SymmetricEigen of(double[][] matrix) {
        int n = checkSymmetric(matrix);
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = matrix[i].clone();
        double[][] v = new double[n][n];
        double[] d = new double[n], b = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
            d[i] = b[i] = a[i][i];
        }
        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n - 1; p++) for (int q = p + 1; q < n; q++) off += Math.abs(a[p][q]);
            if (off == 0) return new SymmetricEigen(d, v);
            double threshold = sweep < 4 ? 0.2 * off / ((double) n * n) : 0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double g = 100 * Math.abs(a[p][q]);
                    if (sweep > 4 && Math.abs(d[p]) + g == Math.abs(d[p]) && Math.abs(d[q]) + g == Math.abs(d[q])) {
                        a[p][q] = 0;
                    } else if (Math.abs(a[p][q]) > threshold) {
                        double h = d[q] - d[p], t;
                        if (Math.abs(h) + g == Math.abs(h)) {
                            t = a[p][q] / h;
                        } else {
                            double theta = 0.5 * h / a[p][q];
                            t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
                            if (theta < 0) t = -t;
                        }
                        double c = 1 / Math.sqrt(1 + t * t), s = t * c, tau = s / (1 + c);
                        h = t * a[p][q];
                        z[p] -= h;
                        z[q] += h;
                        d[p] -= h;
                        d[q] += h;
                        a[p][q] = 0;
                        for (int j = 0; j < p; j++) rotate(a, j, p, j, q, s, tau);
                        for (int j = p + 1; j < q; j++) rotate(a, p, j, j, q, s, tau);
                        for (int j = q + 1; j < n; j++) rotate(a, p, j, q, j, s, tau);
                        for (int j = 0; j < n; j++) rotate(v, j, p, j, q, s, tau);
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                b[p] += z[p];
                d[p] = b[p];
                z[p] = 0;
            }
        }
        throw new ArithmeticException("Jacobi eigen-decomposition of a " + n + "×" + n + " matrix did not converge in "
                + MAX_SWEEPS + " sweeps");
    }

    /** Eigenvalues only (same algorithm). */
    public static double[] eigenvalues(double[][] matrix) {
        return of(matrix).values;
    }

    /**
     * The positive semi-definite square root V·diag(√max(λ, 0))·Vᵀ of a symmetric matrix; small negative eigenvalues
     * from rounding (covariances of rank-deficient data) are treated as 0.
     */
    public static double[][] sqrtPsd(double[][] matrix) {
        SymmetricEigen e = of(matrix);
        int n = matrix.length;
        double[] root = new double[n];
        for (int k = 0; k < n; k++) root[k] = Math.sqrt(Math.max(0, e.values[k]));
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) sum += e.vectors[i][k] * root[k] * e.vectors[j][k];
                r[i][j] = sum;
                r[j][i] = sum;
            }
        }
        return r;
    }

    private static void rotate(double[][] a, int i, int j, int k, int l, double s, double tau) {
        double g = a[i][j], h = a[k][l];
        a[i][j] = g - s * (h + g * tau);
        a[k][l] = h + s * (g - h * tau);
    }

    private static int checkSymmetric(double[][] m) {
        if (m == null || m.length == 0) throw new IllegalArgumentException("matrix must have at least one row");
        int n = m.length;
        double max = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has "
                        + (m[i] == null ? "no" : String.valueOf(m[i].length)) + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) throw new IllegalArgumentException("matrix[" + i + "][" + j + "] is " + m[i][j]);
                max = Math.max(max, Math.abs(m[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > 1e-9 * max) {
                    throw new IllegalArgumentException("matrix is not symmetric: [" + i + "][" + j + "] = " + m[i][j]
                            + " but [" + j + "][" + i + "] = " + m[j][i]);
                }
            }
        }
        return n;
    }
}
